namespace RedisHaTui.Core.Events;

/// <summary>
/// The Sentinel events the app understands, typed so the stopwatch, the monitor and walkthrough conditions
/// match on a value the compiler checks instead of repeating "+sdown" literals. <see cref="Other"/> keeps
/// any event a newer Redis may add (its name stays in <see cref="SentinelEvent.Name"/>).
/// </summary>
public enum SentinelEventKind
{
    Other,
    SDown, SDownCleared, ODown, ODownCleared,
    NewEpoch, TryFailover, VoteForLeader, ElectedLeader,
    FailoverStateSelectSlave, SelectedSlave, FailoverStateSendSlaveofNoone, FailoverStateWaitPromotion, PromotedSlave,
    FailoverStateReconfSlaves, SlaveReconfSent, SlaveReconfInprog, SlaveReconfDone, FailoverEnd, FailoverEndForTimeout,
    SwitchMaster, ConvertToSlave, RoleChange, RoleChangeCleared, Slave, Sentinel, ConfigUpdateFrom, Reboot, FixSlaveConfig,
    FailoverAbortNoGoodSlave, FailoverAbortNotElected, FailoverAbortSlaveTimeout,
    Tilt, TiltCleared, ResetMaster, Monitor, MonitorCleared, DupSentinel,
}

/// <summary>Sentinel's own event names (its pub/sub channels) for each kind.</summary>
public static class SentinelEventNames
{
    private static readonly Dictionary<string, SentinelEventKind> ByName = new(StringComparer.Ordinal)
    {
        ["+sdown"] = SentinelEventKind.SDown, ["-sdown"] = SentinelEventKind.SDownCleared,
        ["+odown"] = SentinelEventKind.ODown, ["-odown"] = SentinelEventKind.ODownCleared,
        ["+new-epoch"] = SentinelEventKind.NewEpoch, ["+try-failover"] = SentinelEventKind.TryFailover,
        ["+vote-for-leader"] = SentinelEventKind.VoteForLeader, ["+elected-leader"] = SentinelEventKind.ElectedLeader,
        ["+failover-state-select-slave"] = SentinelEventKind.FailoverStateSelectSlave, ["+selected-slave"] = SentinelEventKind.SelectedSlave,
        ["+failover-state-send-slaveof-noone"] = SentinelEventKind.FailoverStateSendSlaveofNoone,
        ["+failover-state-wait-promotion"] = SentinelEventKind.FailoverStateWaitPromotion, ["+promoted-slave"] = SentinelEventKind.PromotedSlave,
        ["+failover-state-reconf-slaves"] = SentinelEventKind.FailoverStateReconfSlaves, ["+slave-reconf-sent"] = SentinelEventKind.SlaveReconfSent,
        ["+slave-reconf-inprog"] = SentinelEventKind.SlaveReconfInprog, ["+slave-reconf-done"] = SentinelEventKind.SlaveReconfDone,
        ["+failover-end"] = SentinelEventKind.FailoverEnd, ["+failover-end-for-timeout"] = SentinelEventKind.FailoverEndForTimeout,
        ["+switch-master"] = SentinelEventKind.SwitchMaster, ["+convert-to-slave"] = SentinelEventKind.ConvertToSlave,
        ["+role-change"] = SentinelEventKind.RoleChange, ["-role-change"] = SentinelEventKind.RoleChangeCleared,
        ["+slave"] = SentinelEventKind.Slave, ["+sentinel"] = SentinelEventKind.Sentinel,
        ["+config-update-from"] = SentinelEventKind.ConfigUpdateFrom, ["+reboot"] = SentinelEventKind.Reboot,
        ["+fix-slave-config"] = SentinelEventKind.FixSlaveConfig,
        ["-failover-abort-no-good-slave"] = SentinelEventKind.FailoverAbortNoGoodSlave,
        ["-failover-abort-not-elected"] = SentinelEventKind.FailoverAbortNotElected,
        ["-failover-abort-slave-timeout"] = SentinelEventKind.FailoverAbortSlaveTimeout,
        ["+tilt"] = SentinelEventKind.Tilt, ["-tilt"] = SentinelEventKind.TiltCleared,
        ["+reset-master"] = SentinelEventKind.ResetMaster, ["+monitor"] = SentinelEventKind.Monitor, ["-monitor"] = SentinelEventKind.MonitorCleared,
        ["-dup-sentinel"] = SentinelEventKind.DupSentinel,
    };

    private static readonly Dictionary<SentinelEventKind, string> ByKind = ByName.ToDictionary(p => p.Value, p => p.Key);

    public static SentinelEventKind KindOf(string name) => ByName.GetValueOrDefault(name, SentinelEventKind.Other);

    /// <summary>Sentinel's name for a kind ("+sdown"); <see cref="SentinelEventKind.Other"/> has none.</summary>
    public static string NameOf(SentinelEventKind kind) => ByKind.GetValueOrDefault(kind, "?");

    /// <summary>The ways a failover gives up: each ends the stopwatch as aborted.</summary>
    public static bool IsAbort(SentinelEventKind kind) => kind is SentinelEventKind.FailoverAbortNoGoodSlave
        or SentinelEventKind.FailoverAbortNotElected or SentinelEventKind.FailoverAbortSlaveTimeout or SentinelEventKind.FailoverEndForTimeout;
}
