using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Tui.Presentation;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Views;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The whole screen: one pane per process, the timeline, the status line, and the overlays. Split by concern:
/// this file holds the state and the two doors data comes in by (the snapshot bridge and the log timer);
/// Layout, Keys, Mouse, Actions and Quit live in the partial files named after them.
/// </summary>
internal sealed partial class MainWindow : Runnable
{
    /// <summary>
    /// Log panes are redrawn at most this often, whatever the line rate. Measured at 160x50 with 5 busy logs:
    /// 22 % of a core at 50 ms, 16 % at 100 ms; 10 redraws/s still reads as live.
    /// </summary>
    public static readonly TimeSpan LogRedrawPeriod = TimeSpan.FromMilliseconds(100);

    private readonly IApplication _app;
    private readonly ILabSession _session;
    private readonly Theme _theme;
    private readonly List<ProcessPane> _processes = [];
    private readonly List<PaneView> _panes = []; // the selection order: processes, then the timeline
    private readonly TimelineView _timeline;
    private readonly StatusLine _status;
    private readonly OverlayBox _overlay;
    private readonly CommandConsole _console;
    private readonly UiThreadDoor _door;
    private int _selected;
    private bool _zoomed;

    public MainWindow(IApplication app, ILabSession session, Theme theme, TimeZoneInfo? zone = null)
    {
        _app = app;
        _session = session;
        _theme = theme;
        SetScheme(new Scheme(theme.Base));

        int number = 1;
        foreach (ProcessDefinition process in session.Lab.Processes)
        {
            // Attached, a process's log may not be ours to read: say where it would come from instead of an empty box.
            string empty = session.OwnsProcesses ? "waiting for output…" : session.LogSource(process.Name);
            var pane = new ProcessPane(process, number++, session.Log(process.Name), empty, theme);
            _processes.Add(pane);
            _panes.Add(pane);
        }
        _timeline = new TimelineView(theme, zone ?? TimeZoneInfo.Local);
        _panes.Add(_timeline);
        _status = new StatusLine(theme);
        _console = new CommandConsole(theme);
        _overlay = new OverlayBox(theme);
        foreach (PaneView pane in _panes) Add(pane);
        Add(_status, _console, _overlay); // added last, drawn on top

        _panes[0].Selected = true;
        _door = new UiThreadDoor(app, ex => _status.Show($"error: {ex.GetBaseException().Message}", Tone.Bad));
        Show(session.Store.Current);
        _door.WatchNewest(session.Store, Show);
        _app.Keyboard.KeyDown += OnKeyDown;
        _app.Mouse.MouseEvent += OnMouse;
        _door.Every(LogRedrawPeriod, Tick);
    }

    internal IReadOnlyList<ProcessPane> Processes => _processes;

    internal TimelineView Timeline => _timeline;

    internal StatusLine Status => _status;

    internal OverlayBox Overlay => _overlay;

    internal CommandConsole Console => _console;

    internal PaneView SelectedPane => _panes[_selected];

    internal ProcessPane? SelectedProcess => _panes[_selected] as ProcessPane;

    internal bool Zoomed => _zoomed;

    /// <summary>Applies the newest snapshot; only panes whose part changed redraw.</summary>
    private void Show(LabSnapshot snapshot)
    {
        foreach (ProcessPane pane in _processes) pane.Show(snapshot);
        _timeline.Show(snapshot);
        KeepOverlaysOnTop();
    }

    /// <summary>The log timer: one pass over the rings, a redraw only for those that got lines.</summary>
    internal void Tick()
    {
        bool any = false;
        foreach (ProcessPane pane in _processes)
        {
            if (!pane.Log.Ring.TakeDirty()) continue;
            pane.Log.SetNeedsDraw();
            any = true;
        }
        if (any) KeepOverlaysOnTop();
        _status.Expire();
    }

    /// <summary>A pane redrawn under an overlay must not paint over it: redraw the overlay after it.</summary>
    private void KeepOverlaysOnTop()
    {
        if (_overlay.Visible) _overlay.SetNeedsDraw();
        if (_console.Visible) _console.SetNeedsDraw();
    }

    private void Select(int index)
    {
        if (index < 0 || index >= _panes.Count || index == _selected) return;
        _panes[_selected].Selected = false;
        _selected = index;
        _panes[index].Selected = true;
        if (_zoomed) SetNeedsLayout();
        KeepOverlaysOnTop();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_door.Closed)
        {
            _door.Dispose();
            _app.Keyboard.KeyDown -= OnKeyDown;
            _app.Mouse.MouseEvent -= OnMouse;
        }
        base.Dispose(disposing);
    }
}
