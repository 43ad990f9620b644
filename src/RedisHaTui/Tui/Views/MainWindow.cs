using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;
using RedisHaTui.Tui.Screen;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The whole screen, composed: the pane grid (one pane per process, then the timeline), the status line, the
/// overlays, and the parts that drive them (modes, actions, search, console, quit). This class only wires them
/// and lets data in: snapshots and the log timer through the UI-thread door, keys and clicks from the app.
/// </summary>
internal sealed class MainWindow : Runnable
{
    /// <summary>
    /// Log panes are redrawn at most this often, whatever the line rate. Measured at 160x50 with 5 busy logs:
    /// 22 % of a core at 50 ms, 16 % at 100 ms; 10 redraws/s still reads as live.
    /// </summary>
    public static readonly TimeSpan LogRedrawPeriod = TimeSpan.FromMilliseconds(100);

    private readonly IApplication _app;
    private readonly StatusLine _status;
    private readonly OverlayBox _overlay;
    private readonly CommandConsole _console;
    private readonly FramePlacer _placer = new();
    private readonly UiThreadDoor _door;
    private readonly PaneGrid _grid;
    private readonly ScreenModes _modes;
    private readonly QuitGuard _quit;
    private readonly ScreenParts _parts;
    private readonly ILabSession _session;
    private readonly Theme _theme;

    private readonly WalkthroughController _walkthrough;

    public MainWindow(IApplication app, ILabSession session, Theme theme, TimeZoneInfo? zone = null, Core.Walkthrough.Walkthrough? walkthrough = null)
    {
        _app = app;
        _session = session;
        _theme = theme;
        SetScheme(new Scheme(theme.Base));
        // A message is for the person at the screen: in a replay its life is the viewer's time, not the playhead's
        // (at 10× a mark's name would be gone in 0.8 s; paused, it would hide the scrub bar for good).
        _status = new StatusLine(theme, session.Player?.Wall ?? session.Store.Time);
        _console = new CommandConsole(theme);
        _overlay = new OverlayBox(theme);
        _door = new UiThreadDoor(app, ex => _status.Show($"error: {ex.GetBaseException().Message}", Tone.Bad));

        _grid = new PaneGrid(this, _placer);
        _grid.AddGroup(ProcessPanes(session.Lab.Processes), CellsOfProcesses);
        Timeline = new TimelineView(theme, zone ?? TimeZoneInfo.Local);
        _grid.AddGroup([Timeline], layout => [LoadChart is null ? layout.Timeline : LoadChartText.Split(layout.Timeline).Timeline]);
        _grid.SelectionChanged += KeepOverlaysOnTop;
        _grid.SelectionChanged += () => ShowKeyAvailability(session.Store.Current);
        foreach (PaneView pane in _grid.Panes) Add(pane);
        _walkthrough = new WalkthroughController(walkthrough, theme, _status, this, session.Store, replay: session.Player is not null);
        if (_walkthrough.Panel is { } panel) Add(panel);
        Add(_status, _console, _overlay); // added last, drawn on top

        _modes = new ScreenModes(this, _overlay, _status);
        _quit = new QuitGuard(app, _modes, () => session.Player is not null ? [QuitText.Replay] : QuitText.Consequences(session.Store.Current, session.Lab, session.OwnsProcesses));
        _modes.AskQuit = _quit.Ask;
        // A replay: its keys drive the player, its scrub bar takes the keys' place on the status line.
        _replay = session.Player is { } player ? new ReplayController(player, _modes, _status, _grid, zone ?? TimeZoneInfo.Local, Tick) : null;
        _parts = new ScreenParts(
            _grid,
            _modes,
            new ActionRunner(session, _grid, _modes, _status, _door),
            new LogSearch(_grid, _modes, _status),
            new ConsoleController(_console, session, _grid, _modes, _status, _door, this),
            _quit,
            new DriftViewer(session, _grid, _modes, _status, zone ?? TimeZoneInfo.Local),
            new HandoutWriter(session, _status, _door, zone ?? TimeZoneInfo.Local),
            _walkthrough,
            new FaultMenuController(session, _modes, _status, _door),
            _load = new LoadController(session, _status),
            _replay);

        Show(session.Store.Current);
        // A damaged recording plays what could be read, and says at once what could not.
        if (session.Player?.Recording.Problem is { } problem)
            _status.Show($"this recording is damaged: {problem}; it replays what could be read", Tone.Warn);
        // The folder first: it is where the lab's files, run directory and handouts are (README), and what must not be cut.
        else if (session.Lab.BuiltIn && _replay is null)
            _status.Show($"built-in tutorial lab: {PathText.Shown(session.Lab.LabDirectory)} (no lab.json here) · `{ShellForms.ThisMachine.AppFrom(Directory.GetCurrentDirectory())} init DIR` writes a copy to edit", Tone.Dim);
        _door.WatchNewest(session.Store, Show);
        _door.Every(LogRedrawPeriod, Tick);
        _app.Keyboard.KeyDown += OnKeyDown;
        _app.Mouse.MouseEvent += OnMouse;
    }

