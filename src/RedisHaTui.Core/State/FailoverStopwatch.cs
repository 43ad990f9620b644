using System.Collections.Immutable;
using RedisHaTui.Core.Monitoring.Parsing;

namespace RedisHaTui.Core.State;

/// <summary>
/// Times each failover: it starts at the kill or the command when the app caused it, else at the first
/// +sdown of the master, and records when each phase was reached. Pure functions over the snapshot.
/// </summary>
public static class FailoverStopwatch
{
    public const string SDown = "+sdown", ODown = "+odown", Leader = "+elected-leader", Promoted = "+promoted-slave",
        NewMasterRole = "new master role:master", SwitchMaster = "+switch-master", AllAgree = "all sentinels agree",
        Converted = "+convert-to-slave", OldMasterLinked = "old master linked", Aborted = "aborted",
        NoFailover = "no failover: the master is back";

    /// <summary>Starts a failover record, unless one is already under way.</summary>
    public static LabSnapshot Start(LabSnapshot s, string cause, string? oldMaster, DateTimeOffset at)
    {
        if (s.CurrentFailover is not null) return s;
        var record = new FailoverRecord(s.Failovers.Length + 1, at, cause, oldMaster, null, [], false);
        return s with { Failovers = s.Failovers.Add(record) };
    }

    /// <summary>Takes back a record the app started for an action that then failed (nothing happened yet).</summary>
    public static LabSnapshot Withdraw(LabSnapshot s) =>
        s.CurrentFailover is { Phases.Length: 0 } f ? s with { Failovers = s.Failovers.Remove(f) } : s;

    /// <summary>Notes the phase a sentinel event marks, starting a record on the master's first +sdown.</summary>
    public static LabSnapshot OnEvent(LabSnapshot s, SentinelEvent e, Func<string?, int?, string> nodeName, DateTimeOffset at)
    {
        bool aboutMaster = e.InstanceType == "master" && e.InstanceName == s.MasterName;
        if (e.Kind == "+sdown" && aboutMaster)
            s = Start(s, "+sdown (master unreachable)", nodeName(e.Ip, e.Port), at);
        // A failover asked for elsewhere (another terminal's SENTINEL FAILOVER) has no +sdown: its election starts it.
        if (e.Kind is "+try-failover" or "+vote-for-leader")
            s = Start(s, "failover started elsewhere", s.Consensus.MasterBySentinels ?? s.Consensus.MasterByRoles, at);
        switch (e.Kind)
        {
            case "+sdown" when aboutMaster: return Phase(s, SDown, at);
            case "+odown" when aboutMaster: return Phase(s, ODown, at);
            case "+elected-leader": return Phase(s, Leader, at);
            case "+promoted-slave": return Phase(s, Promoted, at, newMaster: nodeName(e.Ip, e.Port));
            case "+switch-master": return Phase(s, SwitchMaster, at, newMaster: nodeName(e.NewMasterIp, e.NewMasterPort));
            case "-failover-abort-no-good-slave" or "-failover-abort-not-elected" or "-failover-abort-slave-timeout" or "+failover-end-for-timeout":
                return Complete(Phase(s, $"{Aborted} ({e.Kind.TrimStart('+', '-')})", at));
            case "+convert-to-slave":
                return PhaseOfOldMaster(s, nodeName(e.Ip, e.Port), Converted, at);
            default: return s;
        }
    }

    /// <summary>Phases seen in the nodes' and sentinels' own state rather than in events.</summary>
    public static LabSnapshot OnState(LabSnapshot s, DateTimeOffset at)
    {
        FailoverRecord? f = s.Failovers.LastOrDefault();
        if (f is null) return s;
        string? newMaster = f.NewMaster;
        if (!f.Complete && newMaster is null)
            newMaster = s.Nodes.FirstOrDefault(n => n.Reachable && n.Role == NodeRole.Master && n.Name != f.OldMaster)?.Name;
        if (!f.Complete && newMaster is not null && s.Node(newMaster) is { Reachable: true, Role: NodeRole.Master })
            s = Phase(s, NewMasterRole, at, newMaster);
        if (!f.Complete && newMaster is not null && s.Sentinels.Where(x => x.Reachable).ToArray() is { Length: > 0 } up
            && up.All(x => x.MasterNodeName == newMaster && !x.FailoverInProgress))
            s = Complete(Phase(s, AllAgree, at, newMaster));
        // The master came back before anyone failed over (quorum lost, a short pause): nothing more will happen.
        // Only a read begun after the cause counts: one already in flight when the app paused or stopped it saw it up.
        if (s.CurrentFailover is { NewMaster: null, OldMaster: { } was } started
            && s.Node(was) is { Reachable: true, Role: NodeRole.Master, PolledAt: { } polled } && polled > started.StartedAt
            && s.Sentinels.Where(x => x.Reachable).All(x => x.MasterNodeName == was && !x.SDown && !x.FailoverInProgress))
            s = Complete(Phase(s, NoFailover, at));
        f = s.Failovers[^1];
        if (f.OldMaster is { } old && f.NewMaster is { } nm && f.PhaseTime(OldMasterLinked) is null
            && s.Node(old) is { Reachable: true, Role: NodeRole.Replica, LinkStatus: "up" } n && n.FollowsName == nm)
            s = PhaseOfOldMaster(s, old, OldMasterLinked, at);
        return s;
    }

    /// <summary>Time since the start of the failover under way, for a timeline entry.</summary>
    public static TimeSpan? Since(LabSnapshot s, DateTimeOffset at) =>
        s.CurrentFailover is { } f ? at - f.StartedAt : null;

    private static LabSnapshot Phase(LabSnapshot s, string name, DateTimeOffset at, string? newMaster = null)
    {
        if (s.CurrentFailover is not { } f) return s;
        if (f.PhaseTime(name) is not null && (newMaster is null || f.NewMaster is not null)) return s;
        FailoverRecord updated = f with
        {
            NewMaster = f.NewMaster ?? newMaster,
            Phases = f.PhaseTime(name) is null ? f.Phases.Add(new FailoverPhase(name, at - f.StartedAt)) : f.Phases,
        };
        return s with { Failovers = s.Failovers.SetItem(s.Failovers.Length - 1, updated) };
    }

    /// <summary>The old master's return comes long after the failover ended: it belongs to the latest one that demoted it.</summary>
    private static LabSnapshot PhaseOfOldMaster(LabSnapshot s, string oldMaster, string name, DateTimeOffset at)
    {
        int i = s.Failovers.Length - 1;
        while (i >= 0 && s.Failovers[i].OldMaster != oldMaster) i--;
        if (i < 0 || s.Failovers[i].PhaseTime(name) is not null) return s;
        FailoverRecord f = s.Failovers[i];
        return s with { Failovers = s.Failovers.SetItem(i, f with { Phases = f.Phases.Add(new FailoverPhase(name, at - f.StartedAt)) }) };
    }

    private static LabSnapshot Complete(LabSnapshot s) =>
        s.CurrentFailover is { } f ? s with { Failovers = s.Failovers.SetItem(s.Failovers.Length - 1, f with { Complete = true }) } : s;
}
