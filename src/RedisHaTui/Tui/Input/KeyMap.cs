using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Screen;
using Terminal.Gui.Input;

namespace RedisHaTui.Tui.Input;

/// <summary>
/// The main screen's keys: one table the router, the status bar and the `?` overlay all read. Adding a key is
/// one entry here (and its handler on the part it drives). Keys that a mode owns while it is open (the prompts'
/// editing keys, y/n in a question) belong to <see cref="ScreenModes"/>, not here.
/// </summary>
internal static class KeyMap
{
    private static readonly HelpLine Select = new("←↑→↓ Tab 1-9", "select a pane; Tab goes on to the timeline and the chart (or click it)");
    private static readonly HelpLine Zoom = new("Enter z", "zoom the selected pane, the timeline or the chart (Esc returns)");
    private static readonly HelpLine Scroll = new("PgUp PgDn Home End", "scroll its log (or the mouse wheel)");
    private static readonly HelpLine Search = new("/  n  N", "search its log; next older / newer match");
    private static readonly HelpLine Help = new("?  F1", "this help");
    private static readonly HelpLine Quit = new("q  Ctrl+C", "quit (asks first)");
    private static readonly HelpLine Guide = new("g", "show/hide the guided walkthrough (--walkthrough)");
    private static readonly HelpLine Steps = new("[  ]", "walkthrough: previous / next step (] passes a step)");

    /// <summary>In the order the `?` overlay lists them.</summary>
    public static readonly IReadOnlyList<Binding> All =
    [
        new(Select, (s, _) => s.Grid.SelectNext()) { Keys = [Key.Tab], Hint = new(10, "Tab", "select") },
        new(Select, (s, _) => s.Grid.SelectPrevious()) { Keys = [Key.Tab.WithShift] },
        new(Select, (s, _) => s.Grid.SelectToward(Direction.Left)) { Keys = [Key.CursorLeft] },
        new(Select, (s, _) => s.Grid.SelectToward(Direction.Right)) { Keys = [Key.CursorRight] },
        new(Select, (s, _) => s.Grid.SelectToward(Direction.Up)) { Keys = [Key.CursorUp] },
        new(Select, (s, _) => s.Grid.SelectToward(Direction.Down)) { Keys = [Key.CursorDown] },
        new(Select, (s, key) => s.Grid.SelectProcess(KeyText.Printable(key) - '0')) { Chars = "123456789" },

        new(Zoom, (s, _) => s.Grid.SetZoom(true)) { Keys = [Key.Enter] },
        // The hint teaches the pair: Tab reaches the timeline and the chart, z gives them the screen.
        new(Zoom, (s, _) => s.Grid.SetZoom(!s.Grid.Zoomed)) { Chars = "z", Hint = new(3, "Tab+z", "zoom timeline/chart") },

        new(Scroll, (s, _) => s.Grid.Selected.PageUp()) { Keys = [Key.PageUp], Hint = new(11, "PgUp", "scroll") },
        new(Scroll, (s, _) => s.Grid.Selected.PageDown()) { Keys = [Key.PageDown] },
        new(Scroll, (s, _) => s.Grid.Selected.ScrollToTop()) { Keys = [Key.Home] },
        new(Scroll, (s, _) => s.Grid.Selected.ScrollToBottom()) { Keys = [Key.End] },

        new(Search, (s, _) => s.Search.Open()) { Chars = "/", Hint = new(9, "/", "search") },
        new(Search, (s, _) => s.Search.Repeat(older: true)) { Chars = "n" },
        new(Search, (s, _) => s.Search.Repeat(older: false)) { Chars = "N" },

        OnSelected('s', LabActionKind.Start) with { Hint = new(8, "s/x/r", "start/stop/restart") },
        OnSelected('x', LabActionKind.Stop),
        OnSelected('k', LabActionKind.Kill) with { Hint = new(4, "k", "kill") },
        LabWide('K', LabActionKind.KillMaster),
        OnSelected('r', LabActionKind.Restart),
        // Pause or Resume: which one is read from the process's state in the snapshot when the key is pressed.
        OnSelected('p', LabActionKind.Pause, "pause it (SIGSTOP) or resume it (SIGCONT)")
            with { Run = (s, _) => s.Actions.PauseOrResumeSelected(), Hint = new(7, "p", "pause") },
        OnSelected('d', LabActionKind.DebugSleep),
        LabWide('f', LabActionKind.Failover) with
        {
            Run = (s, _) => s.Actions.AskFirst(LabActionKind.Failover, "Sentinel failover?", FailoverPreview.Describe, "Enter/y fail over · Esc/n cancel"),
            Hint = new(5, "f", "failover"),
        },
        LabWide('c', LabActionKind.CheckQuorum),

        new(new("w", "start or stop the write load (Load:Rate writes/s, chart)"),
            (s, _) => s.Load.Toggle()) { Chars = "w", Hint = new(12, "w", "write load") },
        new(new("!", "fault menu: break the lab on purpose, told what to expect first"), (s, _) => s.Faults.Open()) { Chars = "!", Hint = new(13, "!", "faults") },
        new(Guide, (s, _) => s.Walkthrough.Toggle()) { Chars = "g", Hint = new(14, "g", "guide") },
        new(Steps, (s, _) => s.Walkthrough.Previous()) { Chars = "[" },
        new(Steps, (s, _) => s.Walkthrough.Next()) { Chars = "]" },
        new(new("v", "config drift: the selected process's working config against lab/, and why"), (s, _) => s.Drift.ShowSelected()) { Chars = "v", Hint = new(15, "v", "drift") },
        new(new("e", "write the session's handout (Markdown) into handouts/ beside the lab file"), (s, _) => s.Handout.Write()) { Chars = "e", Hint = new(16, "e", "handout") },

        new(new(":", "send a Redis command to it (↑↓ history)"), (s, _) => s.Console.Open()) { Chars = ":", Hint = new(6, ":", "cmd") },
        new(Help, (s, _) => s.Modes.ShowHelp(HelpText.Lines(HelpRows(s.Actions.Snapshot, s.Grid.SelectedProcess?.ProcessName, replay: s.Replay is not null))))
            { Chars = "?", Keys = [Key.F1], Hint = new(1, "?", "help") },
        new(Quit, (s, _) => s.Quit.Ask()) { Chars = "q", Keys = [Key.C.WithCtrl], Hint = new(2, "q", "quit") },
        // Esc peels one layer: the zoom, then the search highlight. It never quits.
        new(new("Esc", "close a dialog, unzoom, clear the search"), (s, _) => { if (!s.Grid.SetZoom(false)) s.Search.ClearHighlight(); })
            { Keys = [Key.Esc] },
    ];