    internal IReadOnlyList<ProcessPane> Processes => _grid.Processes;

    internal TimelineView Timeline { get; }

    /// <summary>The write load's chart: made when the first load appears, then it shares the timeline's row.</summary>
    internal LoadChartView? LoadChart { get; private set; }

    private readonly LoadController _load;

    private readonly ReplayController? _replay;

    /// <summary>The replay's keys and scrub bar; null on a live screen.</summary>
    internal ReplayController? Replay => _replay;

    internal PaneView SelectedPane => _grid.Selected;

    internal bool Zoomed => _grid.Zoomed;

    internal bool QuitAllowed => _quit.Allowed;

    internal WalkthroughController Walkthrough => _walkthrough;

    /// <summary>The status line's right end (--share's follower count), drawn fresh on every redraw of the line.</summary>
    internal Func<int, string>? StatusCorner
    {
        set => _status.Corner = value;
    }

    /// <summary>Redraws the status line (its corner changed).</summary>
    internal void RefreshStatus() => _status.SetNeedsDraw();

    /// <summary>Ends the main loop for good: confirmed quit, a signal, or the benchmark's ExitAfter.</summary>
    internal void Quit() => _quit.Quit();

    /// <summary>The log timer: one pass over the panes, a redraw only for those that were fed since the last.</summary>
    internal void Tick()
    {
        bool any = false;
        foreach (PaneView pane in _grid.Panes) any |= pane.RedrawIfFed();
        if (any) KeepOverlaysOnTop();
        _status.Expire();
        _replay?.Tick();
    }

    /// <summary>One pane per process, numbered in order.</summary>
    private PaneView[] ProcessPanes(IEnumerable<ProcessDefinition> processes)
    {
        int number = 1;
        // Attached, a process's log may not be ours to read: say where it would come from instead of an empty box.
        return [.. processes.Select(p => new ProcessPane(p, number++, _session.Log(p.Name),
            _session.OwnsProcesses ? "waiting for output…" : _session.LogSource(p.Name), _theme))];
    }

    private IReadOnlyList<System.Drawing.Rectangle> CellsOfProcesses(ScreenLayout layout) => GridLayout.Compute(_grid.Processes.Count, layout.Panes);

    /// <summary>Applies the newest snapshot; only panes whose part changed redraw.</summary>
    private void Show(LabSnapshot snapshot)
    {
        ShowProcessesOf(snapshot);
        if (LoadChart is null && !snapshot.Loads.IsEmpty) AddLoadChart();
        foreach (PaneView pane in _grid.Panes) pane.Show(snapshot);
        _walkthrough.Observe(snapshot);
        ShowKeyAvailability(snapshot);
        KeepOverlaysOnTop();
    }

    /// <summary>The status bar dims the keys that cannot run now (on the selected process); `?` says why.</summary>
    private void ShowKeyAvailability(LabSnapshot snapshot) =>
        _status.DisabledHints = KeyMap.DisabledHints(snapshot, _grid.SelectedProcess?.ProcessName);

