using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>Each check is a pure function of the snapshot: tables of snapshots and what they show.</summary>
public class StepConditionsTests
{
    private static readonly LabDefinition Lab = TestLabs.Definition();
    private static readonly LabSnapshot Empty = LabSnapshot.Initial(Lab);

    private static LabSnapshot Node(LabSnapshot s, string name, Func<NodeSnapshot, NodeSnapshot> change) =>
        s with { Nodes = [.. s.Nodes.Select(n => n.Name == name ? change(n) : n)] };

    private static LabSnapshot Replicating(LabSnapshot s) =>
        Node(Node(s, "node1", n => n with { Reachable = true, Role = NodeRole.Master, Replicas = [new ReplicaLink("127.0.0.1", 7002, "node2", "online", 10, 0)] }),
            "node2", n => n with { Reachable = true, Role = NodeRole.Replica, FollowsName = "node1", LinkStatus = "up" });

    private static LabSnapshot Sentinels(LabSnapshot s, int replicas, int others, bool allUp = true) => s with
    {
        Sentinels = [.. s.Sentinels.Select((x, i) => x with { Reachable = allUp || i > 0, KnownReplicas = replicas, KnownSentinels = others })],
    };

    public static TheoryData<string, StepCheck, LabSnapshot, bool> Table() => new()
    {
        { "nothing runs", new(CheckKind.Runs, Node: "node1"), Empty, false },
        { "node1 answers", new(CheckKind.Runs, Node: "node1"), Node(Empty, "node1", n => n with { Reachable = true }), true },
        { "a sentinel answers", new(CheckKind.Runs, Node: "sentinel2"), Empty with { Sentinels = [.. Empty.Sentinels.Select(x => x with { Reachable = x.Name == "sentinel2" })] }, true },
        { "master alone", new(CheckKind.Master, Node: "node1", Count: 1), Node(Empty, "node1", n => n with { Reachable = true, Role = NodeRole.Master }), false },
        { "master with its replica", new(CheckKind.Master, Node: "node1", Count: 1), Replicating(Empty), true },
        { "a replica still syncing does not count", new(CheckKind.Master, Node: "node1", Count: 1),
            Node(Replicating(Empty), "node1", n => n with { Replicas = [new ReplicaLink("127.0.0.1", 7002, "node2", "wait_bgsave", 0, 0)] }), false },
        { "the replica is no master", new(CheckKind.Master, Node: "node2", Count: 0), Replicating(Empty), false },
        { "sentinels know everyone", new(CheckKind.SentinelsKnow, Count: 1, Count2: 2), Sentinels(Replicating(Empty), 1, 2), true },
        { "one sentinel has not heard the others", new(CheckKind.SentinelsKnow, Count: 1, Count2: 2),
            Sentinels(Replicating(Empty), 1, 2) with { Sentinels = [.. Sentinels(Empty, 1, 2).Sentinels.Select((x, i) => i == 2 ? x with { KnownSentinels = 1 } : x)] }, false },
        { "a sentinel down", new(CheckKind.SentinelsKnow, Count: 1, Count2: 2), Sentinels(Replicating(Empty), 1, 2, allUp: false), false },
        { "the key replicated", new(CheckKind.KeyEquals, Node: "node2", Key: "k1", Value: "val1"),
            Node(Replicating(Empty), "node2", n => n with { WatchedKeys = [new WatchedKey("k1", "val1")] }), true },
        { "the key not there yet", new(CheckKind.KeyEquals, Node: "node2", Key: "k1", Value: "val1"),
            Node(Replicating(Empty), "node2", n => n with { WatchedKeys = [new WatchedKey("k1", null)] }), false },
        { "another value", new(CheckKind.KeyEquals, Node: "node2", Key: "k1", Value: "val1"),
            Node(Replicating(Empty), "node2", n => n with { WatchedKeys = [new WatchedKey("k1", "val2")] }), false },
        { "READONLY counted by Redis (by hand)", new(CheckKind.ReadOnlyRefused, Node: "node2"), Node(Replicating(Empty), "node2", n => n with { ReadOnlyRefusals = 1 }), true },
        { "no READONLY yet", new(CheckKind.ReadOnlyRefused, Node: "node2"), Node(Replicating(Empty), "node2", n => n with { ReadOnlyRefusals = 0 }), false },
        { "READONLY from the app's console", new(CheckKind.ReadOnlyRefused, Node: "node2"),
            Timeline.Add(Replicating(Empty), TimelineKind.ReadOnly, "node2 refused SET: READONLY", DateTimeOffset.UnixEpoch, 10), true },
        { "READONLY on another node", new(CheckKind.ReadOnlyRefused, Node: "node2"),
            Timeline.Add(Replicating(Empty), TimelineKind.ReadOnly, "node1 refused SET: READONLY", DateTimeOffset.UnixEpoch, 10), false },
        { "a failover under way", new(CheckKind.FailoverCompleted), Empty with { Failovers = [Failover(complete: false, FailoverPhaseKind.SDown)] }, false },
        { "a failover done", new(CheckKind.FailoverCompleted), Empty with { Failovers = [Failover(complete: true, FailoverPhaseKind.SwitchMaster, FailoverPhaseKind.AllAgree)] }, true },
        { "the master came back in time: no failover", new(CheckKind.FailoverCompleted), Empty with { Failovers = [Failover(complete: true, FailoverPhaseKind.NoFailover)] }, false },
        { "node2 follows node1", new(CheckKind.ReplicaOf, Node: "node2", Other: "node1"), Replicating(Empty), true },
        { "node1 follows nobody", new(CheckKind.ReplicaOf, Node: "node1", Other: "node2"), Replicating(Empty), false },
        { "link still down", new(CheckKind.ReplicaOf, Node: "node2", Other: "node1"), Node(Replicating(Empty), "node2", n => n with { LinkStatus = "down" }), false },
        { "no load", new(CheckKind.LoadRan), Empty, false },
        { "a load that never got an ack", new(CheckKind.LoadRan), Empty with { Loads = [new LoadLedger { Number = 1, StartedAt = DateTimeOffset.UnixEpoch, Running = true, Failed = 3 }] }, false },
        { "a load with acks", new(CheckKind.LoadRan), Empty with { Loads = [new LoadLedger { Number = 1, StartedAt = DateTimeOffset.UnixEpoch, Acked = 5 }] }, true },
        { "manual never ticks itself", new(CheckKind.Manual), Replicating(Empty), false },
    };

    private static FailoverRecord Failover(bool complete, params FailoverPhaseKind[] phases) => new()
    {
        Number = 1, StartedAt = DateTimeOffset.UnixEpoch, Cause = "kill -9 node1", Complete = complete,
        Phases = [.. phases.Select((p, i) => new FailoverPhase(p, TimeSpan.FromSeconds(i)))],
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void A_check_holds_exactly_when_the_snapshot_shows_it(string situation, StepCheck check, LabSnapshot snapshot, bool met)
    {
        Assert.True(StepConditions.IsMet(check, snapshot) == met, situation);
    }
}
