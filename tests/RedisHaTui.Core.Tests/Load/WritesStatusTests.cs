using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Load;

/// <summary>Whether the master accepts writes, in the words the master's pane and the health line use.</summary>
public class WritesStatusTests
{
    private readonly LabDefinition _lab = TestLabs.Definition(nodes: 2);

    private LabSnapshot With(Func<NodeSnapshot, NodeSnapshot> node1, Func<NodeSnapshot, NodeSnapshot>? node2 = null)
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);
        s = s with
        {
            Nodes = [node1(s.Nodes[0] with { Reachable = true, Role = NodeRole.Master }),
                     (node2 ?? (n => n with { Reachable = true, Role = NodeRole.Replica, FollowsName = "node1", LinkStatus = "up" }))(s.Nodes[1])],
        };
        return LabHealth.Evaluate(s);
    }

    public static TheoryData<int?, int?, int?, bool, string> Cases => new()
    {
        { 1, 10, 0, false, "writes refused: NOREPLICAS, 0 of 1 required replicas (min-replicas-to-write 1)" },
        { 1, 10, 1, true, "writes accepted by node1: 1 of 1 required replicas" },
        { 2, 10, 1, false, "writes refused: NOREPLICAS, 1 of 2 required replicas (min-replicas-to-write 2)" },
        { 0, 10, null, true, "writes accepted by node1 (no replica required)" },
        { 1, 0, null, true, "writes accepted by node1 (no replica required)" }, // max-lag 0 turns the check off
        { null, null, 1, true, "writes accepted by node1 (min-replicas-to-write unknown)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_master_accepts_writes_when_it_has_the_good_replicas_it_requires(int? required, int? maxLag, int? good, bool accepted, string text)
    {
        WritesStatus w = With(n => n with { MinReplicasToWrite = required, MinReplicasMaxLag = maxLag, GoodReplicas = good }).Writes;

        Assert.Equal((accepted, text), (w.Accepted, w.Text));
        Assert.Equal(accepted ? null : "NOREPLICAS", w.Refusal);
        Assert.Equal("node1", w.Master);
    }

    [Fact]
    public void A_lab_with_no_master_refuses_writes_and_says_so()
    {
        WritesStatus w = With(n => n with { Reachable = false }, n => n with { Reachable = true, Role = NodeRole.Replica, FollowsName = "node1", LinkStatus = "down" }).Writes;

        Assert.False(w.Accepted);
        Assert.Equal("writes refused: no reachable node is master", w.Text);
    }

    [Fact]
    public void Not_read_yet_says_so_rather_than_guessing()
    {
        Assert.Equal("writes: not read yet", LabSnapshot.Initial(_lab).Writes.Text);
    }

    [Fact]
    public void The_NOREPLICAS_explanation_gives_the_count_only_when_the_snapshot_shows_the_shortfall()
    {
        LabSnapshot stale = With(n => n with { MinReplicasToWrite = 1, MinReplicasMaxLag = 10, GoodReplicas = 1 });
        LabSnapshot fresh = With(n => n with { MinReplicasToWrite = 1, MinReplicasMaxLag = 10, GoodReplicas = 0 });

        Assert.Equal("writes refused (NOREPLICAS): node1 has 0 of 1 required replicas", LoadExplanations.ForBurst(WriteErrorKind.NoReplicas, fresh, "node1", null));
        Assert.Equal("writes refused (NOREPLICAS): node1 no longer has the 1 good replica(s) it requires (min-replicas-to-write 1)",
            LoadExplanations.ForBurst(WriteErrorKind.NoReplicas, stale, "node1", null));
        // A just-promoted replica the monitor has not read as master yet has no replica of its own.
        Assert.Equal("writes refused (NOREPLICAS): node2 has 0 of 1 required replicas", LoadExplanations.ForBurst(WriteErrorKind.NoReplicas, stale, "node2", null));
        Assert.Equal("writes failed: ERR boom", LoadExplanations.ForBurst(WriteErrorKind.Other, stale, null, "ERR boom"));
    }

    [Fact]
    public void A_dropped_connection_says_the_master_is_gone_only_when_it_is()
    {
        LabSnapshot up = With(n => n);
        LabSnapshot failingOver = up with { Failovers = [new FailoverRecord { Number = 1, StartedAt = DateTimeOffset.UnixEpoch, Cause = FailoverStopwatch.ElsewhereCause, OldMaster = "node1" }] };
        LabSnapshot down = With(n => n with { Reachable = false });

        Assert.StartsWith("writes failed (connection refused or reset): the master is gone", LoadExplanations.ForBurst(WriteErrorKind.Connection, down, "node1", null));
        // SENTINEL FAILOVER with every process up: Sentinel's CLIENT KILL on the reconfigured nodes, not a dead master.
        Assert.StartsWith("writes failed (connection closed): Sentinel closes clients' connections on the nodes it reconfigures in a failover (node1 is up)",
            LoadExplanations.ForBurst(WriteErrorKind.Connection, failingOver, "node1", null));
        Assert.DoesNotContain("gone", LoadExplanations.ForBurst(WriteErrorKind.Connection, up, "node1", null));
    }
}
