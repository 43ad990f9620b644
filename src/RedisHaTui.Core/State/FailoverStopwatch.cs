using RedisHaTui.Core.Events;

namespace RedisHaTui.Core.State;

/// <summary>
/// Times each failover: it starts at the kill or the command when the app caused it, else at the first
/// +sdown of the master, and records when each phase was reached. Pure functions over the snapshot.
/// </summary>
public static class FailoverStopwatch
{
    /// <summary>
    /// The cause of a failover this app did not ask for and no +sdown explains: someone's SENTINEL FAILOVER (another
    /// terminal's `redis-ha-tui failover`, redis-cli). Said as who, since the handout reads "Started … by" it.
    /// </summary>
    public const string ElsewhereCause = "another client's SENTINEL FAILOVER";

    /// <summary>How a partition's record names its cause ("partition node1, sentinel1, A / …").</summary>
    public const string PartitionCause = "partition";

    /// <summary>A heal: the latest partition's record notes it.</summary>
    public static LabSnapshot OnHeal(LabSnapshot s, DateTimeOffset at) => PartitionPhase(s, FailoverPhaseKind.Healed, at);

    /// <summary>The latest partition record, if it still lacks <paramref name="kind"/>, gains it.</summary>
    private static LabSnapshot PartitionPhase(LabSnapshot s, FailoverPhaseKind kind, DateTimeOffset at)
    {
        int i = s.Failovers.Length - 1;
        if (i < 0 || !s.Failovers[i].Cause.StartsWith(PartitionCause + " ", StringComparison.Ordinal) || s.Failovers[i].PhaseTime(kind) is not null) return s;
        return WithPhase(s, i, kind, at - s.Failovers[i].StartedAt);
    }

    /// <summary>Starts a failover record, unless one is already under way.</summary>
    public static LabSnapshot Start(LabSnapshot s, string cause, string? oldMaster, DateTimeOffset at, bool forced = false)
    {
        if (s.CurrentFailover is not null) return s;
        var record = new FailoverRecord { Number = NextNumber(s), StartedAt = at, Cause = cause, OldMaster = oldMaster, Forced = forced };
        return s with { Failovers = s.Failovers.Add(record) };
    }

    /// <summary>
    /// A failover's number comes from the lab's own history, so the screen, `events` and the handout of another
    /// process say the same (issue 19): the sentinels' epoch. Each failover election takes a new epoch and the one
    /// that wins becomes the master's config epoch, so until the election names it the next failover is provisionally
    /// the config epoch read last, plus one (never below a number this session already used).
    /// </summary>
    private static int NextNumber(LabSnapshot s)
    {
        long epoch = s.Sentinels.Select(x => x.Epoch ?? 0).DefaultIfEmpty(0).Max();
        return (int)Math.Max(epoch, s.Failovers.LastOrDefault()?.Number ?? 0) + 1;
    }

    /// <summary>
    /// The election's epoch (+new-epoch, +vote-for-leader) is the number of the failover under way. A record that
    /// ended without an election (the master came back) keeps its provisional number, which the next failover's
    /// election may take too: the number is the lab's, and that failover is the one the sentinels count.
    /// </summary>
    private static LabSnapshot NumberFromEpoch(LabSnapshot s, SentinelEvent e)
    {
        if (e.Kind is not (SentinelEventKind.NewEpoch or SentinelEventKind.VoteForLeader) || e.Epoch is not { } epoch
            || s.CurrentFailover is not { } f || f.Number == epoch || epoch is < 1 or > int.MaxValue) return s;
        return s with { Failovers = s.Failovers.SetItem(s.Failovers.Length - 1, f with { Number = (int)epoch }) };
    }

    /// <summary>Takes back a record the app started for an action that then failed (nothing happened yet).</summary>
    public static LabSnapshot Withdraw(LabSnapshot s) =>
        s.CurrentFailover is { Phases.Length: 0 } f ? s with { Failovers = s.Failovers.Remove(f) } : s;

