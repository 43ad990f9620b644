using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The write load's panel: the running ledger, then acknowledged (green) and refused (red) writes per second as
/// bars (refused ones shaded ▒), newest at the right, with the failover's phases marked under them and a legend under those. It only ever draws the snapshot's
/// ledger; the writer runs elsewhere.
/// </summary>
internal sealed class LoadChartView : PaneView
{
    private ValueArray<LoadLedger> _loads = [];
    private ValueArray<FailoverRecord> _failovers = [];

    public LoadChartView(Theme theme) : base(theme) => Title = "writes/s";

    public override void Show(LabSnapshot snapshot)
    {
        if (snapshot.Loads == _loads && snapshot.Failovers == _failovers) return;
        _loads = snapshot.Loads;
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
        IReadOnlyList<LoadLedger> shown = LoadChartText.Shown(_loads);
        if (shown.Count == 0)
        {
            this.Put(0, 0, "no write load yet: w starts one", Theme.Of(Tone.Dim), width);
            return true;
        }
        // Two clients side by side (lesson 4): each gets its share of the rows, its own ledger and bars; the legend goes under the last.
        int top = 0;
        for (int i = 0; i < shown.Count; i++)
        {
            int share = i == shown.Count - 1 ? rows - top : rows / shown.Count;
            DrawRun(shown[i], shown.Count > 1 ? shown[1 - i] : null, top, share, width, legendToo: i == shown.Count - 1);
            top += share;
        }
        return true;
    }

    /// <summary>One run's ledger, errors, bars, marks (and legend) in <paramref name="rows"/> rows from <paramref name="top"/>.</summary>
    private void DrawRun(LoadLedger load, LoadLedger? beside, int top, int rows, int width, bool legendToo)
    {
        HeadlineText ledger = LedgerHeadline.For(load, beside);
        IReadOnlyList<string> legend = legendToo ? LoadChartText.LegendLines(width) : [];
        string? errors = LoadChartText.Errors(load);
        ChartRows plan = LoadChartText.Plan(rows, Headline.RowsNeeded(ledger.Forms, width, 3), Headline.Fit(ledger.Forms, width, 2).Count, legend.Count, errors is not null);
        int row = top;
        foreach (Fact line in ledger.Fit(width, plan.Ledger)) this.Put(0, row++, line.Text, Theme.Of(line.Tone), width);
        if (plan.Errors > 0) this.Put(0, row++, TextFit.Truncate(errors!, width), Theme.Of(Tone.Warn), width);
        if (plan.Bars < 1) return;
        int markRow = row + plan.Bars;
        IReadOnlyList<ChartColumn> columns = LoadChartText.Columns(load.PerSecond, width, plan.Bars);
        for (int c = 0; c < columns.Count; c++)
        {
            ChartColumn col = columns[c];
            for (int i = 0; i < col.AckedRows; i++) this.Put(c, markRow - 1 - i, "█", Theme.Of(Tone.Good), 1);
            // Refused writes are a lighter shade as well as red: the outage reads without colour too.
            for (int i = 0; i < col.FailedRows; i++) this.Put(c, markRow - 1 - col.AckedRows - i, "▒", Theme.Of(Tone.Bad), 1);
        }
        if (plan.Marks > 0) this.Put(0, markRow, LoadChartText.Marks(columns, _failovers), Theme.Of(Tone.Accent), width);
        // The legend has rows of its own under the marks (a letter never reads as a mark twice); where there is no
        // room for it, `?` names the marks.
        for (int i = 0; i < plan.Legend; i++) this.Put(0, markRow + 1 + i, legend[i], Theme.Of(Tone.Dim), width);
    }
}
