using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>One lab process: title (number, name, port), a state badge with the facts block, and its log tail.</summary>
internal sealed class ProcessPane : PaneView
{
    private readonly int _number;
    private readonly PaneHeader _header;
    private object? _shown; // the NodeSnapshot or SentinelSnapshot applied last
    private NetworkState? _network; // and the network it was shown with (a cut marks the pane's side)
    private int _headerRows = 1;

    public ProcessPane(ProcessDefinition definition, int number, LogRing ring, string emptyLogText, Theme theme) : base(theme)
    {
        Definition = definition;
        _number = number;
        Title = PaneTitle.For(number, definition.Name, definition.Port, int.MaxValue);
        _header = new PaneHeader(theme) { X = 0, Y = 0, Width = Dim.Fill(), Height = _headerRows };
        Log = new LogTailView(ring, theme, emptyLogText) { X = 0, Y = _headerRows, Width = Dim.Fill(), Height = Dim.Fill() };
        Add(_header, Log);
    }

    public ProcessDefinition Definition { get; }

    public string ProcessName => Definition.Name;

    public LogTailView Log { get; }

    public Badge Badge => _header.Badge;

    /// <summary>
    /// Redraws only when what the pane shows changed: the monitor publishes a new snapshot on every poll
    /// (PolledAt moves), and repainting every pane each second cost more CPU than everything else at idle.
    /// </summary>
    public override void Show(LabSnapshot snapshot)
    {
        object? part = Definition.Kind == ProcessKind.Node ? snapshot.Node(ProcessName) : snapshot.Sentinel(ProcessName);
        if (ReferenceEquals(part, _shown) && ReferenceEquals(snapshot.Network, _network)) return;
        _shown = part;
        _network = snapshot.Network;
        (Badge badge, IReadOnlyList<Fact> facts) = part switch
        {
            NodeSnapshot n => (Badge.For(n), PaneFacts.For(n)),
            SentinelSnapshot s => (Badge.For(s), PaneFacts.For(s)),
            _ => (new Badge(BadgeKind.Unknown), (IReadOnlyList<Fact>)[new Fact("not in the snapshot", Tone.Dim)]),
        };
        if (NetworkText.Side(snapshot.Network, ProcessName) is { } side) facts = [side, .. facts];
        if (_header.Show(badge, facts) && HeaderRows(Viewport.Width, Viewport.Height) != _headerRows) SetNeedsLayout();
    }

    /// <summary>Lines arrive at any rate; the log redraws only when some came since the last tick.</summary>
    public override bool RedrawIfFed()
    {
        if (!Log.Ring.TakeDirty()) return false;
        Log.SetNeedsDraw();
        return true;
    }

    public override void ScrollBy(int lines) => Log.ScrollBy(lines);

    public override void ScrollToTop() => Log.ScrollToTop();

    public override void ScrollToBottom() => Log.ScrollToBottom();

    public override void PageUp() => Log.PageUp();

    public override void PageDown() => Log.PageDown();

    protected override void OnSubViewLayout(LayoutEventArgs args)
    {
        // Assign only on change: setting a Pos/Dim marks the layout dirty again, and the loop would lay out forever.
        int header = HeaderRows(Viewport.Width, Viewport.Height);
        if (header != _headerRows)
        {
            _headerRows = header;
            _header.Height = header;
            Log.Y = header;
        }
        string title = PaneTitle.For(_number, Definition.Name, Definition.Port, Frame.Width);
        if (title != Title) Title = title;
        base.OnSubViewLayout(args);
    }

    /// <summary>The facts get the top of the pane, but the log keeps at least two rows (half the pane when tall).</summary>
    private int HeaderRows(int width, int height)
    {
        int cap = height >= 8 ? Math.Max(2, height / 2) : Math.Max(1, height - 2);
        return Math.Clamp(_header.WantedRows(width), 1, Math.Max(1, cap));
    }
}
