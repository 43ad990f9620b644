using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The merged story of the lab: the consensus verdict on top, the failover stopwatch under it, then sentinel
/// events and app actions, newest at the bottom. Scrolled back, it stays on the same entries as new ones arrive.
/// </summary>
internal sealed class TimelineView : PaneView
{
    private readonly TimeZoneInfo _zone;
    private HeadlineText _verdict = new([new HeadlineForm("health: not read yet")], Tone.Dim);
    private HeadlineText _writes = TimelineText.Writes(WritesStatus.Unknown);
    private ValueArray<TimelineEntry> _entries = [];
    private ValueArray<FailoverRecord> _failovers = [];
    private Fact[] _network = []; // split brain, the cut, the clients' ledgers: only while there is something to say
    private long? _anchorId; // the entry shown at the bottom when scrolled back; null follows the newest
    private int _eventRows = 1;

    public TimelineView(Theme theme, TimeZoneInfo zone) : base(theme)
    {
        _zone = zone;
        Title = "timeline";
    }

    /// <summary>Redraws only when what it shows changed: the consensus is rebuilt on every poll, its verdict rarely changes.</summary>
    public override void Show(LabSnapshot snapshot)
    {
        HeadlineText verdict = TimelineText.Verdict(snapshot);
        HeadlineText writes = TimelineText.Writes(snapshot.Writes);
        Fact[] network = [.. new[] { NetworkText.SplitBrain(snapshot), NetworkText.Cut(snapshot), NetworkText.ClientLedgers(snapshot) }.OfType<Fact>()];
        if (verdict == _verdict && writes == _writes && _entries == snapshot.Timeline && _failovers == snapshot.Failovers
            && network.SequenceEqual(_network)) return;
        _network = network;
        _verdict = verdict;
        _writes = writes;
        _entries = snapshot.Timeline;
        _failovers = snapshot.Failovers;
        SetNeedsDraw();
    }

    public override void ScrollBy(int lines)
    {
        // Never scroll above a full page of events: the top entry stays at the top.
        int bottom = Math.Max(BottomIndex() + lines, Math.Min(_entries.Length - 1, _eventRows - 1));
        _anchorId = bottom >= _entries.Length - 1 ? null : _entries[bottom].Id;
        SetNeedsDraw();
    }

    public override void ScrollToTop() => ScrollBy(-_entries.Length);

    public override void ScrollToBottom()
    {
        _anchorId = null;
        SetNeedsDraw();
    }

    public override void PageUp() => ScrollBy(-PageRows(_eventRows));

    public override void PageDown() => ScrollBy(PageRows(_eventRows));

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, rows = Viewport.Height;
        if (width <= 0 || rows <= 0) return true;
        for (int r = 0; r < rows; r++) this.Blank(r, width, Theme.Of(Tone.Normal));

        // The figures the room reads come first and whole, each in the fullest form its rows allow: two masters (the
        // news of a partition, while one lasts), the verdict, the newest failover's stopwatch, then (rows permitting)
        // whether writes are accepted; events keep at least a row.
        int budget = Math.Max(1, rows - 1);
        var network = new List<Fact>();
        foreach (Fact f in _network)
        {
            if (budget <= 1) break; // the verdict keeps its row
            string[] wrapped = [.. TextFit.Wrap(f.Text, width, Math.Min(budget - 1, rows >= 8 ? 2 : 1))];
            network.AddRange(wrapped.Select(t => f with { Text = t }));
            budget -= wrapped.Length;
        }
        IReadOnlyList<Fact> verdict = _verdict.Fit(width, 1);
        budget -= verdict.Count;
        var stopwatches = new List<IReadOnlyList<Fact>>();
        foreach (FailoverRecord f in _failovers.Reverse().Take(rows >= 12 ? 3 : 1))
        {
            if (budget <= 0) break;
            IReadOnlyList<Fact> lines = TimelineText.Stopwatch(f).Fit(width, Math.Min(budget, rows >= 5 ? 2 : 1));
            stopwatches.Insert(0, lines);
            budget -= lines.Count;
        }
        IReadOnlyList<Fact> writes = budget > 0 && rows >= 4 ? _writes.Fit(width, 1) : [];
        budget -= writes.Count;
        // The problems behind a verdict are plain words: read only where rows are left over (zoomed, a tall screen).
        if (rows >= 8 && budget > 0) verdict = _verdict.Fit(width, 1, tailRows: Math.Min(2, budget));
        Fact[] header = [.. network, .. verdict, .. writes, .. stopwatches.SelectMany(l => l)];
        int headerRows = header.Length;
        for (int r = 0; r < headerRows; r++) this.Put(0, r, header[r].Text, Theme.Of(header[r].Tone), width);

        _eventRows = rows - headerRows;
        int bottom = BottomIndex();
        int first = Math.Max(0, bottom - _eventRows + 1);
        for (int i = first, row = headerRows; i <= bottom && row < rows; i++, row++)
        {
            TimelineEntry e = _entries[i];
            this.Put(0, row, TextFit.Truncate(TimelineText.Entry(e, _zone), width), Theme.Of(TimelineText.ToneOf(e)), width);
        }
        if (_entries.Length == 0 && headerRows < rows) this.Put(0, headerRows, "no events yet", Theme.Of(Tone.Dim), width);
        if (_anchorId is not null && bottom < _entries.Length - 1)
        {
            string more = $" ↓ {_entries.Length - 1 - bottom} newer · End ";
            if (more.Length <= width) this.Put(width - more.Length, rows - 1, more, Theme.Of(Tone.Warn), more.Length);
        }
        return true;
    }

    private int BottomIndex()
    {
        if (_entries.Length == 0) return -1;
        if (_anchorId is not { } id) return _entries.Length - 1;
        int index = _entries.Length - 1;
        while (index > 0 && _entries[index].Id > id) index--;
        return index;
    }
}
