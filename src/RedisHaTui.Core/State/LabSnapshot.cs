using System.Text.Json.Serialization;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.State;

// The snapshot's records use init properties with defaults, so a new field touches only the code that uses it,
// and ValueArray lists, so two snapshots with the same content are equal (==) and "did anything change" is plain equality.

/// <summary>The role a node reports in INFO replication.</summary>
public enum NodeRole { Unknown, Master, Replica }

/// <summary>A replica as its master lists it (INFO replication slaveN lines).</summary>
public sealed record ReplicaLink(string Ip, int Port, string? Name, string State, long Offset, int LagSeconds);

/// <summary>A key a walkthrough watches, as GET answered it on one node (null: no such key).</summary>
public sealed record WatchedKey(string Key, string? Value);

/// <summary>What one data node says right now, with its process state.</summary>
public sealed record NodeSnapshot
{
    public required string Name { get; init; }
    public required Endpoint Endpoint { get; init; }
    public ProcessStatus Process { get; init; } = ProcessStatus.NotStarted;
    public bool Reachable { get; init; }
    public string? Error { get; init; }
    public NodeRole Role { get; init; }
    /// <summary>The lab name of the master it replicates (e.g. node1), else its address.</summary>
    public string? FollowsName { get; init; }
    public int? FollowsPort { get; init; }
    public string? LinkStatus { get; init; }
    public int? LastIoSecondsAgo { get; init; }
    public bool SyncInProgress { get; init; }
    public long? Offset { get; init; }
    /// <summary>How far its offset is behind its master's (bytes), when both are known.</summary>
    public long? LagBytes { get; init; }
    public ValueArray<ReplicaLink> Replicas { get; init; }
    /// <summary>Replicas that count for min-replicas-to-write.</summary>
    public int? GoodReplicas { get; init; }
    /// <summary>Its min-replicas-to-write (CONFIG GET); null when not read (a deployment may forbid CONFIG).</summary>
    public int? MinReplicasToWrite { get; init; }
    /// <summary>Its min-replicas-max-lag in seconds (CONFIG GET).</summary>
    public int? MinReplicasMaxLag { get; init; }
    public long? Keys { get; init; }
    public string? Aof { get; init; }
    /// <summary>Writes it refused with READONLY since it started (INFO errorstats): a student's write to a replica, by hand too.</summary>
    public long? ReadOnlyRefusals { get; init; }
    /// <summary>The keys a loaded walkthrough watches (key-equals steps), read with GET each poll; empty otherwise.</summary>
    public ValueArray<WatchedKey> WatchedKeys { get; init; }
    public DateTimeOffset? PolledAt { get; init; }

    public int Port => Endpoint.Port;

    public static NodeSnapshot Initial(NodeDefinition n) => new() { Name = n.Name, Endpoint = n.Endpoint };

    /// <summary>The same node, no longer answering: what it said before is forgotten, not shown as current.</summary>
    public NodeSnapshot Unreachable(string? error) => new() { Name = Name, Endpoint = Endpoint, Process = Process, Error = error };
}

/// <summary>What one sentinel believes right now about the monitored master.</summary>
public sealed record SentinelSnapshot
{
    public required string Name { get; init; }
    public required Endpoint Endpoint { get; init; }
    public ProcessStatus Process { get; init; } = ProcessStatus.NotStarted;
    public bool Reachable { get; init; }
    public string? Error { get; init; }
    /// <summary>The address it reports (SENTINEL GET-MASTER-ADDR-BY-NAME), "127.0.0.1:7001".</summary>
    public string? MasterAddress { get; init; }
    /// <summary>That address as a lab node name, when it is one.</summary>
    public string? MasterNodeName { get; init; }
    public bool SDown { get; init; }
    public bool ODown { get; init; }
    public bool FailoverInProgress { get; init; }
    public string? FailoverState { get; init; }
    public int? KnownReplicas { get; init; }
    public int? KnownSentinels { get; init; }
    public long? Epoch { get; init; }
    /// <summary>The CKQUORUM verdict as Sentinel words it.</summary>
    public string? Quorum { get; init; }
    public bool? QuorumOk { get; init; }
    /// <summary>When CKQUORUM was last asked: the verdict is kept between asks, so it can predate a sentinel stopped since.</summary>
    public DateTimeOffset? QuorumAskedAt { get; init; }
    /// <summary>Which replica it would promote now and why not the others (SENTINEL REPLICAS through sentinelSelectSlave's rules).</summary>
    public PromotionVerdict? Promotion { get; init; }
    public DateTimeOffset? PolledAt { get; init; }

    public int Port => Endpoint.Port;

    public static SentinelSnapshot Initial(SentinelDefinition s) => new() { Name = s.Name, Endpoint = s.Endpoint };

