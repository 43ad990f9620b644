using System.Text;
using Terminal.Gui.Input;

namespace RedisHaTui.Tui.Input;

/// <summary>
/// The main screen's keys in one table: the router, the status bar hints and the `?` overlay all read it,
/// so a key cannot work without being documented, or be documented without working.
/// </summary>
internal static class KeyMap
{
    public sealed record Binding(string Keys, string Help, UiCommand Command);

    public static readonly IReadOnlyList<Binding> Help =
    [
        new("←↑→↓ Tab 1-9", "select a pane (or click it)", UiCommand.SelectNext),
        new("Enter z", "zoom the selected pane (Esc returns)", UiCommand.Zoom),
        new("PgUp PgDn Home End", "scroll its log (or the mouse wheel)", UiCommand.PageUp),
        new("/  n  N", "search its log; next older / newer match", UiCommand.Search),
        new("s", "start the selected process", UiCommand.Start),
        new("x", "stop it gracefully (SHUTDOWN, SIGTERM, then SIGKILL)", UiCommand.Stop),
        new("k", "kill -9 it", UiCommand.Kill),
        new("K", "kill -9 whichever node is master", UiCommand.KillMaster),
        new("r", "restart it", UiCommand.Restart),
        new("p", "pause it (SIGSTOP) or resume it (SIGCONT)", UiCommand.PauseResume),
        new("d", "DEBUG SLEEP 5: the node stops answering", UiCommand.DebugSleep),
        new("f", "Sentinel failover (asks first)", UiCommand.Failover),
        new("c", "check quorum on every sentinel", UiCommand.CheckQuorum),
        new(":", "send a Redis command to it (↑↓ history)", UiCommand.Command),
        new("?  F1", "this help", UiCommand.Help),
        new("q  Ctrl+C", "quit (asks first)", UiCommand.Quit),
        new("Esc", "close a dialog, unzoom, clear the search", UiCommand.Back),
    ];

    /// <summary>The status bar's short hints, most useful first; the bar shows as many as fit.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Hints =
    [
        ("?", "help"), ("q", "quit"), ("z", "zoom"), ("k", "kill"), ("f", "failover"), (":", "cmd"),
        ("p", "pause"), ("s/x/r", "start/stop/restart"), ("/", "search"), ("Tab", "select"), ("PgUp", "scroll"),
    ];

    public static (UiCommand Command, int Number) Map(Key key)
    {
        if (key == Key.Tab) return (UiCommand.SelectNext, 0);
        if (key == Key.Tab.WithShift) return (UiCommand.SelectPrevious, 0);
        if (key == Key.CursorLeft) return (UiCommand.SelectLeft, 0);
        if (key == Key.CursorRight) return (UiCommand.SelectRight, 0);
        if (key == Key.CursorUp) return (UiCommand.SelectUp, 0);
        if (key == Key.CursorDown) return (UiCommand.SelectDown, 0);
        if (key == Key.Enter) return (UiCommand.Zoom, 0);
        if (key == Key.Esc) return (UiCommand.Back, 0);
        if (key == Key.PageUp) return (UiCommand.PageUp, 0);
        if (key == Key.PageDown) return (UiCommand.PageDown, 0);
        if (key == Key.Home) return (UiCommand.Top, 0);
        if (key == Key.End) return (UiCommand.Bottom, 0);
        if (key == Key.F1) return (UiCommand.Help, 0);
        if (key == Key.C.WithCtrl) return (UiCommand.Quit, 0);
        if (key.IsCtrl || key.IsAlt) return (UiCommand.None, 0);
        return Printable(key) switch
        {
            >= '1' and <= '9' and var d => (UiCommand.SelectNumber, d - '0'),
            '?' => (UiCommand.Help, 0),
            'q' => (UiCommand.Quit, 0),
            'z' => (UiCommand.ToggleZoom, 0),
            '/' => (UiCommand.Search, 0),
            'n' => (UiCommand.SearchOlder, 0),
            'N' => (UiCommand.SearchNewer, 0),
            's' => (UiCommand.Start, 0),
            'x' => (UiCommand.Stop, 0),
            'k' => (UiCommand.Kill, 0),
            'K' => (UiCommand.KillMaster, 0),
            'r' => (UiCommand.Restart, 0),
            'p' => (UiCommand.PauseResume, 0),
            'f' => (UiCommand.Failover, 0),
            'c' => (UiCommand.CheckQuorum, 0),
            'd' => (UiCommand.DebugSleep, 0),
            ':' => (UiCommand.Command, 0),
            _ => (UiCommand.None, 0),
        };
    }

    /// <summary>The character a key types, with Shift applied ('K' for Shift+K), or '\0' for keys that type nothing.</summary>
    public static char Printable(Key key)
    {
        string text = key.GetPrintableText();
        if (text.Length == 1 && !char.IsControl(text[0])) return text[0];
        return key.AsRune is { Value: > 31 and < 0xFFFF } r && !Rune.IsControl(r) ? (char)r.Value : '\0';
    }

    /// <summary>The text a key types into a prompt (any printable grapheme), or null.</summary>
    public static string? Typed(Key key)
    {
        if (key.IsCtrl || key.IsAlt) return null;
        string text = key.GetPrintableText();
        return text.Length > 0 && !text.Any(char.IsControl) ? text : null;
    }
}
