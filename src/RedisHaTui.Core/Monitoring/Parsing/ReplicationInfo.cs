namespace RedisHaTui.Core.Monitoring.Parsing;

/// <summary>The role a node reports in INFO ("master" or "slave").</summary>
public enum ReplicationRole { Unknown, Master, Replica }

/// <summary>A replica as its master lists it: "slave0:ip=127.0.0.1,port=7002,state=online,offset=14,lag=1".</summary>
public sealed record ConnectedReplica(string Ip, int Port, string State, long Offset, int Lag);

/// <summary>What a node's INFO says about replication, data and persistence; missing fields are null.</summary>
public sealed record ReplicationInfo(
    ReplicationRole Role,
    string? MasterHost,
    int? MasterPort,
    string? MasterLinkStatus,
    int? MasterLastIoSecondsAgo,
    bool MasterSyncInProgress,
    long? ReplicaOffset,
    long? MasterReplOffset,
    IReadOnlyList<ConnectedReplica> ConnectedReplicas,
    int? GoodReplicas,
    long Keys,
    bool AofEnabled,
    string? AofStatus,
    string? ServerMode,
    string? RunId,
    int? ProcessId,
    string? Version)
{
    public static ReplicationInfo From(InfoReply info)
    {
        ReplicationRole role = info.Get("role") switch
        {
            "master" => ReplicationRole.Master,
            "slave" or "replica" => ReplicationRole.Replica,
            _ => ReplicationRole.Unknown,
        };
        var replicas = new List<ConnectedReplica>();
        for (int i = 0; info.Get($"slave{i}") is { } line; i++)
            if (ParseReplica(line) is { } r) replicas.Add(r);
        int? lastIo = info.GetInt("master_last_io_seconds_ago");
        return new ReplicationInfo(
            role,
            info.Get("master_host"),
            info.GetInt("master_port"),
            info.Get("master_link_status"),
            lastIo is < 0 ? null : lastIo, // -1: never talked to the master
            info.Get("master_sync_in_progress") == "1",
            info.GetLong("slave_repl_offset"),
            info.GetLong("master_repl_offset"),
            replicas,
            info.GetInt("min_slaves_good_slaves"),
            CountKeys(info),
            info.Get("aof_enabled") == "1",
            AofStateOf(info),
            info.Get("redis_mode"),
            info.Get("run_id"),
            info.GetInt("process_id"),
            info.Get("redis_version"));
    }

    private static ConnectedReplica? ParseReplica(string line)
    {
        var parts = line.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("port", out string? port) || !int.TryParse(port, out int p)) return null;
        return new ConnectedReplica(
            parts.GetValueOrDefault("ip") ?? "",
            p,
            parts.GetValueOrDefault("state") ?? "?",
            long.TryParse(parts.GetValueOrDefault("offset"), out long offset) ? offset : 0,
            int.TryParse(parts.GetValueOrDefault("lag"), out int lag) ? lag : 0);
    }

    /// <summary>Sums keys= over the "db0:keys=3,expires=0,avg_ttl=0" lines.</summary>
    private static long CountKeys(InfoReply info)
    {
        if (!info.Sections.TryGetValue("keyspace", out var keyspace)) return 0;
        long total = 0;
        foreach (string value in keyspace.Values)
            foreach (string part in value.Split(','))
                if (part.StartsWith("keys=", StringComparison.Ordinal) && long.TryParse(part[5..], out long n)) total += n;
        return total;
    }

    private static string? AofStateOf(InfoReply info)
    {
        if (info.Get("loading") == "1") return "loading";
        if (info.Get("aof_rewrite_in_progress") == "1") return "rewriting";
        return info.Get("aof_last_write_status");
    }
}
