using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.State;

/// <summary>A master killed outside the app is timed from when the app saw it go, not from the sentinels' +sdown.</summary>
public class SeenDownTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly LabDefinition _lab = TestLabs.Definition();

    private LabSnapshot SDown(LabSnapshot s, double seconds) =>
        FailoverStopwatch.OnEvent(s, SentinelEvent.Parse("+sdown", $"master myMaster 127.0.0.1 {_lab.Nodes[0].Port}"), _lab.NodeLabel, T0.AddSeconds(seconds));

    [Fact]
    public void The_sentinels_sdown_then_reads_as_seconds_after_the_moment_the_master_was_seen_down()
    {
        LabSnapshot s = FailoverStopwatch.SeenDown(LabSnapshot.Initial(_lab), "node1", "killed by SIGKILL (exit 137)", T0);

        s = SDown(s, 5.02);

        FailoverRecord f = Assert.Single(s.Failovers);
        Assert.Equal(("node1 seen down: killed by SIGKILL (exit 137)", "node1", T0), (f.Cause, f.OldMaster, f.StartedAt));
        Assert.Equal(TimeSpan.FromSeconds(5.02), f.PhaseTime(FailoverPhaseKind.SDown));
    }

    [Fact]
    public void Without_it_a_kill_by_hand_starts_at_sdown_as_before() =>
        Assert.Equal(TimeSpan.Zero, Assert.Single(SDown(LabSnapshot.Initial(_lab), 5.02).Failovers).PhaseTime(FailoverPhaseKind.SDown));

    [Fact]
    public void A_failover_already_timed_by_the_apps_own_kill_keeps_its_cause()
    {
        LabSnapshot s = FailoverStopwatch.Start(LabSnapshot.Initial(_lab), "kill -9 node1", "node1", T0);

        s = FailoverStopwatch.SeenDown(s, "node1", "killed by SIGKILL (exit 137)", T0.AddSeconds(0.01));

        Assert.Equal("kill -9 node1", Assert.Single(s.Failovers).Cause);
    }
}
