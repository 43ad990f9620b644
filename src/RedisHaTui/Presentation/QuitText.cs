using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// What quitting does to the lab, said exactly: what this app stops (what it started) and what it leaves running
/// (started by hand in another terminal), with the command that stops the rest. The quit question and the line on
/// stderr after the screen closes say the same sentences.
/// </summary>
public static class QuitText
{
    /// <summary>What quitting a replay does: nothing runs behind it.</summary>
    public const string Replay = "A replay: no lab runs behind it, nothing to stop.";

    /// <param name="owns">The app owns the lab; attached (--no-start) it stops nothing.</param>
    public static IReadOnlyList<string> Consequences(LabSnapshot s, LabDefinition lab, bool owns)
    {
        if (!owns) return ["Attached: the processes keep running."];
        string[] ours = [.. lab.Processes.Select(p => p.Name).Where(n => s.ProcessOf(n) is { IsAlive: true, StartedByHand: false })];
        string[] byHand = [.. lab.Processes.Select(p => p.Name).Where(n => s.ProcessOf(n) is { StartedByHand: true })];
        var lines = new List<string>();
        if (ours.Length > 0) lines.Add($"Stopping {List(ours)}: started by this app.");
        if (byHand.Length > 0)
        {
            bool one = byHand.Length == 1;
            lines.Add($"{List(byHand)} {(one ? "was" : "were")} started by hand and {(one ? "keeps" : "keep")} running: `{DownCommand(lab)}` stops {(one ? "it" : "them")}.");
        }
        if (lines.Count == 0) lines.Add("Nothing of the lab is running: nothing to stop.");
        return lines;
    }

    /// <summary>
    /// `redis-ha-tui down` for this lab: with --lab when its file is not the lab.json of the current folder, and the
    /// lab's --port-offset.
    /// </summary>
    public static string DownCommand(LabDefinition lab)
    {
        string command = "redis-ha-tui down";
        if (!lab.BuiltIn && lab.LabFile.Length > 0 && Path.GetFullPath(lab.LabFile) != Path.GetFullPath("lab.json"))
            command += $" --lab {Quoted(LabLoader.Relative(lab.LabFile))}";
        return lab.PortOffset != 0 ? $"{command} --port-offset {lab.PortOffset}" : command;
    }

    private static string Quoted(string path) => path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-') ? path : $"'{path.Replace("'", "'\\''")}'";

    private static string List(string[] names) => string.Join(", ", names);
}
