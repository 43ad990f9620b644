namespace RedisHaTui.Core.Monitoring.Parsing;

/// <summary>
/// One entry of `SENTINEL REPLICAS &lt;name&gt;`: what a sentinel knows about a replica, the facts its choice of a
/// replica to promote rests on (sentinel.c, addReplySentinelRedisInstance). Times are milliseconds ago, as the
/// sentinel measured them when it answered.
/// </summary>
/// <param name="RunId">Empty until the sentinel has read the replica's INFO once (run_id comes only from INFO).</param>
/// <param name="Flags">s_down, o_down, disconnected, promoted, …</param>
/// <param name="LastOkPingReplyMs">Since the replica last answered a PING (or anything) with a valid reply: link->last_avail_time.</param>
/// <param name="InfoRefreshMs">Since the sentinel last read the replica's INFO; 0 also when it never has (then <see cref="RunId"/> is empty).</param>
/// <param name="MasterLinkDownTimeMs">The replica's master_link_down_since_seconds × 1000 from its last INFO; 0 while its link is up.</param>
/// <param name="MasterLinkStatus">"ok" or "err": the replica's master_link_status from its last INFO.</param>
/// <param name="RoleReported">The role the replica's own INFO reported last ("master" while a demoted master is not yet converted).</param>
public sealed record SentinelReplicaInfo(
    string Ip,
    int Port,
    string RunId,
    IReadOnlyList<string> Flags,
    long LastOkPingReplyMs,
    long InfoRefreshMs,
    long MasterLinkDownTimeMs,
    string MasterLinkStatus,
    string RoleReported,
    int SlavePriority,
    long ReplOffset)
{
    public bool SDown => Flags.Contains("s_down");
    public bool ODown => Flags.Contains("o_down");
    public bool Disconnected => Flags.Contains("disconnected");
    /// <summary>The sentinel has never read this replica's INFO: info-refresh says 0, but it means "never".</summary>
    public bool InfoNeverRead => RunId.Length == 0;

    public static SentinelReplicaInfo From(IReadOnlyDictionary<string, string> f)
    {
        string Get(string k) => f.TryGetValue(k, out string? v) ? v : "";
        long Long(string k) => long.TryParse(Get(k), out long v) ? v : 0;
        return new SentinelReplicaInfo(
            Get("ip"), (int)Long("port"), Get("runid"),
            Get("flags").Split(',', StringSplitOptions.RemoveEmptyEntries),
            Long("last-ok-ping-reply"), Long("info-refresh"), Long("master-link-down-time"),
            Get("master-link-status"), Get("role-reported"),
            // A missing priority must not read as 0 ("never promote"): Redis's default is 100.
            int.TryParse(Get("slave-priority"), out int priority) ? priority : 100,
            Long("slave-repl-offset"));
    }

    /// <summary>The whole reply: an array with one flat name/value array per replica.</summary>
    public static IReadOnlyList<SentinelReplicaInfo> ListFrom(IEnumerable<IReadOnlyList<string?>> replicas) =>
        [.. replicas.Select(r => From(SentinelReply.ToFields(r)))];
}