    /// <summary>Notes the phase a sentinel event marks, starting a record on the master's first +sdown.</summary>
    public static LabSnapshot OnEvent(LabSnapshot s, SentinelEvent e, Func<string?, int?, string> nodeName, DateTimeOffset at)
    {
        bool aboutMaster = e.InstanceType == "master" && e.InstanceName == s.MasterName;
        if (e.Kind == SentinelEventKind.SDown && aboutMaster)
            s = s.Network is { Cut: { } cut, CutAt: { } cutAt }
                // A partition's stopwatch runs from the cut: cut → +sdown → … → healed → converted → lost counted.
                ? Phase(Start(s, $"{PartitionCause} {cut}", nodeName(e.Ip, e.Port), cutAt), FailoverPhaseKind.Cut, cutAt)
                : Start(s, "+sdown (master unreachable)", nodeName(e.Ip, e.Port), at);
        // A failover asked for elsewhere (another terminal's SENTINEL FAILOVER) has no +sdown: its election starts it.
        // Its old master comes from the events' own payloads, never from the consensus: a watcher that has just
        // started has none yet, and a consensus read mid-failover may already name the new master (issue 14).
        string? named = OldMasterNamedBy(e, s.MasterName) is var (ip, port) ? nodeName(ip, port) : null;
        if (e.Kind is SentinelEventKind.TryFailover or SentinelEventKind.VoteForLeader)
            s = Start(s, ElsewhereCause, named, at, forced: true);
        if (named is not null && s.CurrentFailover is { OldMaster: null })
            s = s with { Failovers = s.Failovers.SetItem(s.Failovers.Length - 1, s.Failovers[^1] with { OldMaster = named }) };
        s = NumberFromEpoch(s, e);
        if (SentinelEventNames.IsAbort(e.Kind))
            return Complete(Phase(s, FailoverPhaseKind.Aborted, at, detail: e.Name.TrimStart('+', '-')));
        return e.Kind switch
        {
            SentinelEventKind.SDown when aboutMaster => Phase(s, FailoverPhaseKind.SDown, at),
            SentinelEventKind.ODown when aboutMaster => Phase(s, FailoverPhaseKind.ODown, at),
            SentinelEventKind.ElectedLeader => Phase(s, FailoverPhaseKind.Leader, at),
            SentinelEventKind.PromotedSlave => Phase(s, FailoverPhaseKind.Promoted, at, newMaster: nodeName(e.Ip, e.Port)),
            SentinelEventKind.SwitchMaster => Phase(s, FailoverPhaseKind.SwitchMaster, at, newMaster: nodeName(e.NewMasterIp, e.NewMasterPort)),
            SentinelEventKind.ConvertToSlave => PhaseOfOldMaster(s, nodeName(e.Ip, e.Port), FailoverPhaseKind.Converted, at),
            _ => s,
        };
    }

    /// <summary>
    /// The master a failover is leaving, when the event names it: the subject of +try-failover, +elected-leader and
    /// the +failover-state-* events, the master after the "@" of +selected-slave, +promoted-slave and +slave-reconf-*, the first
    /// address of +switch-master. Events after the switch (+slave, +convert-to-slave) name the new master: not these.
    /// +vote-for-leader names no master at all.
    /// </summary>
    private static (string Ip, int Port)? OldMasterNamedBy(SentinelEvent e, string masterName)
    {
        if (e.MasterName != masterName) return null;
        (string? ip, int? port) = e.Kind switch
        {
            SentinelEventKind.SwitchMaster => (e.OldMasterIp, e.OldMasterPort),
            SentinelEventKind.TryFailover or SentinelEventKind.ElectedLeader or SentinelEventKind.FailoverStateSelectSlave
                or SentinelEventKind.SelectedSlave or SentinelEventKind.FailoverStateSendSlaveofNoone or SentinelEventKind.FailoverStateWaitPromotion
                or SentinelEventKind.PromotedSlave or SentinelEventKind.FailoverStateReconfSlaves or SentinelEventKind.SlaveReconfSent
                or SentinelEventKind.SlaveReconfInprog or SentinelEventKind.SlaveReconfDone or SentinelEventKind.FailoverEnd
                or SentinelEventKind.FailoverEndForTimeout => (e.MasterIp, e.MasterPort),
            _ => (null, null),
        };
        return ip is not null && port is { } p ? (ip, p) : null;
    }

