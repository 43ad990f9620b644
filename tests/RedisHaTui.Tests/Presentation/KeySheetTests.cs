using RedisHaTui.Core.Actions;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;

namespace RedisHaTui.Tests.Presentation;

/// <summary>docs/keys.md is what the key table generates: a key added to the screen is on the printed sheet.</summary>
public sealed class KeySheetTests
{
    private static string RepoFile(string relative)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "RedisHaTui.sln"))) return Path.Combine(dir, relative);
        throw new InvalidOperationException("RedisHaTui.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Docs_keys_md_is_what_the_key_table_generates()
    {
        string generated = KeySheet.Markdown();
        string committed = File.ReadAllText(RepoFile("docs/keys.md"));
        Assert.True(committed == generated,
            $"docs/keys.md differs from what the key table generates. Regenerate it from the repository's folder: {KeySheet.RegenerateWith}");
    }

    [Fact]
    public void The_sheet_names_every_key_and_every_lab_commands_verb()
    {
        string sheet = KeySheet.Markdown();
        foreach (HelpLine line in KeyMap.HelpLines) Assert.Contains($"| `{line.Keys}` | {line.Text} |", sheet);
        foreach (LabCommand c in LabCommands.Verbs) Assert.Contains($"`redis-ha-tui {c.Verb}", sheet);
        Assert.Contains("**Tab + z**", sheet);
    }
}
