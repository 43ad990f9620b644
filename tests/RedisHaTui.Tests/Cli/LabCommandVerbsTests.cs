using System.CommandLine;
using RedisHaTui.Cli;
using RedisHaTui.Core.Actions;

namespace RedisHaTui.Tests.Cli;

/// <summary>The command line's lab verbs come from the command table: one entry there is a verb, its help and its completion.</summary>
public sealed class LabCommandVerbsTests
{
    [Fact]
    public void Every_command_of_the_table_with_a_verb_is_a_verb_with_help_and_completes()
    {
        var line = new AppCommandLine();
        string[] verbs = [.. line.Root.Subcommands.Select(c => c.Name)];
        Assert.Equal(AppCommandLine.Verbs, verbs);
        foreach (LabCommand c in LabCommands.Verbs)
        {
            Command verb = line.Root.Subcommands.Single(x => x.Name == c.Verb);
            Assert.False(string.IsNullOrWhiteSpace(verb.Description));
            Assert.Equal(c.Scope == CommandScope.Process, verb.Arguments.Any(a => a.Name == "NAME"));
            string[] completions = [.. line.Root.Parse(c.Verb![..2]).GetCompletions().Select(x => x.Label)];
            Assert.Contains(c.Verb, completions);
        }
        // Starting is the screen's, `up`'s and start.sh's: a process started by a command-line verb would end with it.
        Assert.Null(LabCommands.Get(LabActionKind.Start).Verb);
        Assert.DoesNotContain("start", verbs);
    }

    [Theory]
    [InlineData(new[] { "cli", "node1", "--raw", "get", "-5" }, new[] { "node1", "--raw", "get", "-5" })]
    [InlineData(new[] { "cli", "--port-offset", "3", "node2", "-n", "1", "dbsize" }, new[] { "node2", "-n", "1", "dbsize" })]
    [InlineData(new[] { "cli" }, new string[0])]
    public void Everything_after_clis_first_word_reaches_redis_cli_as_typed(string[] args, string[] words)
    {
        AppCommandLine.Parsed parsed = new AppCommandLine().Parse(args);
        Assert.Empty(parsed.Errors);
        Assert.Equal(words, parsed.Result!.CommandResult.Tokens.Select(t => t.Value).Where(v => v != "--"));
    }
}
