using RedisHaTui.Core.Shell;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Presentation;

/// <summary>
/// A walkthrough as text to print or paste: each step's explanation, the commands exactly as the panel shows them
/// (`$ …`, with this lab's ports and this machine's forms) and the app's keys. Pure: the walkthrough in, lines out.
/// </summary>
public static class WalkthroughSheet
{
    /// <summary>The line that says where the commands are typed; the panel and the sheet share it.</summary>
    public static string Where(Walkthrough w) => $"type the commands in a terminal at {Shortened(w.TypeFrom)}";

    /// <summary>A folder as a person reads it: under the home folder as ~/….</summary>
    private static string Shortened(string folder)
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 1 && (folder + "/").StartsWith(home + "/", StringComparison.Ordinal) ? "~" + folder[home.Length..] : folder;
    }

    public static IReadOnlyList<string> Lines(Walkthrough w)
    {
        var lines = new List<string> { $"{w.Title}  ({w.File})", Where(w) + $" (cd {ShellForms.Quote(w.TypeFrom)})", "" };
        for (int i = 0; i < w.Steps.Length; i++)
        {
            WalkthroughStep step = w.Steps[i];
            lines.Add($"{i + 1}. {step.Title}");
            if (step.Explanation.Length > 0) lines.Add("   " + string.Join(' ', step.Explanation));
            lines.AddRange(step.Commands.Select(c => "   $ " + c));
            if (step.Key.Length > 0) lines.Add("   in the app: " + step.Key);
            lines.Add("");
        }
        return lines;
    }
}
