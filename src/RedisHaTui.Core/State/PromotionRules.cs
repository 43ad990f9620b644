using RedisHaTui.Core.Monitoring.Parsing;

namespace RedisHaTui.Core.State;

/// <summary>One replica as a sentinel weighs it for promotion: why it cannot be promoted, or why another goes first.</summary>
/// <param name="Excluded">Which rule of Sentinel's rules out this replica, in plain words; null when it is eligible.</param>
/// <param name="Behind">For an eligible replica that is not chosen: why the chosen one goes first.</param>
/// <param name="ReportsMaster">The sentinel's last INFO of it said role:master (role-reported): a demoted master not yet converted, or an INFO from before.</param>
/// <param name="Down">The sentinel flags it s_down or o_down: listed, but not answering (a removed replica stays listed so).</param>
public sealed record PromotionCandidate(string Name, string? Excluded = null, string? Behind = null, bool ReportsMaster = false, bool Down = false);

/// <summary>What one sentinel would do if asked to fail over now (SENTINEL FAILOVER, or as the elected leader of a crash failover).</summary>
/// <param name="Promotes">The replica it would promote; null: none, and <see cref="Reason"/> says why (it would answer NOGOODSLAVE).</param>
/// <param name="Replicas">Every replica it lists, in its own order of preference: the chosen one first, then the eligible, then the excluded.</param>
public sealed record PromotionVerdict(string? Promotes, ValueArray<PromotionCandidate> Replicas)
{
    /// <summary>"would promote node2", or "no replica to promote: node1's INFO is 31 s old, sentinel1 waits for a fresh one".</summary>
    public string Summary => Promotes is not null ? $"would promote {Promotes}" : $"no replica to promote: {Reason}";

    /// <summary>Why no replica can be promoted: each excluded replica's reason (or that the sentinel lists none).</summary>
    public string Reason => Replicas.Length == 0
        ? "it lists no replica"
        : string.Join("; ", Replicas.Where(r => r.Excluded is not null).Select(r => r.Excluded));
}

/// <summary>
/// Sentinel's choice of a replica to promote, redone from what it reports: redis 7.0 sentinel.c,
/// <c>sentinelSelectSlave</c> and <c>compareSlavesForPromotion</c> (unchanged from 7.0.0 to 7.0.15). SENTINEL FAILOVER
/// runs the same function before it answers, and answers <c>-NOGOODSLAVE</c> when it returns NULL; the elected leader of
/// a crash failover runs it too (<c>sentinelFailoverSelectSlave</c>: <c>-failover-abort-no-good-slave</c>). Pure.
/// </summary>
public static class PromotionRules
{
    /// <summary>sentinel.c SENTINEL_PING_PERIOD (sentinel_ping_period; only SENTINEL DEBUG changes it, the lab never does).</summary>
    public const long PingPeriodMs = 1000;

    /// <summary>sentinel.c sentinel_info_period: INFO every 10 s while nothing is wrong.</summary>
    public const long InfoPeriodMs = 10_000;

    /// <summary>
    /// Sentinel measures ages at the moment it is asked; we read them at the last poll, and the failover comes up to a
    /// poll later. An age this close to its limit is counted as past it, so "ready" still holds when the command
    /// arrives. One poll at the default Monitor:PollIntervalMilliseconds.
    /// </summary>
    public const long SlackMs = 1000;

