using System.Drawing;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Presentation;

public class LoadChartTextTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 20, 0, TimeSpan.Zero);
    private static WriteSecond S(int i, int acked, int failed) => new(T0.AddSeconds(i), acked, failed);

    [Theory]
    [InlineData(100, 1, "write load #2 100/s running: acknowledged 1395 · failed 1105 · no write acknowledged for 11.1 s")]
    [InlineData(60, 1, "load #2 running: acked 1395 · failed 1105 · outage 11.1 s")]
    [InlineData(45, 1, "ack 1395 · fail 1105 · out 11.1 s")]
    [InlineData(30, 1, "ack 1395 fail 1105 out 11.1 s")]
    [InlineData(23, 2, "ack 1395 · fail 1105 ·|out 11.1 s")]
    [InlineData(45, 2, "load #2 running: acked 1395 · failed 1105 ·|outage 11.1 s")]
    public void The_ledger_headline_keeps_every_figure_whole_in_the_space_it_has(int width, int rows, string shown)
    {
        var l = new LoadLedger { Number = 2, StartedAt = T0, Rate = 100, Running = true, Acked = 1395, Failed = 1105, Outage = TimeSpan.FromSeconds(11.06) };
        Assert.Equal(shown.Split('|'), LedgerHeadline.For(l).Fit(width, rows).Select(f => f.Text));
    }

    [Fact]
    public void An_outage_still_going_on_says_so_in_every_form()
    {
        var l = new LoadLedger { Number = 1, StartedAt = T0, Rate = 100, Running = true, Acked = 210, Failed = 1239,
            Outage = TimeSpan.FromSeconds(12.4), OutageOpen = true, OutageError = WriteErrorKind.NoReplicas };
        HeadlineText ledger = LedgerHeadline.For(l);
        Assert.Equal("write load #1 100/s running: acknowledged 210 · failed 1239 · no write acknowledged for 12.4 s, still refused (NOREPLICAS)", ledger.Full);
        Assert.Equal(["load #1 running: acked 210 · failed 1239 ·", "outage 12.4 s, open"], ledger.Fit(45, 2).Select(f => f.Text));
        Assert.Equal("ack 210 fail 1239 out 12.4 s, open", ledger.Compact);
    }

    [Fact]
    public void The_legend_names_every_mark_on_lines_of_its_own_each_entry_whole()
    {
        Assert.Equal(["F failover  M new master  A all agree", "W writes back  C old master converted"], LoadChartText.LegendLines(43));
        Assert.All(LoadChartText.LegendLines(23), line => Assert.True(line.Length <= 23));
        Assert.Equal(5, LoadChartText.LegendLines(23).Sum(l => l.Split("  ").Length));
    }

    [Theory]
    // rows, ledger lines needed, wanted, legend lines, errors → ledger, errors, bars, marks, legend
    [InlineData(4, 1, 1, 2, true, 1, 0, 2, 1, 0)]   // 80x24: no room for the legend (? names the marks)
    [InlineData(5, 1, 2, 2, true, 1, 0, 3, 1, 0)]
    [InlineData(5, 2, 2, 3, true, 2, 0, 2, 1, 0)]   // 80x24 beside the walkthrough: the ledger's figures whole first
    [InlineData(7, 1, 2, 2, true, 1, 0, 3, 1, 2)]   // 100x30 with a chart: the legend under the marks
    [InlineData(8, 1, 2, 2, true, 2, 0, 3, 1, 2)]
    [InlineData(10, 1, 2, 2, true, 2, 1, 4, 1, 2)]
    [InlineData(21, 1, 2, 2, false, 2, 0, 16, 1, 2)] // zoomed
    public void The_panel_s_rows_go_to_the_ledger_and_two_rows_of_bars_before_the_legend_then_the_rest(
        int rows, int ledgerNeeded, int ledgerWanted, int legend, bool errors, int ledgerRows, int errorRows, int barRows, int markRows, int legendRows) =>
        Assert.Equal(new ChartRows(ledgerRows, errorRows, barRows, markRows, legendRows), LoadChartText.Plan(rows, ledgerNeeded, ledgerWanted, legend, errors));

    [Theory]
    [InlineData(100, 0, 4, 4, 0)]
    [InlineData(0, 100, 4, 0, 4)]
    [InlineData(50, 50, 4, 2, 2)]
    [InlineData(99, 1, 4, 3, 1)] // one refused write still shows
    [InlineData(0, 0, 4, 0, 0)]
    public void A_second_is_a_bar_of_acknowledged_under_refused_scaled_to_the_busiest_second(int acked, int failed, int height, int ackedRows, int failedRows)
    {
        IReadOnlyList<ChartColumn> columns = LoadChartText.Columns([S(0, 100, 0), S(1, acked, failed)], 10, height);

        Assert.Equal((ackedRows, failedRows), (columns[1].AckedRows, columns[1].FailedRows));
    }

    [Fact]
    public void Only_the_newest_seconds_that_fit_are_shown()
    {
        IReadOnlyList<ChartColumn> columns = LoadChartText.Columns([.. Enumerable.Range(0, 30).Select(i => S(i, 10, 0))], 12, 3);

        Assert.Equal(12, columns.Count);
        Assert.Equal(T0.AddSeconds(18), columns[0].Second);
    }

    [Fact]
    public void Phases_are_marked_under_the_second_they_happened_in()
    {
        IReadOnlyList<ChartColumn> columns = LoadChartText.Columns([.. Enumerable.Range(0, 10).Select(i => S(i, 10, 0))], 10, 3);
        var f = new FailoverRecord
        {
            Number = 1, StartedAt = T0.AddSeconds(2.5), Cause = "kill -9 node1",
            Phases = [new(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(1)), new(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(1.6)),
                      new(FailoverPhaseKind.AllAgree, TimeSpan.FromSeconds(1.7)), new(FailoverPhaseKind.WritesAccepted, TimeSpan.FromSeconds(6))],
        };

        Assert.Equal("  F A   W ", LoadChartText.Marks(columns, [f]));
    }

    [Fact]
    public void The_ledger_line_says_what_the_run_cost_so_far()
    {
        var l = new LoadLedger { Number = 2, StartedAt = T0, Rate = 100, Acked = 1395, Failed = 1105, Outage = TimeSpan.FromSeconds(11.06), Present = 1395, Lost = 0, Indeterminate = 0,
            Errors = [new(WriteErrorKind.Connection, 107), new(WriteErrorKind.NoReplicas, 997), new(WriteErrorKind.Timeout, 1)] };

        HeadlineText ledger = LedgerHeadline.For(l);
        Assert.Equal("write load #2 100/s ended: acknowledged 1395 · failed 1105 · no write acknowledged for 11.1 s · lost 0", ledger.Full);
        Assert.Equal("ack 1395 fail 1105 out 11.1 s lost 0", ledger.Compact);
        Assert.Equal(Tone.Strong, ledger.Tone);
        Assert.Equal(Tone.Bad, LedgerHeadline.For(l with { Lost = 3 }).Tone);
        Assert.Equal("connection 107 · NOREPLICAS 997 · timeout 1", LoadChartText.Errors(l));
        Assert.Null(LoadChartText.Errors(l with { Errors = [] }));
    }

    [Theory]
    [InlineData(160, 88, 72)]
    [InlineData(80, 44, 36)]
    [InlineData(40, 20, 20)]
    public void The_chart_takes_the_right_part_of_the_timeline_row(int width, int timelineWidth, int chartWidth)
    {
        (Rectangle timeline, Rectangle chart) = LoadChartText.Split(new Rectangle(0, 30, width, 11));

        Assert.Equal((timelineWidth, chartWidth), (timeline.Width, chart.Width));
        Assert.Equal(width, chart.Right);
        Assert.Equal((30, 11), (chart.Y, chart.Height));
    }

    [Fact]
    public void A_pinned_client_beside_the_sentinel_aware_one_is_drawn_under_it_each_with_its_own_ledger()
    {
        var aware = new LoadLedger { Number = 1, StartedAt = T0, Rate = 100, Running = true, Acked = 900, Failed = 300 };
        var pinned = new LoadLedger { Number = 2, StartedAt = T0.AddSeconds(0.01), Rate = 100, Running = true, Acked = 80, Failed = 1100,
            Client = "pinned", PinnedTo = "node1", Errors = [new(WriteErrorKind.ReadOnly, 1100)] };
        var earlier = new LoadLedger { Number = 1, StartedAt = T0.AddMinutes(-5), EndedAt = T0.AddMinutes(-4), Rate = 100, Acked = 6000 };

        Assert.Equal([aware, pinned], LoadChartText.Shown([aware, pinned]));
        // A run that ended before the last began is history, not a second client: the panel shows the last alone.
        Assert.Equal([pinned], LoadChartText.Shown([earlier, pinned with { Number = 2 }]));
        Assert.Empty(LoadChartText.Shown([]));

        HeadlineText p = LedgerHeadline.For(pinned);
        Assert.Equal("write load #2 (pinned to node1) 100/s running: acknowledged 80 · failed 1100", p.Full);
        Assert.Equal("pinned: ack 80 fail 1100", p.Compact);
        Assert.Equal(["load #2 pinned running: acked 80 ·", "failed 1100"], p.Fit(42, 2).Select(f => f.Text));
        // The plain load keeps its words alone; beside the pinned one it says it is the one that asks the sentinels.
        Assert.Equal("write load #1 100/s running: acknowledged 900 · failed 300", LedgerHeadline.For(aware).Full);
        Assert.Equal("write load #1 (sentinel-aware) 100/s running: acknowledged 900 · failed 300", LedgerHeadline.For(aware, pinned).Full);
        Assert.Equal("sentinel-aware: ack 900 fail 300", LedgerHeadline.For(aware, pinned).Compact);
    }
}
