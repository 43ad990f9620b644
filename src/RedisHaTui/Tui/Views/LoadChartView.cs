using RedisHaTui.Core.State;
using RedisHaTui.Tui.Presentation;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The write load's panel: the running ledger, then acknowledged (green) and refused (red) writes per second as
/// bars (refused ones shaded ▒), newest at the right, with the failover's phases marked under them. It only ever draws the snapshot's
/// ledger; the writer runs elsewhere.
/// </summary>
internal sealed class LoadChartView : PaneView
{
    private LoadLedger? _load;
    private ValueArray<FailoverRecord> _failovers = [];

    public LoadChartView(Theme theme) : base(theme) => Title = "writes/s";

    public override void Show(LabSnapshot snapshot)
    {
        if (snapshot.LastLoad == _load && snapshot.Failovers == _failovers) return;
        _load = snapshot.LastLoad;
        _failovers = snapshot.Failovers;
        SetNeedsDraw();
    }

    // A minute of bars fits; there is nothing to scroll.
    public override void ScrollBy(int lines) { }
    public override void ScrollToTop() { }
    public override void ScrollToBottom() { }
    public override void PageUp() { }
    public override void PageDown() { }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, rows = Viewport.Height;
        if (width <= 0 || rows <= 0) return true;
        for (int r = 0; r < rows; r++) this.Blank(r, width, Theme.Of(Tone.Normal));
        if (_load is not { } load)
        {
            this.Put(0, 0, "no write load yet: w starts one", Theme.Of(Tone.Dim), width);
            return true;
        }
        int row = 0;
        Fact ledger = LoadChartText.Ledger(load);
        foreach (string line in TextFit.Wrap(ledger.Text, width, rows >= 6 ? 2 : 1)) this.Put(0, row++, line, Theme.Of(ledger.Tone), width);
        if (rows - row >= 4 && LoadChartText.Errors(load) is { } errors) this.Put(0, row++, errors, Theme.Of(Tone.Warn), width);
        int markRow = rows - 1, barRows = markRow - row;
        if (barRows < 1) return true;
        IReadOnlyList<ChartColumn> columns = LoadChartText.Columns(load.PerSecond, width, barRows);
        for (int c = 0; c < columns.Count; c++)
        {
            ChartColumn col = columns[c];
            for (int i = 0; i < col.AckedRows; i++) this.Put(c, markRow - 1 - i, "█", Theme.Of(Tone.Good), 1);
            // Refused writes are a lighter shade as well as red: the outage reads without colour too.
            for (int i = 0; i < col.FailedRows; i++) this.Put(c, markRow - 1 - col.AckedRows - i, "▒", Theme.Of(Tone.Bad), 1);
        }
        string marks = LoadChartText.Marks(columns, _failovers);
        this.Put(0, markRow, marks, Theme.Of(Tone.Accent), width);
        // The legend fills the mark row's right side when the bars leave room: only the letters that are shown.
        string legend = string.Join(" ", LoadChartText.Legend.Where(l => marks.Contains(l.Mark)).Select(l => $"{l.Mark} {l.Meaning}"));
        if (legend.Length > 0 && marks.TrimEnd().Length + 2 + legend.Length <= width)
            this.Put(width - legend.Length, markRow, legend, Theme.Of(Tone.Dim), legend.Length);
        return true;
    }
}
