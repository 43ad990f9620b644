using System.Collections.Immutable;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.State;

/// <summary>The role a node reports in INFO replication.</summary>
public enum NodeRole { Unknown, Master, Replica }

/// <summary>A replica as its master lists it (INFO replication slaveN lines).</summary>
public sealed record ReplicaLink(string Ip, int Port, string? Name, string State, long Offset, int LagSeconds);

/// <summary>What one data node says right now, with its process state from the supervisor.</summary>
/// <param name="FollowsName">The lab name of the master it replicates (e.g. node1), else its address.</param>
/// <param name="LagBytes">How far its offset is behind its master's (bytes), when both are known.</param>
/// <param name="GoodReplicas">Replicas that count for min-replicas-to-write.</param>
public sealed record NodeSnapshot(
    string Name,
    int Port,
    ProcessStatus Process,
    bool Reachable,
    string? Error,
    NodeRole Role,
    string? FollowsName,
    int? FollowsPort,
    string? LinkStatus,
    int? LastIoSecondsAgo,
    bool SyncInProgress,
    long? Offset,
    long? LagBytes,
    ImmutableArray<ReplicaLink> Replicas,
    int? GoodReplicas,
    long? Keys,
    string? Aof,
    DateTimeOffset? PolledAt)
{
    public static NodeSnapshot Initial(NodeDefinition n) => new(n.Name, n.Port, ProcessStatus.NotStarted, false, null,
        NodeRole.Unknown, null, null, null, null, false, null, null, [], null, null, null, null);

    /// <summary>The same node, no longer answering: what it said before is forgotten, not shown as current.</summary>
    public NodeSnapshot Unreachable(string? error) => Initial(new NodeDefinition(Name, "", Port, null)) with { Process = Process, Error = error };
}

/// <summary>What one sentinel believes right now about the monitored master.</summary>
/// <param name="MasterAddress">The address it reports (SENTINEL GET-MASTER-ADDR-BY-NAME), "127.0.0.1:7001".</param>
/// <param name="MasterNodeName">That address as a lab node name, when it is one.</param>
/// <param name="Quorum">The CKQUORUM verdict as Sentinel words it.</param>
public sealed record SentinelSnapshot(
    string Name,
    int Port,
    ProcessStatus Process,
    bool Reachable,
    string? Error,
    string? MasterAddress,
    string? MasterNodeName,
    bool SDown,
    bool ODown,
    bool FailoverInProgress,
    string? FailoverState,
    int? KnownReplicas,
    int? KnownSentinels,
    long? Epoch,
    string? Quorum,
    bool? QuorumOk,
    DateTimeOffset? PolledAt)
{
    public static SentinelSnapshot Initial(SentinelDefinition s) => new(s.Name, s.Port, ProcessStatus.NotStarted, false, null,
        null, null, false, false, false, null, null, null, null, null, null, null);

    public SentinelSnapshot Unreachable(string? error) =>
        Initial(new SentinelDefinition(Name, "", Port, 0, 0, 0, 0)) with { Process = Process, Error = error };
}

/// <summary>Who is master, according to the sentinels and to the nodes themselves, and where they disagree.</summary>
/// <param name="Healthy">One master, every replica linked, every sentinel reachable and agreeing and knowing everyone.</param>
public sealed record Consensus(string? MasterBySentinels, string? MasterByRoles, ImmutableArray<string> Disagreements, bool Healthy, ImmutableArray<string> Problems)
{
    public static readonly Consensus Unknown = new(null, null, [], false, ["not read yet"]);
}

/// <summary>Where a timeline entry comes from.</summary>
public enum TimelineSource { Sentinel, App, Process }

/// <summary>
/// One line of the merged timeline. The same sentinel event seen by several sentinels is one entry whose
/// <see cref="SeenBy"/> lists them.
/// </summary>
/// <param name="Kind">The event name (+sdown, +switch-master) or the app's action (kill, failover).</param>
/// <param name="SinceFailover">Time since the start of the failover this entry belongs to, if any.</param>
public sealed record TimelineEntry(
    long Id,
    DateTimeOffset At,
    TimelineSource Source,
    string Kind,
    string Text,
    ImmutableArray<string> SeenBy,
    TimeSpan? SinceFailover);

/// <summary>A phase of a failover and when it happened, from the failover's start.</summary>
public sealed record FailoverPhase(string Name, TimeSpan After);

/// <summary>The stopwatch of one failover: its cause, old and new master, and the phases reached so far.</summary>
public sealed record FailoverRecord(
    int Number,
    DateTimeOffset StartedAt,
    string Cause,
    string? OldMaster,
    string? NewMaster,
    ImmutableArray<FailoverPhase> Phases,
    bool Complete)
{
    public TimeSpan? PhaseTime(string name) => Phases.FirstOrDefault(p => p.Name == name)?.After;
}

/// <summary>
/// One immutable, versioned picture of the whole lab. Changed only through <see cref="LabStore.Update"/>;
/// every reader (TUI, status, events) sees consistent versions.
/// </summary>
public sealed record LabSnapshot(
    long Version,
    DateTimeOffset At,
    string MasterName,
    ImmutableArray<NodeSnapshot> Nodes,
    ImmutableArray<SentinelSnapshot> Sentinels,
    Consensus Consensus,
    ImmutableArray<TimelineEntry> Timeline,
    ImmutableArray<FailoverRecord> Failovers)
{
    public static LabSnapshot Initial(LabDefinition lab) => new(0, DateTimeOffset.MinValue, lab.MasterName,
        [.. lab.Nodes.Select(NodeSnapshot.Initial)], [.. lab.Sentinels.Select(SentinelSnapshot.Initial)], Consensus.Unknown, [], []);

    /// <summary>The failover under way, if any.</summary>
    public FailoverRecord? CurrentFailover => Failovers.LastOrDefault(f => !f.Complete);

    public NodeSnapshot? Node(string name) => Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    public SentinelSnapshot? Sentinel(string name) => Sentinels.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