    /// <summary>Phases seen in the nodes' and sentinels' own state rather than in events.</summary>
    public static LabSnapshot OnState(LabSnapshot s, DateTimeOffset at)
    {
        FailoverRecord? f = s.Failovers.LastOrDefault();
        if (f is null) return s;
        string? newMaster = f.NewMaster;
        // Only a master other than a known old one is new: while the old master is unknown, every master may be it.
        if (!f.Complete && newMaster is null && f.OldMaster is { } leaving)
            newMaster = s.Nodes.FirstOrDefault(n => n.Reachable && n.Role == NodeRole.Master && n.Name != leaving)?.Name;
        if (!f.Complete && newMaster is not null && s.Node(newMaster) is { Reachable: true, Role: NodeRole.Master })
            s = Phase(s, FailoverPhaseKind.NewMasterRole, at, newMaster);
        if (!f.Complete && newMaster is not null && s.Sentinels.Where(x => x.Reachable).ToArray() is { Length: > 0 } up
            && up.All(x => x.MasterNodeName == newMaster && !x.FailoverInProgress))
            s = Complete(Phase(s, FailoverPhaseKind.AllAgree, at, newMaster));
        // The master came back before anyone failed over (quorum lost, a short pause): nothing more will happen.
        // Only a read begun after the cause counts: one already in flight when the app paused or stopped it saw it up.
        // Not for a SENTINEL FAILOVER: its master is up all along, and a poll between the command and the sentinels'
        // first flag would close the record the failover then needs (seen on a loaded machine as "started elsewhere").
        if (s.CurrentFailover is { NewMaster: null, OldMaster: { } was, Forced: false } started
            && s.Node(was) is { Reachable: true, Role: NodeRole.Master, PolledAt: { } polled } && polled > started.StartedAt
            && s.Sentinels.Where(x => x.Reachable).All(x => x.MasterNodeName == was && !x.SDown && !x.FailoverInProgress))
            s = Complete(Phase(s, FailoverPhaseKind.NoFailover, at));
        f = s.Failovers[^1];
        // Cut off, the old master refuses writes once its replica has been silent for max-lag: the bound of the loss.
        if (s.Network.Cut is not null && f.OldMaster is { } cutOff
            && s.Node(cutOff) is { Reachable: true, Role: NodeRole.Master, MinReplicasToWrite: > 0 and var needed, GoodReplicas: { } good } && good < needed)
            s = PartitionPhase(s, FailoverPhaseKind.OldMasterRefuses, at);
        f = s.Failovers[^1];
        if (f.OldMaster is { } old && f.NewMaster is { } nm && f.PhaseTime(FailoverPhaseKind.OldMasterLinked) is null
            && s.Node(old) is { Reachable: true, Role: NodeRole.Replica, LinkStatus: "up" } n && n.FollowsName == nm)
            s = PhaseOfOldMaster(s, old, FailoverPhaseKind.OldMasterLinked, at);
        return WritesAcceptedByState(s, at);
    }

