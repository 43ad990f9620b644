using RedisHaTui.Core.Actions;
using RedisHaTui.Core.State;
using RedisHaTui.Tests.Tui.Fakes;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

/// <summary>The write load's panel on the headless screen: it appears with the first load and shows the outage as a gap.</summary>
[Collection("Tui")]
public sealed class LoadChartScreenTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 20, 0, TimeSpan.Zero);

    /// <summary>20 seconds: 5 good, 11 refused (NOREPLICAS) after a failover at +5 s, then 4 good again.</summary>
    private static LabSnapshot WithALoadThroughAFailover(FakeSession session)
    {
        WriteSecond[] seconds = [.. Enumerable.Range(0, 20).Select(i => new WriteSecond(T0.AddSeconds(i), i is >= 5 and < 16 ? 0 : 100, i is >= 5 and < 16 ? 100 : 0))];
        var ledger = new LoadLedger
        {
            Number = 1, StartedAt = T0, Running = true, Rate = 100, Acked = 900, Failed = 1100,
            Errors = [new WriteErrorCount(WriteErrorKind.NoReplicas, 1100)],
            Outage = TimeSpan.FromSeconds(11.1), OutageStart = T0.AddSeconds(4.9), OutageEnd = T0.AddSeconds(16),
            PerSecond = [.. seconds],
        };
        FailoverRecord failover = FakeLab.Failover(1, T0.AddSeconds(5.2), "SENTINEL FAILOVER", "node1", "node2", complete: true,
            new(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(1.1)), new(FailoverPhaseKind.WritesAccepted, TimeSpan.FromSeconds(11)));
        return FakeLab.Healthy(session.Lab) with { Loads = [ledger], Failovers = [failover] };
    }

    [Fact]
    public void No_chart_until_a_load_has_run()
    {
        using var screen = TuiScreen.Open(160, 45);

        Assert.Null(screen.Window.LoadChart);
        Assert.DoesNotContain("writes/s", screen.Text);
    }

    [Fact]
    public void The_chart_shows_the_ledger_the_bars_and_the_failover_marks_beside_the_timeline()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(WithALoadThroughAFailover(session));
        using var screen = TuiScreen.Open(160, 45, session);

        string text = screen.Text;
        Assert.NotNull(screen.Window.LoadChart);
        Assert.Contains("writes/s", text);
        // Full words where the panel has the rows, wrapped between figures: the outage as issue 14 words it.
        Assert.Contains("write load #1 100/s running: acknowledged 900 · failed 1100 ·", text);
        Assert.Contains("│no write acknowledged for 11.1 s ", text);
        Assert.Contains("NOREPLICAS 1100", text);
        // The legend has a row of its own under the marks, and names every mark the chart can show.
        int legendRow = screen.Find("F failover").Row;
        int chartLeft = screen.Window.LoadChart!.FrameToScreen().X + 1;
        Assert.StartsWith("F failover  M new master  A all agree  W writes back ", screen.Rows[legendRow][chartLeft..]);
        Assert.StartsWith("C old master converted ", screen.Rows[legendRow + 1][chartLeft..]);
        string marks = screen.Rows[legendRow - 1][chartLeft..];
        Assert.Equal("     FM         W", marks.TrimEnd('│', ' ', '╮', '╯', '┃'));
        // Above the marks: full green bars before and after the outage, full red ones during it; the timeline keeps the left.
        string bars = screen.Rows[legendRow - 2][chartLeft..(chartLeft + 20)];
        Assert.Equal(new string('█', 5) + new string('▒', 11) + new string('█', 4), bars);
        Assert.True(screen.Window.LoadChart.Frame.X > screen.Window.Timeline.Frame.X);
        Assert.Equal(screen.Window.LoadChart.Frame.Y, screen.Window.Timeline.Frame.Y);
    }

    [Fact]
    public void The_w_key_says_why_a_load_may_not_run_on_a_read_only_deployment()
    {
        var session = new FakeSession(FakeLab.Definition()) { Policy = new ActionPolicy(Writes: "a deployment is read-only (--allow-writes lets it write)") };
        using var screen = TuiScreen.Open(120, 30, session);

        screen.Press(new Key('w'));

        Assert.Contains("write load refused: a deployment is read-only", screen.Text);
        Assert.Null(screen.Window.LoadChart);
    }
}
