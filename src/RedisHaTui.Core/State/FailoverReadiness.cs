namespace RedisHaTui.Core.State;

/// <summary>
/// Whether a failover may start now, apart from whether the lab is healthy: a healthy lab can still be refused (right
/// after a rejoin, Sentinel's link to the rejoined replica is briefly down and SENTINEL FAILOVER answers NOGOODSLAVE),
/// and an unhealthy one can still fail over (a sentinel stopped).
/// </summary>
/// <param name="Ready">The lab is healthy and a failover would be accepted and carried through: what a drill waits for.</param>
/// <param name="Reason">Why (not) ready, in one line: "sentinel1 would promote node2", "not healthy: node1 is down", or <see cref="Blocker"/>.</param>
/// <param name="Blocker">Why a failover should not be started now, in plain words (what Sentinel would refuse, or why it would stall); null when it may.</param>
/// <param name="Via">The sentinel that would take it (the first one that would promote a replica).</param>
public sealed record FailoverReadiness(bool Ready, string Reason, string? Blocker = null, string? Via = null)
{
    public static readonly FailoverReadiness Unknown = new(false, "not read yet", "not read yet");

    public static FailoverReadiness Of(IReadOnlyList<SentinelSnapshot> sentinels, Consensus consensus)
    {
        SentinelSnapshot[] answering = [.. sentinels.Where(x => x.Reachable && x.MasterNodeName is not null)];
        string? blocker = Refusal(answering, out SentinelSnapshot? via) ?? Stall(answering, via!);
        if (blocker is not null) return new(false, blocker, blocker, via?.Name);
        string promotes = $"{via!.Name} {via.Promotion!.Summary}";
        if (!consensus.Healthy) return new(false, $"not healthy: {consensus.Problems.FirstOrDefault() ?? "no verdict yet"} (a failover would still run: {promotes})", null, via.Name);
        return new(true, promotes, null, via.Name);
    }

    /// <summary>
    /// SENTINEL FAILOVER's own checks, in its order (redis 7.0 sentinel.c, sentinelCommand "failover"): a failover in
    /// progress answers INPROG, then sentinelSelectSlave finding nobody answers NOGOODSLAVE. It asks no other sentinel
    /// (a forced failover needs neither quorum nor election), so one sentinel that would promote a replica is enough.
    /// </summary>
    private static string? Refusal(SentinelSnapshot[] answering, out SentinelSnapshot? via)
    {
        via = null;
        if (answering.Length == 0) return "no sentinel reachable";
        if (answering.FirstOrDefault(x => x.FailoverInProgress) is { } busy)
            return $"a failover is in progress ({busy.Name}: {busy.FailoverState ?? "started"}); Sentinel answers INPROG until it ends";
        via = answering.FirstOrDefault(x => x.Promotion?.Promotes is not null);
        if (via is not null) return null;
        SentinelSnapshot first = answering[0];
        return first.Promotion is { } verdict
            ? $"{verdict.Summary} (Sentinel would answer NOGOODSLAVE)"
            : $"{first.Name} has not listed its replicas yet";
    }

    /// <summary>
    /// Accepted, but it would not complete: a sentinel whose last INFO of the chosen replica still says role:master (the
    /// demoted master before its +convert-to-slave, or an INFO up to 10 s old from then) sees the promotion as nothing
    /// new, and turns the replica back at once: sentinel.c sentinelRefreshInstanceInfo, "Handle slave -> master role
    /// switch", sends SLAVEOF when `mstime() - ri->role_reported_time > sentinel_publish_period*4` — measured from when
    /// it first reported master, long ago. The leader then waits in wait_promotion until failover-timeout aborts it.
    /// </summary>
    private static string? Stall(SentinelSnapshot[] answering, SentinelSnapshot via)
    {
        string candidate = via.Promotion!.Promotes!;
        string[] stale = [.. answering.Where(x => x.Promotion?.Replicas.FirstOrDefault(r => r.Name == candidate) is { ReportsMaster: true }).Select(x => x.Name)];
        if (stale.Length == 0) return null;
        string who = stale.Length == 1 ? $"{stale[0]}'s last INFO of {candidate} says" : $"the last INFO of {candidate} that {string.Join(", ", stale)} read says";
        return $"{who} role master: promoted now, {candidate} would be turned back into a replica (+convert-to-slave) and the failover would stall; " +
            "wait for a fresh INFO (every 10 s)";
    }
}
