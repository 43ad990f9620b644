using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.State;

/// <summary>A partition's stopwatch: cut → +sdown → … → old master refuses → healed → lost counted, timed from the cut.</summary>
public class PartitionStopwatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
    private readonly LabDefinition _lab = TestLabs.Definition();

    [Fact]
    public void A_partition_is_timed_from_the_cut_to_the_lost_writes()
    {
        var cut = new NetworkCut(["node1", "sentinel1", "A"], ["node2", "sentinel2", "sentinel3", "B"]);
        LabSnapshot s = LabSnapshot.Initial(_lab) with { Network = new NetworkState { Partitions = true, Cut = cut, CutAt = T0 } };

        SentinelEvent sdown = SentinelEvent.Parse("+sdown", $"master myMaster 127.0.0.1 {_lab.Nodes[0].Port}");
        s = FailoverStopwatch.OnEvent(s, sdown, _lab.NodeLabel, T0.AddSeconds(5.2));
        // Cut off and alone, node1 has no good replica left: it refuses writes.
        s = s with { Nodes = [.. s.Nodes.Select(n => n.Name == "node1" ? n with { Reachable = true, Role = NodeRole.Master, MinReplicasToWrite = 1, GoodReplicas = 0 } : n)] };
        s = FailoverStopwatch.OnState(s, T0.AddSeconds(11.5));
        s = FailoverStopwatch.OnHeal(s with { Network = s.Network with { Cut = null, CutAt = null } }, T0.AddSeconds(14));
        s = FailoverStopwatch.OnLoad(s, new LoadLedger { Number = 1, StartedAt = T0, Client = "A", Lost = 1036, EndedAt = T0.AddSeconds(30) });

        FailoverRecord f = Assert.Single(s.Failovers);
        Assert.Equal("partition node1, sentinel1, A / node2, sentinel2, sentinel3, B", f.Cause);
        Assert.Equal(T0, f.StartedAt);
        Assert.Equal(
            [(FailoverPhaseKind.Cut, 0.0), (FailoverPhaseKind.SDown, 5.2), (FailoverPhaseKind.OldMasterRefuses, 11.5), (FailoverPhaseKind.Healed, 14.0), (FailoverPhaseKind.LostCounted, 30.0)],
            f.Phases.Select(p => (p.Kind, Math.Round(p.After.TotalSeconds, 1))));
    }

    [Fact]
    public void Without_a_cut_a_master_down_starts_at_its_sdown_as_before()
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);
        SentinelEvent sdown = SentinelEvent.Parse("+sdown", $"master myMaster 127.0.0.1 {_lab.Nodes[0].Port}");

        s = FailoverStopwatch.OnHeal(FailoverStopwatch.OnEvent(s, sdown, _lab.NodeLabel, T0), T0.AddSeconds(1));

        Assert.Equal("+sdown (master unreachable)", s.Failovers[0].Cause);
        Assert.Equal([FailoverPhaseKind.SDown], s.Failovers[0].Phases.Select(p => p.Kind));
    }
}
