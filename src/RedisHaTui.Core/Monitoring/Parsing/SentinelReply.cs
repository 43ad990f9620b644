namespace RedisHaTui.Core.Monitoring.Parsing;

/// <summary>SENTINEL replies arrive as flat arrays of alternating names and values.</summary>
public static class SentinelReply
{
    public static IReadOnlyDictionary<string, string> ToFields(IReadOnlyList<string?> flat)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i + 1 < flat.Count; i += 2)
            if (flat[i] is { } name) fields[name] = flat[i + 1] ?? "";
        return fields;
    }
}

/// <summary>What `SENTINEL MASTER &lt;name&gt;` says about the monitored master.</summary>
public sealed record SentinelMasterInfo(
    string? Name,
    string? Ip,
    int? Port,
    IReadOnlyList<string> Flags,
    int? NumSlaves,
    int? NumOtherSentinels,
    int? Quorum,
    long? ConfigEpoch,
    string? FailoverState)
{
    /// <summary>down-after-milliseconds as this sentinel runs it (SENTINEL SET changes it live).</summary>
    public long? DownAfterMilliseconds { get; init; }
    /// <summary>failover-timeout as this sentinel runs it.</summary>
    public long? FailoverTimeoutMilliseconds { get; init; }
    /// <summary>parallel-syncs: how many replicas a failover points at the new master at once.</summary>
    public int? ParallelSyncs { get; init; }
    /// <summary>How long the master has been s_down for this sentinel (s-down-time, only sent while it is).</summary>
    public long? SDownMilliseconds { get; init; }

    public bool SDown => Flags.Contains("s_down");
    public bool ODown => Flags.Contains("o_down");
    public bool FailoverInProgress => Flags.Contains("failover_in_progress");

    public static SentinelMasterInfo From(IReadOnlyDictionary<string, string> f)
    {
        string? Get(string k) => f.TryGetValue(k, out string? v) ? v : null;
        int? Int(string k) => int.TryParse(Get(k), out int v) ? v : null;
        return new SentinelMasterInfo(
            Get("name"), Get("ip"), Int("port"),
            (Get("flags") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries),
            Int("num-slaves"), Int("num-other-sentinels"), Int("quorum"),
            long.TryParse(Get("config-epoch"), out long epoch) ? epoch : null,
            Get("failover-state"))
        {
            DownAfterMilliseconds = long.TryParse(Get("down-after-milliseconds"), out long downAfter) ? downAfter : null,
            FailoverTimeoutMilliseconds = long.TryParse(Get("failover-timeout"), out long failoverTimeout) ? failoverTimeout : null,
            ParallelSyncs = Int("parallel-syncs"),
            SDownMilliseconds = long.TryParse(Get("s-down-time"), out long sdown) ? sdown : null,
        };
    }
}