    /// <summary>
    /// The keys of a replay (`redis-ha-tui replay FILE`), read before the table above only there: they drive the
    /// player, so ← → step through the recording instead of selecting (↑ ↓ Tab 1-9 still select), [ ] jump between
    /// marks instead of walkthrough steps (the walkthrough replays as it was), and `:` goes to a time (no Redis to send to).
    /// </summary>
    public static readonly IReadOnlyList<Binding> ReplayKeys =
    [
        new(new("space", "play / pause the replay"), (s, _) => s.Replay!.TogglePlay()) { Keys = [Key.Space] },
        new(new("←  →", "one moment back / on (where the screen changed), paused there"), (s, _) => s.Replay!.Step(forward: false)) { Keys = [Key.CursorLeft] },
        new(new("←  →", "one moment back / on (where the screen changed), paused there"), (s, _) => s.Replay!.Step(forward: true)) { Keys = [Key.CursorRight] },
        new(new("Shift+←  Shift+→", $"{ReplayPlayer.Skip.TotalSeconds:0} seconds back / on"), (s, _) => s.Replay!.Skip(forward: false)) { Keys = [Key.CursorLeft.WithShift] },
        new(new("Shift+←  Shift+→", $"{ReplayPlayer.Skip.TotalSeconds:0} seconds back / on"), (s, _) => s.Replay!.Skip(forward: true)) { Keys = [Key.CursorRight.WithShift] },
        new(new("[  ]", "previous / next mark: a failover, a fault, an action, a walkthrough step (◆ ┼ on the bar)"), (s, _) => s.Replay!.Mark(forward: false)) { Chars = "[" },
        new(new("[  ]", "previous / next mark: a failover, a fault, an action, a walkthrough step (◆ ┼ on the bar)"), (s, _) => s.Replay!.Mark(forward: true)) { Chars = "]" },
        new(new("<  >", $"slower / faster ({string.Join(", ", ReplayPlayer.Speeds.Select(x => $"{x}×"))})"), (s, _) => s.Replay!.Slower()) { Chars = "<" },
        new(new("<  >", $"slower / faster ({string.Join(", ", ReplayPlayer.Speeds.Select(x => $"{x}×"))})"), (s, _) => s.Replay!.Faster()) { Chars = ">" },
        new(new(":", $"go to a time: {GoToTime.Forms}"), (s, _) => s.Replay!.OpenGoTo()) { Chars = ":" },
        new(new("End", "back to the end (live while the recording still grows)"), (s, _) => s.Replay!.GoToEnd()) { Keys = [Key.End] },
    ];