    public SentinelSnapshot Unreachable(string? error) => new() { Name = Name, Endpoint = Endpoint, Process = Process, Error = error };
}

/// <summary>Who is master, according to the sentinels and to the nodes themselves, and where they disagree.</summary>
public sealed record Consensus
{
    public string? MasterBySentinels { get; init; }
    public string? MasterByRoles { get; init; }
    public ValueArray<string> Disagreements { get; init; }
    /// <summary>One master, every replica linked, every sentinel reachable and agreeing and knowing everyone.</summary>
    public bool Healthy { get; init; }
    public ValueArray<string> Problems { get; init; }
    /// <summary>False until every process has been read once: there is no verdict yet.</summary>
    public bool Read { get; init; } = true;

    public static readonly Consensus Unknown = new() { Read = false, Problems = ["not read yet"] };
}

/// <summary>Where a timeline entry comes from.</summary>
public enum TimelineSource { Sentinel, App, Process }

/// <summary>
/// One line of the merged timeline. The same sentinel event seen by several sentinels is one entry whose
/// <see cref="SeenBy"/> lists them.
/// </summary>
public sealed record TimelineEntry
{
    public long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    /// <summary>Where it comes from: follows from <see cref="Kind"/>, so a recording does not store it twice.</summary>
    [JsonIgnore]
    public TimelineSource Source => TimelineKindNames.SourceOf(Kind);
    public required TimelineKind Kind { get; init; }
    /// <summary>
    /// The word shown for it: the event's name as Sentinel publishes it (+sdown, also for events this app has no type
    /// for), the app's action (kill, failover), the process change (exited), or the kind's own word (fault, readonly).
    /// </summary>
    public required string Name { get; init; }
    /// <summary>The typed sentinel event; <see cref="SentinelEventKind.Other"/> for entries that are not one.</summary>
    public SentinelEventKind Event { get; init; }
    /// <summary>The action, for a <see cref="TimelineKind.Action"/> entry.</summary>
    public LabActionKind? Action { get; init; }
    public required string Text { get; init; }
    public ValueArray<string> SeenBy { get; init; }
    /// <summary>Time since the start of the failover this entry belongs to, if any.</summary>
    public TimeSpan? SinceFailover { get; init; }
    /// <summary>
    /// For a sentinel event: when the sentinel that brought it first (<see cref="SeenBy"/>[0]) wrote it in its own
    /// log, once the app has read that line. <see cref="At"/> stays the arrival; the difference is how late it came.
    /// </summary>
    public DateTimeOffset? LoggedAt { get; init; }

    /// <summary>How long after the sentinel logged it the event arrived, when that is known and worth saying.</summary>
    public TimeSpan? Late => LoggedAt is { } logged && At - logged >= Timeline.LateAfter ? At - logged : null;
}

/// <summary>The phases the failover stopwatch times, in the order they usually come.</summary>
public enum FailoverPhaseKind
{
    /// <summary>+sdown of the master.</summary>
    SDown,
    /// <summary>+odown: the quorum agrees it is down.</summary>
    ODown,
    /// <summary>+elected-leader: a sentinel won the election to run the failover.</summary>
    Leader,
    /// <summary>The new master's own INFO says role:master.</summary>
    NewMasterRole,
    /// <summary>+promoted-slave.</summary>
    Promoted,
    /// <summary>+switch-master: sentinels publish the new address to clients.</summary>
    SwitchMaster,
    /// <summary>Every reachable sentinel reports the new master and no failover in progress.</summary>
    AllAgree,
    /// <summary>+convert-to-slave: the old master, back, was made a replica.</summary>
    Converted,
    /// <summary>The old master replicates the new one with its link up.</summary>
    OldMasterLinked,
    /// <summary>Clients' writes are accepted again: the write load's first acknowledged write after its refusals, else the master has enough good replicas.</summary>
    WritesAccepted,
    /// <summary>Sentinel gave up (the detail says why).</summary>
    Aborted,
    /// <summary>The master came back before anyone failed over.</summary>
    NoFailover,
    /// <summary>A partition cut the network: the start of a partition's stopwatch.</summary>
    Cut,
    /// <summary>The old master, cut off, refuses writes: its replica was silent for min-replicas-max-lag.</summary>
    OldMasterRefuses,
    /// <summary>The network was healed.</summary>
    Healed,
    /// <summary>A client's read-back counted writes acknowledged and then lost.</summary>
    LostCounted,
}

/// <summary>A phase of a failover and when it happened, from the failover's start.</summary>
/// <param name="Detail">Why, where the phase carries a reason (an abort's event name).</param>
public sealed record FailoverPhase(FailoverPhaseKind Kind, TimeSpan After, string? Detail = null);

