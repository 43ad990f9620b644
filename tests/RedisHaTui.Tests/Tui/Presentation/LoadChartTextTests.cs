using System.Drawing;
using RedisHaTui.Core.State;
using RedisHaTui.Tui.Presentation;

namespace RedisHaTui.Tests.Tui.Presentation;

public class LoadChartTextTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 20, 0, TimeSpan.Zero);
    private static WriteSecond S(int i, int acked, int failed) => new(T0.AddSeconds(i), acked, failed);

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

        Assert.Equal(new Fact("load #2 100/s ended · acked 1395 · failed 1105 · no write acknowledged for 11.1 s · lost 0", Tone.Strong), LoadChartText.Ledger(l));
        Assert.Equal("load #1 100/s running · acked 210 · failed 1239 · no write acknowledged for 12.4 s, still refused (NOREPLICAS)",
            LoadChartText.Ledger(new LoadLedger { Number = 1, StartedAt = T0, Rate = 100, Running = true, Acked = 210, Failed = 1239,
                Outage = TimeSpan.FromSeconds(12.4), OutageOpen = true, OutageError = WriteErrorKind.NoReplicas }).Text);
        Assert.Equal(Tone.Bad, LoadChartText.Ledger(l with { Lost = 3 }).Tone);
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
}