    /// <param name="sentinel">The sentinel's name, for the reasons.</param>
    /// <param name="master">Its SENTINEL MASTER reply: flags, down-after-milliseconds, s-down-time.</param>
    /// <param name="replicas">Its SENTINEL REPLICAS reply.</param>
    /// <param name="label">A replica's lab name from its announced address (node2), else the address itself.</param>
    public static PromotionVerdict Evaluate(string sentinel, SentinelMasterInfo master, IReadOnlyList<SentinelReplicaInfo> replicas, Func<string, int, string> label)
    {
        var excluded = new List<PromotionCandidate>();
        var eligible = new List<(SentinelReplicaInfo Info, string Name)>();
        foreach (SentinelReplicaInfo r in replicas)
        {
            string name = label(r.Ip, r.Port);
            if (WhyNot(sentinel, master, r, name) is { } why) excluded.Add(new PromotionCandidate(name, why, ReportsMaster: ReportsMaster(r), Down: r.SDown || r.ODown));
            else eligible.Add((r, name));
        }
        // compareSlavesForPromotion: lower slave_priority, then the greater slave_repl_offset, then the
        // lexicographically smaller runid (strcasecmp; an unknown runid sorts last).
        var ranked = eligible
            .OrderBy(c => c.Info.SlavePriority)
            .ThenByDescending(c => c.Info.ReplOffset)
            .ThenBy(c => c.Info.RunId.Length == 0 ? 1 : 0)
            .ThenBy(c => c.Info.RunId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (ranked.Count == 0) return new PromotionVerdict(null, [.. excluded]);
        (SentinelReplicaInfo best, string bestName) = ranked[0];
        return new PromotionVerdict(bestName,
        [
            new PromotionCandidate(bestName, ReportsMaster: ReportsMaster(best)),
            .. ranked.Skip(1).Select(c => new PromotionCandidate(c.Name, Behind: WhyFirst(bestName, best, c.Info), ReportsMaster: ReportsMaster(c.Info))),
            .. excluded,
        ]);
    }

    private static bool ReportsMaster(SentinelReplicaInfo r) => r.RoleReported == "master";

    /// <summary>The first rule of sentinelSelectSlave's loop that skips this replica, in its order; null when none does.</summary>
    private static string? WhyNot(string sentinel, SentinelMasterInfo master, SentinelReplicaInfo r, string name)
    {
        // `if (slave->flags & (SRI_S_DOWN|SRI_O_DOWN)) continue;`
        if (r.SDown || r.ODown) return $"{sentinel} sees {name} down ({(r.ODown ? "o_down" : "s_down")})";
        // `if (slave->link->disconnected) continue;`
        if (r.Disconnected) return $"{sentinel} has no connection to {name}";
        // `if (mstime() - slave->link->last_avail_time > sentinel_ping_period*5) continue;`
        long pingLimit = PingPeriodMs * 5;
        if (r.LastOkPingReplyMs > pingLimit - SlackMs)
            return $"{name} last answered {sentinel}'s PING {Seconds(r.LastOkPingReplyMs)} s ago (Sentinel allows {Seconds(pingLimit)} s)";
        // `if (slave->slave_priority == 0) continue;`
        if (r.SlavePriority == 0) return $"{name} has replica-priority 0: Sentinel never promotes it";
        // `info_validity_time = master s_down ? sentinel_ping_period*5 : sentinel_info_period*3;`
        // `if (mstime() - slave->info_refresh > info_validity_time) continue;` — never read: info_refresh is 0, so always.
        long infoLimit = master.SDown ? PingPeriodMs * 5 : InfoPeriodMs * 3;
        if (r.InfoNeverRead) return $"{sentinel} has not read {name}'s INFO yet";
        if (r.InfoRefreshMs > infoLimit - SlackMs)
            return $"{name}'s INFO is {Seconds(r.InfoRefreshMs)} s old, {sentinel} waits for a fresh one (it trusts {Seconds(infoLimit)} s{(master.SDown ? " while the master is down" : "")})";
        // `max_master_down_time = (master s_down ? mstime() - master->s_down_since_time : 0) + master->down_after_period * 10;`
        // `if (slave->master_link_down_time > max_master_down_time) continue;`
        long downAfter = master.DownAfterMilliseconds ?? 30_000; // Sentinel's default when the reply lacks it
        long linkLimit = (master.SDown ? master.SDownMilliseconds ?? 0 : 0) + downAfter * 10;
        if (r.MasterLinkDownTimeMs > linkLimit - SlackMs)
            return $"{name}'s link to its master has been down {Seconds(r.MasterLinkDownTimeMs)} s (Sentinel allows {Seconds(linkLimit)} s: 10 × down-after{(master.SDown ? " + the time the master is down" : "")})";
        return null;
    }

    /// <summary>Why the chosen replica sorts before another eligible one (compareSlavesForPromotion), without numbers that change every poll.</summary>
    private static string WhyFirst(string bestName, SentinelReplicaInfo best, SentinelReplicaInfo other) =>
        best.SlavePriority != other.SlavePriority ? $"{bestName} goes first: lower replica-priority ({best.SlavePriority} < {other.SlavePriority})"
        : best.ReplOffset != other.ReplOffset ? $"{bestName} goes first: same priority, it has replicated more"
        : $"{bestName} goes first: same priority and offset, smaller run id";

    /// <summary>Rounded down (an age of 29.6 s is not "30 s" next to a limit of 30 s): tenths below 10 s, whole seconds above.</summary>
    private static string Seconds(long ms) => ms < 10_000
        ? (Math.Floor(ms / 100.0) / 10).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)
        : (ms / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