/// <summary>The stopwatch of one failover: its cause, old and new master, and the phases reached so far.</summary>
public sealed record FailoverRecord
{
    /// <summary>The sentinels' epoch of its election, the same in every process watching the lab (provisional until the election).</summary>
    public required int Number { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Cause { get; init; }
    public string? OldMaster { get; init; }
    public string? NewMaster { get; init; }
    public ValueArray<FailoverPhase> Phases { get; init; }
    public bool Complete { get; init; }
    /// <summary>
    /// A SENTINEL FAILOVER (this app's or another client's): the master never went away, so finding it master and
    /// answering proves nothing until the sentinels act; only a failure (kill, pause, cut) can end in "no failover".
    /// </summary>
    public bool Forced { get; init; }

    public TimeSpan? PhaseTime(FailoverPhaseKind kind) => Phases.FirstOrDefault(p => p.Kind == kind)?.After;
}

/// <summary>
/// One immutable, versioned picture of the whole lab. Changed only through <see cref="LabStore.Update"/>;
/// every reader (TUI, status, events) sees consistent versions.
/// </summary>
public sealed record LabSnapshot
{
    public long Version { get; init; }
    public DateTimeOffset At { get; init; }
    public required string MasterName { get; init; }
    public ValueArray<NodeSnapshot> Nodes { get; init; }
    public ValueArray<SentinelSnapshot> Sentinels { get; init; }
    public Consensus Consensus { get; init; } = Consensus.Unknown;
    public ValueArray<TimelineEntry> Timeline { get; init; }
    public ValueArray<FailoverRecord> Failovers { get; init; }
    /// <summary>What can run right now and why not: derived in every store update, so the screen, the CLI and the walkthrough agree.</summary>
    public Availability Availability { get; init; } = Availability.None;
    /// <summary>Every run of the write load this session, oldest first; the last may still be running.</summary>
    public ValueArray<LoadLedger> Loads { get; init; }
    /// <summary>Whether the current master accepts writes and why not: derived with the consensus (<see cref="LabHealth"/>).</summary>
    public WritesStatus Writes { get; init; } = WritesStatus.Unknown;
    /// <summary>Whether SENTINEL FAILOVER would be accepted now and why (not): derived with the consensus (<see cref="LabHealth"/>).</summary>
    public FailoverReadiness Readiness { get; init; } = FailoverReadiness.Unknown;
    /// <summary>The lab's network: whether links can be cut, and the cut in force.</summary>
    public NetworkState Network { get; init; } = NetworkState.Off;
    /// <summary>
    /// How far the walkthrough the screen has loaded got (steps done, the one shown), or null without one: kept here,
    /// not in the screen, so a recording carries it and a replay shows the panel as it was.
    /// </summary>
    public Walkthrough.WalkthroughProgress? Walkthrough { get; init; }

    public static LabSnapshot Initial(LabDefinition lab) => new()
    {
        MasterName = lab.MasterName,
        Nodes = [.. lab.Nodes.Select(NodeSnapshot.Initial)],
        Sentinels = [.. lab.Sentinels.Select(SentinelSnapshot.Initial)],
    };

    /// <summary>The write load running now or run last, if any.</summary>
    public LoadLedger? LastLoad => Loads.LastOrDefault();

    /// <summary>The failover under way, if any.</summary>
    public FailoverRecord? CurrentFailover => Failovers.LastOrDefault(f => !f.Complete);

    public NodeSnapshot? Node(string name) => Nodes.FirstOrDefault(n => string.Equals(n.Name, name, StringComparison.OrdinalIgnoreCase));

    public SentinelSnapshot? Sentinel(string name) => Sentinels.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A process's state as the snapshot knows it (the one place the app keeps it).</summary>
    public ProcessStatus? ProcessOf(string name) => Node(name)?.Process ?? Sentinel(name)?.Process;

    /// <summary>Why an action cannot run now on <paramref name="target"/>, or null when it can.</summary>
    public string? WhyNot(Actions.LabActionKind kind, string? target = null) => Availability.WhyNot(kind, target);

    /// <summary>The same picture over another set of processes: parts kept by name, new ones not read yet, gone ones dropped.</summary>
    public LabSnapshot Reshape(LabDefinition lab) => this with
    {
        Nodes = [.. lab.Nodes.Select(n => Node(n.Name) ?? NodeSnapshot.Initial(n))],
        Sentinels = [.. lab.Sentinels.Select(x => Sentinel(x.Name) ?? SentinelSnapshot.Initial(x))],
    };

    /// <summary>The same picture without the poll times: what a reader would see as "no change".</summary>
    public LabSnapshot WithoutPollTimes() => this with
    {
        Nodes = [.. Nodes.Select(n => n.PolledAt is null ? n : n with { PolledAt = null })],
        Sentinels = [.. Sentinels.Select(x => x.PolledAt is null ? x : x with { PolledAt = null })],
    };
}
