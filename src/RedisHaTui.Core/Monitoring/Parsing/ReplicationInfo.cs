namespace RedisHaTui.Core.Monitoring.Parsing;

/// <summary>The role a node reports in INFO ("master" or "slave").</summary>
public enum ReplicationRole { Unknown, Master, Replica }

/// <summary>A replica as its master lists it: "slave0:ip=127.0.0.1,port=7002,state=online,offset=14,lag=1".</summary>
public sealed record ConnectedReplica
{
    public required string Ip { get; init; }
    public required int Port { get; init; }
    public required string State { get; init; }
    public required long Offset { get; init; }
    /// <summary>Seconds since the replica's last ack.</summary>
    public required int Lag { get; init; }
}

/// <summary>What a node's INFO says about replication, data and persistence; missing fields are null.</summary>
public sealed record ReplicationInfo
{
    public required ReplicationRole Role { get; init; }
    public string? MasterHost { get; init; }
    public int? MasterPort { get; init; }
    public string? MasterLinkStatus { get; init; }
    /// <summary>Null also when the replica never talked to its master (INFO says -1).</summary>
    public int? MasterLastIoSecondsAgo { get; init; }
    public required bool MasterSyncInProgress { get; init; }
    public long? ReplicaOffset { get; init; }
    public long? MasterReplOffset { get; init; }
    public required IReadOnlyList<ConnectedReplica> ConnectedReplicas { get; init; }
    /// <summary>min_slaves_good_slaves: only a master with min-replicas-to-write set reports it.</summary>
    public int? GoodReplicas { get; init; }
    /// <summary>The keys of every database.</summary>
    public required long Keys { get; init; }
    public required bool AofEnabled { get; init; }
    /// <summary>loading, rewriting, or the last write's status (ok, err).</summary>
    public string? AofStatus { get; init; }
    public string? ServerMode { get; init; }
    public string? RunId { get; init; }
    public int? ProcessId { get; init; }
    public string? Version { get; init; }

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
        return new ReplicationInfo
        {
            Role = role,
            MasterHost = info.Get("master_host"),
            MasterPort = info.GetInt("master_port"),
            MasterLinkStatus = info.Get("master_link_status"),
            MasterLastIoSecondsAgo = lastIo is < 0 ? null : lastIo, // -1: never talked to the master
            MasterSyncInProgress = info.Get("master_sync_in_progress") == "1",
            ReplicaOffset = info.GetLong("slave_repl_offset"),
            MasterReplOffset = info.GetLong("master_repl_offset"),
            ConnectedReplicas = replicas,
            GoodReplicas = info.GetInt("min_slaves_good_slaves"),
            Keys = CountKeys(info),
            AofEnabled = info.Get("aof_enabled") == "1",
            AofStatus = AofStateOf(info),
            ServerMode = info.Get("redis_mode"),
            RunId = info.Get("run_id"),
            ProcessId = info.GetInt("process_id"),
            Version = info.Get("redis_version"),
        };
    }

    private static ConnectedReplica? ParseReplica(string line)
    {
        var parts = line.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("port", out string? port) || !int.TryParse(port, out int p)) return null;
        return new ConnectedReplica
        {
            Ip = parts.GetValueOrDefault("ip") ?? "",
            Port = p,
            State = parts.GetValueOrDefault("state") ?? "?",
            Offset = long.TryParse(parts.GetValueOrDefault("offset"), out long offset) ? offset : 0,
            Lag = int.TryParse(parts.GetValueOrDefault("lag"), out int lag) ? lag : 0,
        };
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