    /// <summary>
    /// "Writes accepted again" from a running write load: its first acknowledged write after refusals that came
    /// after the failover's cause. It may come long after the sentinels agree (NOREPLICAS until the old master rejoins).
    /// </summary>
    public static LabSnapshot OnLoad(LabSnapshot s, LoadLedger load)
    {
        if (load is { Client: not null, Running: false, Lost: > 0, EndedAt: { } ended }) s = PartitionPhase(s, FailoverPhaseKind.LostCounted, ended);
        if (s.Failovers.LastOrDefault() is not { } f || f.PhaseTime(FailoverPhaseKind.WritesAccepted) is not null) return s;
        if (load.LastFailureAt is not { } failed || failed < f.StartedAt || load.ResumedAt is not { } resumed || resumed < failed) return s;
        return WithPhase(s, s.Failovers.Length - 1, FailoverPhaseKind.WritesAccepted, resumed - f.StartedAt);
    }

    /// <summary>Without a write load, writes are accepted again once the new master has the good replicas it requires.</summary>
    private static LabSnapshot WritesAcceptedByState(LabSnapshot s, DateTimeOffset at)
    {
        if (s.LastLoad is { Running: true } || s.Failovers.LastOrDefault() is not { NewMaster: { } nm } f
            || f.PhaseTime(FailoverPhaseKind.WritesAccepted) is not null || f.PhaseTime(FailoverPhaseKind.NewMasterRole) is null)
            return s;
        WritesStatus w = WritesStatus.Of(s);
        return w.Accepted && w.Master == nm ? WithPhase(s, s.Failovers.Length - 1, FailoverPhaseKind.WritesAccepted, at - f.StartedAt) : s;
    }

    private static LabSnapshot WithPhase(LabSnapshot s, int i, FailoverPhaseKind kind, TimeSpan after)
    {
        FailoverRecord f = s.Failovers[i];
        return s with { Failovers = s.Failovers.SetItem(i, f with { Phases = f.Phases.Add(new FailoverPhase(kind, after)) }) };
    }

    /// <summary>Time since the start of the failover under way, for a timeline entry.</summary>
    public static TimeSpan? Since(LabSnapshot s, DateTimeOffset at) =>
        s.CurrentFailover is { } f ? at - f.StartedAt : null;

    private static LabSnapshot Phase(LabSnapshot s, FailoverPhaseKind kind, DateTimeOffset at, string? newMaster = null, string? detail = null)
    {
        if (s.CurrentFailover is not { } f) return s;
        if (f.PhaseTime(kind) is not null && (newMaster is null || f.NewMaster is not null)) return s;
        FailoverRecord updated = f with
        {
            NewMaster = f.NewMaster ?? newMaster,
            Phases = f.PhaseTime(kind) is null ? f.Phases.Add(new FailoverPhase(kind, at - f.StartedAt, detail)) : f.Phases,
        };
        return s with { Failovers = s.Failovers.SetItem(s.Failovers.Length - 1, updated) };
    }

    /// <summary>The old master's return comes long after the failover ended: it belongs to the latest one that demoted it.</summary>
    private static LabSnapshot PhaseOfOldMaster(LabSnapshot s, string oldMaster, FailoverPhaseKind kind, DateTimeOffset at)
    {
        int i = s.Failovers.Length - 1;
        while (i >= 0 && s.Failovers[i].OldMaster != oldMaster) i--;
        if (i < 0 || s.Failovers[i].PhaseTime(kind) is not null) return s;
        FailoverRecord f = s.Failovers[i];
        return s with { Failovers = s.Failovers.SetItem(i, f with { Phases = f.Phases.Add(new FailoverPhase(kind, at - f.StartedAt)) }) };
    }

    private static LabSnapshot Complete(LabSnapshot s) =>
        s.CurrentFailover is { } f ? s with { Failovers = s.Failovers.SetItem(s.Failovers.Length - 1, f with { Complete = true }) } : s;

    /// <summary>
    /// The master's process went away without this app doing it (kill -9 from another terminal): the record starts
    /// when the app saw it ("node1 seen down: …"), not at the sentinels' +sdown, down-after-milliseconds later.
    /// </summary>
    public static LabSnapshot SeenDown(LabSnapshot s, string master, string how, DateTimeOffset at) => Start(s, $"{master} seen down: {how}", master, at);
}