    /// <summary>
    /// A deployment gained or lost a process: the snapshot says so first. New panes go in the old ones' place,
    /// under the status line and the overlays. Only processes the session can name get a pane.
    /// </summary>
    private void ShowProcessesOf(LabSnapshot snapshot)
    {
        ProcessDefinition[] processes = [.. snapshot.Nodes.Select(n => n.Name).Concat(snapshot.Sentinels.Select(x => x.Name))
            .Select(name => _session.Lab.Find(name)).OfType<ProcessDefinition>()];
        if (processes.Select(p => p.Name).SequenceEqual(_grid.Processes.Select(p => p.ProcessName))) return;
        PaneView[] panes = ProcessPanes(processes);
        foreach (PaneView old in _grid.ReplaceGroup(0, panes))
        {
            Remove(old);
            old.Dispose();
        }
        foreach (PaneView pane in panes.Reverse())
        {
            Add(pane);
            MoveSubViewToStart(pane); // drawn first: the status line and the overlays stay above
        }
        SetNeedsLayout();
    }

    private void AddLoadChart()
    {
        LoadChart = new LoadChartView(_theme);
        _grid.AddGroup([LoadChart], layout => [LoadChartText.Split(layout.Timeline).Chart]);
        Add(LoadChart);
        MoveSubViewToStart(LoadChart); // under the status line and the overlays
        SetNeedsLayout();
    }

    /// <summary>A pane redrawn under an overlay must not paint over it: redraw the overlay after it.</summary>
    private void KeepOverlaysOnTop()
    {
        if (_overlay.Visible) _overlay.SetNeedsDraw();
        if (_console.Visible) _console.SetNeedsDraw();
    }

    /// <summary>
    /// Every key comes here first (the application's KeyDown runs before any view), and is consumed: no focused
    /// view can swallow a letter, Tab never moves Terminal.Gui's focus, and Esc never reaches the default Quit binding.
    /// </summary>
    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled || !ReferenceEquals(_app.TopRunnable, this)) return;
        key.Handled = true;
        _door.Guarded(() =>
        {
            if (!_modes.HandleKey(key)) KeyMap.Find(key, replay: _replay is not null)?.Run(_parts, key);
        });
    }

    /// <summary>Mouse events are routed by screen position, like keys, rather than through each view.</summary>
    private void OnMouse(object? sender, Mouse mouse)
    {
        if (mouse.Handled || !ReferenceEquals(_app.TopRunnable, this) || _modes.HandleMouse(mouse)) return;
        if (_grid.HandleMouse(mouse.Flags, mouse.ScreenPosition)) mouse.Handled = true;
    }

    /// <summary>Every frame comes from the pure layout functions, recomputed on each resize; no Pos/Dim chains to reason about.</summary>
    protected override void OnSubViewLayout(LayoutEventArgs args)
    {
        ScreenLayout layout = ScreenLayout.For(Viewport.Size, chart: LoadChart is not null);
        if (_walkthrough.Panel is { } panel)
        {
            System.Drawing.Rectangle beside = default;
            if (_walkthrough.Open) (layout, beside) = WalkthroughLayout.Beside(layout);
            _placer.Place(panel, beside, _walkthrough.Open);
        }
        _grid.Layout(layout);
        _placer.Place(_status, layout.Status);
        _placer.Place(_console, layout.Console, _console.Visible);
        (int wantWidth, int wantHeight) = _overlay.WantedSize;
        _placer.Place(_overlay, layout.Centered(wantWidth, wantHeight), _overlay.Visible);
        base.OnSubViewLayout(args);
    }

    /// <summary>
    /// Terminal.Gui stops a runnable on its own Quit key (Esc by default). Only <see cref="Quit"/> may end this
    /// one; any other stop request becomes the quit question.
    /// </summary>
    protected override bool OnIsRunningChanging(bool oldIsRunning, bool newIsRunning) =>
        _quit.Veto(stopping: oldIsRunning && !newIsRunning && !_door.Closed) || base.OnIsRunningChanging(oldIsRunning, newIsRunning);

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_door.Closed)
        {
            _door.Dispose();
            _load.Dispose();
            _app.Keyboard.KeyDown -= OnKeyDown;
            _app.Mouse.MouseEvent -= OnMouse;
        }
        base.Dispose(disposing);
    }
}
