using System.Text;
using RedisHaTui.Core.Actions;
using RedisHaTui.Tui.Input;

namespace RedisHaTui.Presentation;

/// <summary>
/// The one-page key sheet (docs/keys.md, and `redis-ha-tui keys`): generated from the key table and the lab's
/// command table, so it never drifts from the screen. Pure: the tables in, Markdown out.
/// </summary>
internal static class KeySheet
{
    public const string RegenerateWith = "dotnet run --project src/RedisHaTui -- keys > docs/keys.md";

    public static string Markdown()
    {
        var md = new StringBuilder();
        md.Append("# redis-ha-tui: the keys\n\n");
        md.Append($"<!-- Generated from the key table (src/RedisHaTui/Tui/Input/KeyMap.cs); do not edit: `{RegenerateWith}`. -->\n\n");
        md.Append("| keys | what they do |\n|---|---|\n");
        foreach (HelpLine line in KeyMap.HelpLines) md.Append($"| {Code(line.Keys)} | {Escape(line.Text)} |\n");
        md.Append('\n');
        md.Append("**Tab + z**: Tab walks the process panes, then the timeline and the write-load chart; z (or Enter) gives the one selected the whole screen, Esc gives it back.\n\n");
        md.Append("A key that cannot run now stays listed: `?` shows it dimmed with the reason (\"node2 is not running (s starts it)\", ");
        md.Append("\"no replica linked: NOGOODSLAVE\"), and the status bar dims it.\n\n");
        md.Append("## Replaying a recording (`redis-ha-tui replay FILE`)\n\n");
        md.Append("| keys | what they do |\n|---|---|\n");
        foreach (HelpLine line in KeyMap.ReplayHelpLines) md.Append($"| {Code(line.Keys)} | {Escape(line.Text)} |\n");
        md.Append('\n');
        md.Append("In a replay these keys come first; the others work as above (↑ ↓ Tab 1-9 select, z zooms, / searches the log as it was, ");
        md.Append("e writes the handout of the moment shown), and every action is refused: `?` dims each with \"replay\".\n\n");
        md.Append("## The same commands from another terminal\n\n");
        md.Append("| key | command line |\n|---|---|\n");
        foreach (Binding b in KeyMap.All.Where(b => b.Action is not null))
        {
            LabCommand c = LabCommands.Get(b.Action!.Value);
            string verb = c.Verb is null
                ? "none: a process started from the command line would end with it (the screen, `redis-ha-tui up` or start.sh starts it)"
                : Code($"redis-ha-tui {c.Verb}{(c.Scope == CommandScope.Process ? " NAME" : "")}")
                  + (c.Kind == LabActionKind.Pause ? $", {Code("redis-ha-tui resume NAME")}" : "");
            md.Append($"| {Code(b.Chars)} | {verb} |\n");
        }
        md.Append($"| {Code(":")} | {Code("redis-ha-tui cli NAME ARGS…")} (redis-cli with the lab's host, port and password) |\n");
        md.Append('\n');
        md.Append("Badges: MASTER REPLICA SENTINEL SYNCING STARTING PAUSED DOWN.\n");
        return md.ToString();
    }

    private static string Code(string text) => "`" + text.Replace("|", "\\|", StringComparison.Ordinal) + "`";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
