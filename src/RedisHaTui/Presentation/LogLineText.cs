using System.Text;
using System.Text.RegularExpressions;

namespace RedisHaTui.Presentation;

/// <summary>How a process's log line is shown in a pane.</summary>
internal static partial class LogLineText
{
    /// <summary>
    /// "12345:M 21 Jan 2026 10:20:30.123 * Ready" → "10:20:30.123 * Ready": in a 25-column pane the pid, role letter
    /// and date push the message out of sight, and the pane title and badge already say who and what.
    /// Lines in any other shape are kept as they are.
    /// </summary>
    public static string Compact(string line)
    {
        Match m = RedisLogLine().Match(line);
        return m.Success ? $"{m.Groups[1].Value} {m.Groups[2].Value}" : line;
    }

    /// <summary>Tabs and control characters would move the cursor or break the frame: show them as spaces.</summary>
    public static string Printable(string line)
    {
        bool clean = true;
        foreach (char c in line) if (char.IsControl(c)) { clean = false; break; }
        if (clean) return line;
        var sb = new StringBuilder(line.Length);
        foreach (char c in line) sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString();
    }

    [GeneratedRegex(@"^\d+:[A-Z] \d{1,2} [A-Za-z]{3} \d{4} (\d\d:\d\d:\d\d\.\d{3}) (.*)$")]
    private static partial Regex RedisLogLine();
}