    /// <summary>The `?` overlay's rows: each distinct help line once, in table order.</summary>
    public static IReadOnlyList<HelpLine> HelpLines => [.. All.Select(b => b.Help).Distinct()];

    /// <summary>The replay's own rows, for the overlay and the key sheet.</summary>
    public static IReadOnlyList<HelpLine> ReplayHelpLines => [.. ReplayKeys.Select(b => b.Help).Distinct()];

    /// <summary>The `?` overlay's rows now: every help line, a lab command's dimmed with the snapshot's reason when it cannot run.</summary>
    /// <param name="selected">The process pane selected, if any: the target of the per-process commands.</param>
    /// <param name="replay">A replay: its keys first, then the screen's that it leaves as they are (every action dimmed "replay").</param>
    public static IReadOnlyList<HelpRow> HelpRows(LabSnapshot s, string? selected, bool replay = false) =>
    [
        .. replay ? ReplayHelpLines.Select(line => new HelpRow(line)) : [],
        .. HelpLines.Where(line => !replay || All.Any(b => b.Help == line && !Shadowed(b)))
            .Select(line => new HelpRow(line, All.Where(b => b.Help == line && b.Action is not null).Select(b => WhyNot(b, s, selected)).FirstOrDefault())),
    ];

    /// <summary>In a replay, a key of the live table every one of whose keys a replay key takes.</summary>
    private static bool Shadowed(Binding b) =>
        b.Keys.All(k => ReplayKeys.Any(r => r.AnswersTo(k))) && b.Chars.All(c => ReplayKeys.Any(r => r.AnswersTo(new Key(c))));

    /// <summary>The status bar's short hints, most useful first; the bar shows as many as fit.</summary>
    public static IReadOnlyList<StatusHint> Hints { get; } = [.. All.Select(b => b.Hint).OfType<StatusHint>().OrderBy(h => h.Rank)];

    /// <summary>
    /// The hints whose keys cannot run now, for the status bar to dim (every hint stays on it). A hint that names
    /// several keys ("s/x/r") is dimmed only when none of them can run.
    /// </summary>
    public static IReadOnlySet<StatusHint> DisabledHints(LabSnapshot s, string? selected) => Hints.Where(h =>
    {
        Binding[] keys = [.. h.Keys.Split('/').Select(k => All.FirstOrDefault(b => b.Chars == k && b.Action is not null)).OfType<Binding>()];
        return keys.Length > 0 && keys.All(b => WhyNot(b, s, selected) is not null);
    }).ToHashSet();

    /// <summary>
    /// Why a key's lab command cannot run now, or null (also for keys that run none): the snapshot's reason, on the
    /// selected process for a per-process command. `p` is pause or resume, whichever the process's state asks for.
    /// </summary>
    public static string? WhyNot(Binding b, LabSnapshot s, string? selected)
    {
        if (b.Action is not { } kind) return null;
        // A session that acts on nothing (a replay) says so for every key, selected pane or not.
        if (s.Availability.Refused is { } refused) return refused;
        if (LabCommands.Get(kind).Scope == CommandScope.Lab) return s.WhyNot(kind);
        if (selected is null) return "select a process pane first (1-9, Tab, or click it)";
        if (kind == LabActionKind.Pause && s.ProcessOf(selected)?.State == ProcessState.Paused) kind = LabActionKind.Resume;
        return s.WhyNot(kind, selected);
    }

    /// <summary>The binding a key runs on the main screen, or null when the key means nothing there; in a replay its keys come first.</summary>
    public static Binding? Find(Key key, bool replay = false) =>
        (replay ? ReplayKeys.FirstOrDefault(b => b.AnswersTo(key)) : null) ?? All.FirstOrDefault(b => b.AnswersTo(key));

    /// <summary>A key for one of the core's commands (<see cref="LabCommands"/>): its help is the command's own.</summary>
    private static Binding OnSelected(char key, LabActionKind kind, string? help = null) =>
        new(new HelpLine(key.ToString(), help ?? LabCommands.Get(kind).Help), (s, _) => s.Actions.RunOnSelected(kind)) { Chars = key.ToString(), Action = kind };

    private static Binding LabWide(char key, LabActionKind kind) =>
        new(new HelpLine(key.ToString(), LabCommands.Get(kind).Help), (s, _) => s.Actions.RunLabWide(kind)) { Chars = key.ToString(), Action = kind };
}
