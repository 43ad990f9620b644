using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Tests.Tui.Fakes;

/// <summary>Hand-built labs and snapshots: the tutorial's topology, or N nodes, in the states a test needs.</summary>
internal static class FakeLab
{
    public static LabDefinition Definition(int nodes = 2, int sentinels = 3) => new(
        "/lab/lab.json", "myMaster", 0, "/lab/.run",
        [.. Enumerable.Range(1, nodes).Select(i => new NodeDefinition($"node{i}", $"/lab/node{i}", Endpoint.Loopback(7000 + i), i == 1 ? null : "node1"))],
        [.. Enumerable.Range(1, sentinels).Select(i => new SentinelDefinition($"sentinel{i}", $"/lab/sentinel{i}", Endpoint.Loopback(27000 + i), 2, 5000, 60000, 1))],
        new RedisSettings(), new MonitorSettings(), new UiSettings());

    public static readonly ProcessStatus Running = new(ProcessState.Running, Pid: 4242);

    public static NodeSnapshot Master(string name, int port, int replicas = 1) => new()
    {
        Name = name, Endpoint = Endpoint.Loopback(port), Process = Running, Reachable = true, Role = NodeRole.Master, Offset = 1234,
        Replicas = [.. Enumerable.Range(0, replicas).Select(i => new ReplicaLink("127.0.0.1", port + 1 + i, null, "online", 1234, 0))],
        GoodReplicas = replicas, Keys = 3, PolledAt = DateTimeOffset.UnixEpoch,
    };

    public static NodeSnapshot Replica(string name, int port, string follows = "node1", string link = "up") => new()
    {
        Name = name, Endpoint = Endpoint.Loopback(port), Process = Running, Reachable = true, Role = NodeRole.Replica, FollowsName = follows,
        FollowsPort = 7001, LinkStatus = link, LastIoSecondsAgo = 0, Offset = 1230, LagBytes = 4, Keys = 3, PolledAt = DateTimeOffset.UnixEpoch,
    };

    public static SentinelSnapshot Sentinel(string name, int port, string master = "node1") => new()
    {
        Name = name, Endpoint = Endpoint.Loopback(port), Process = Running, Reachable = true, MasterAddress = "127.0.0.1:7001", MasterNodeName = master,
        KnownReplicas = 1, KnownSentinels = 2, Epoch = 0, Quorum = "OK 3 usable Sentinels", QuorumOk = true, PolledAt = DateTimeOffset.UnixEpoch,
        Promotion = new PromotionVerdict("node2", [new PromotionCandidate("node2")]),
    };

    /// <summary>A healthy lab: node1 master, the other nodes its replicas, every sentinel agreeing.</summary>
    public static LabSnapshot Healthy(LabDefinition lab)
    {
        LabSnapshot s = LabSnapshot.Initial(lab) with
        {
            Nodes = [.. lab.Nodes.Select(n => n.ReplicaOf is null ? Master(n.Name, n.Port, lab.Nodes.Length - 1) : Replica(n.Name, n.Port))],
            Sentinels = [.. lab.Sentinels.Select(s => Sentinel(s.Name, s.Port))],
            Consensus = new Consensus { MasterBySentinels = "node1", MasterByRoles = "node1", Healthy = true },
        };
        return s with { Readiness = FailoverReadiness.Of(s.Sentinels, s.Consensus) };
    }

    public static LabSnapshot WithNode(this LabSnapshot s, string name, Func<NodeSnapshot, NodeSnapshot> change) =>
        s with { Nodes = [.. s.Nodes.Select(n => n.Name == name ? change(n) : n)] };

    public static LabSnapshot WithSentinel(this LabSnapshot s, string name, Func<SentinelSnapshot, SentinelSnapshot> change) =>
        s with { Sentinels = [.. s.Sentinels.Select(x => x.Name == name ? change(x) : x)] };

    public static LabSnapshot WithEverySentinel(this LabSnapshot s, Func<SentinelSnapshot, SentinelSnapshot> change) =>
        s with { Sentinels = [.. s.Sentinels.Select(change)] };

    /// <summary>A sentinel event by its name (+sdown), or an entry of another kind with the word it shows (an action's: kill).</summary>
    public static TimelineEntry Event(long id, string name, string text, DateTimeOffset at, TimelineKind kind = TimelineKind.SentinelEvent, TimeSpan? since = null, params string[] seenBy) =>
        new()
        {
            Id = id, At = at, Kind = kind, Name = name, Text = text, SeenBy = [.. seenBy], SinceFailover = since,
            Event = kind == TimelineKind.SentinelEvent ? SentinelEventNames.KindOf(name) : SentinelEventKind.Other,
            Action = kind == TimelineKind.Action ? Enum.Parse<LabActionKind>(name, ignoreCase: true) : null,
        };

    public static FailoverRecord Failover(int number, DateTimeOffset at, string cause, string? oldMaster, string? newMaster, bool complete, params FailoverPhase[] phases) =>
        new() { Number = number, StartedAt = at, Cause = cause, OldMaster = oldMaster, NewMaster = newMaster, Phases = [.. phases], Complete = complete };

    public static Consensus Consensus(string? bySentinels, string? byRoles, bool healthy, params string[] problems) =>
        new() { MasterBySentinels = bySentinels, MasterByRoles = byRoles, Healthy = healthy, Problems = [.. problems] };
}
