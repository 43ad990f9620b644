using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring.Parsing;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Monitoring;

/// <summary>
/// Reads what one node or sentinel says right now (INFO, SENTINEL MASTER, GET-MASTER-ADDR-BY-NAME, CKQUORUM)
/// into its part of the snapshot. A process that does not answer comes back as unreachable, never as an exception.
/// </summary>
public sealed class LabReader(Func<LabDefinition> topology, ProcessConnections connections)
{
    public LabReader(LabDefinition lab, ProcessConnections connections) : this(() => lab, connections) { }

    /// <summary>The processes as the topology source knows them now (a deployment's can change between reads).</summary>
    private LabDefinition Lab => topology();

    /// <summary>Keys read with GET on every node each poll: a loaded walkthrough's key-equals steps; none otherwise.</summary>
    public IReadOnlyList<string> WatchedKeys { get; set; } = [];

    /// <summary>
    /// One read of every process the topology has now, all at once, with the lab-wide verdict. Parts are matched by
    /// name, so a process that appeared since the last read starts from nothing and one that is gone drops out.
    /// </summary>
    public async Task<LabSnapshot> ReadAllAsync(LabSnapshot previous, DateTimeOffset now, bool checkQuorum = true)
    {
        LabDefinition current = Lab;
        Task<NodeSnapshot>[] nodes = [.. current.Nodes.Select(n => ReadNodeAsync(n, previous.Node(n.Name) ?? NodeSnapshot.Initial(n), now))];
        Task<SentinelSnapshot>[] sentinels = [.. current.Sentinels.Select(x => ReadSentinelAsync(x, previous.Sentinel(x.Name) ?? SentinelSnapshot.Initial(x), now, checkQuorum))];
        return LabHealth.Evaluate(previous with { Nodes = [.. await Task.WhenAll(nodes)], Sentinels = [.. await Task.WhenAll(sentinels)] });
    }

    public async Task<NodeSnapshot> ReadNodeAsync(NodeDefinition node, NodeSnapshot previous, DateTimeOffset now)
    {
        try
        {
            ConnectionMultiplexer mux = await connections.GetAsync(node);
            if (!mux.IsConnected) return previous.Unreachable(connections.Refusal(node) ?? "not answering");
            // Plain INFO (the default sections hold all the snapshot shows): naming several sections needs Redis 7,
            // and 6.2 answers that with a syntax error. Our own deadline, as for the sentinels below.
            IServer server = connections.Server(mux, node);
            Task<(int?, int?)> minReplicas = MinReplicasAsync(server);
            string? text = await server.InfoRawAsync().WaitAsync(connections.Timeout);
            if (text is null) return previous.Unreachable("empty INFO reply");
            (int? toWrite, int? maxLag) = await minReplicas;
            InfoReply info = InfoReply.Parse(text);
            return FromInfo(previous, ReplicationInfo.From(info), now) with
            {
                MinReplicasToWrite = toWrite,
                MinReplicasMaxLag = maxLag,
                ReadOnlyRefusals = ErrorCount(info, "READONLY"),
                WatchedKeys = await ReadWatchedAsync(connections.Server(mux, node), previous.WatchedKeys),
            };
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return previous.Unreachable(Why(e));
        }
    }

    /// <summary>
    /// The pid a node or sentinel reports for itself (INFO server's process_id): who answers on the port, to be
    /// checked against the port's owner before anything acts on it. Null when it does not answer.
    /// </summary>
    public async Task<int?> ProcessIdAsync(ProcessDefinition p)
    {
        try
        {
            ConnectionMultiplexer mux = await connections.GetAsync(p);
            if (!mux.IsConnected) return null;
            string? text = await connections.Server(mux, p).InfoRawAsync("server").WaitAsync(connections.Timeout);
            return text is null ? null : InfoReply.Parse(text).GetInt("process_id");
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return null;
        }
    }

    /// <summary>errorstat_READONLY:count=3 (INFO errorstats, Redis 6.2+): 0 when the node never refused one.</summary>
    internal static long ErrorCount(InfoReply info, string error)
    {
        string? field = info.Get($"errorstat_{error}");
        return field is not null && field.StartsWith("count=", StringComparison.Ordinal) && long.TryParse(field.AsSpan(6).TrimEnd(), out long n) ? n : 0;
    }

    /// <summary>
    /// GET of each watched key. A refused GET (LOADING while a replica syncs, a key of another type) says nothing
    /// about whether the node answers: the last values are kept instead of marking the node unreachable.
    /// </summary>
    private async Task<ValueArray<WatchedKey>> ReadWatchedAsync(IServer server, ValueArray<WatchedKey> previous)
    {
        IReadOnlyList<string> keys = WatchedKeys;
        if (keys.Count == 0) return [];
        try
        {
            RedisResult[] values = await Task.WhenAll(keys.Select(k => server.ExecuteAsync("GET", k))).WaitAsync(connections.Timeout);
            return [.. keys.Select((k, i) => new WatchedKey(k, values[i].IsNull ? null : (string?)values[i]))];
        }
        catch (RedisServerException) { return previous; }
    }

    internal NodeSnapshot FromInfo(NodeSnapshot previous, ReplicationInfo info, DateTimeOffset now)
    {
        bool replica = info.Role == ReplicationRole.Replica;
        return previous with
        {
            Reachable = true,
            Error = null,
            Role = info.Role switch { ReplicationRole.Master => NodeRole.Master, ReplicationRole.Replica => NodeRole.Replica, _ => NodeRole.Unknown },
            FollowsName = replica ? Lab.NodeLabel(info.MasterHost, info.MasterPort) : null,
            FollowsPort = replica ? info.MasterPort : null,
            LinkStatus = replica ? info.MasterLinkStatus : null,
            LastIoSecondsAgo = replica ? info.MasterLastIoSecondsAgo : null,
            SyncInProgress = replica && info.MasterSyncInProgress,
            Offset = replica ? info.ReplicaOffset : info.MasterReplOffset,
            LagBytes = null, // needs the master's offset: filled in by LabHealth.Evaluate
            Replicas = [.. info.ConnectedReplicas.Select(r => new ReplicaLink(r.Ip, r.Port, Lab.NodeAt(r.Ip, r.Port)?.Name, r.State, r.Offset, r.Lag))],
            GoodReplicas = info.GoodReplicas,
            Keys = info.Keys,
            Aof = info.AofEnabled ? info.AofStatus ?? "on" : "off",
            PolledAt = now,
        };
    }

    /// <summary>
    /// min-replicas-to-write and min-replicas-max-lag (one CONFIG GET with a pattern: 6.2 takes only one): INFO shows
    /// how many replicas are good, not how many are required. Sent with INFO, so it costs no extra round trip.
    /// A deployment that forbids CONFIG leaves both unknown; that is not a failed read.
    /// </summary>
    private async Task<(int? ToWrite, int? MaxLag)> MinReplicasAsync(IServer server)
    {
        try
        {
            KeyValuePair<string, string>[] pairs = await server.ConfigGetAsync("min-replicas-*").WaitAsync(connections.Timeout);
            int? Get(string key) => pairs.FirstOrDefault(p => p.Key == key).Value is { } v && int.TryParse(v, out int n) ? n : null;
            return (Get("min-replicas-to-write"), Get("min-replicas-max-lag"));
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return (null, null);
        }
    }

    /// <param name="checkQuorum">Also ask CKQUORUM; otherwise the previous verdict is kept (it changes only when sentinels come and go).</param>
    public async Task<SentinelSnapshot> ReadSentinelAsync(SentinelDefinition sentinel, SentinelSnapshot previous, DateTimeOffset now, bool checkQuorum = true)
    {
        try
        {
            ConnectionMultiplexer mux = await connections.GetAsync(sentinel);
            if (!mux.IsConnected) return previous.Unreachable(connections.Refusal(sentinel) ?? "not answering");
            IServer server = connections.Server(mux, sentinel);
            Task<RedisResult> master = server.ExecuteAsync("SENTINEL", "MASTER", Lab.MasterName);
            Task<RedisResult> address = server.ExecuteAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", Lab.MasterName);
            // Pipelined with the two above on the same connection: no extra round trip (BENCHMARKS: one poll cycle).
            Task<RedisResult> replicas = server.ExecuteAsync("SENTINEL", "REPLICAS", Lab.MasterName);
            Task<RedisResult>? quorum = checkQuorum || previous.Quorum is null ? server.ExecuteAsync("SENTINEL", "CKQUORUM", Lab.MasterName) : null;
            // Our own deadline: a paused process must not hold up the snapshot until the client library notices.
            // Waits without throwing: CKQUORUM's NOQUORUM is an error reply that is a verdict, read below.
            Task all = Task.WhenAll(quorum is null ? [master, address, replicas] : [master, address, replicas, quorum]);
            await all.WaitAsync(connections.Timeout).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!all.IsCompleted) throw new TimeoutException();
            SentinelMasterInfo info = SentinelMasterInfo.From(SentinelReply.ToFields(Strings(await master)));
            // An array of flat arrays; anything else (never seen) reads as no replica listed, not as a failed poll.
            RedisResult listedReply = await replicas;
            IReadOnlyList<SentinelReplicaInfo> listed = listedReply is { IsNull: false, Resp2Type: ResultType.Array }
                ? SentinelReplicaInfo.ListFrom(((RedisResult[])listedReply!).Select(Strings)) : [];
            string[] addr = Strings(await address).Select(s => s ?? "").ToArray();
            (bool ok, string verdict) = quorum is null ? (previous.QuorumOk ?? false, previous.Quorum!) : await QuorumAsync(quorum);
            string? host = addr.Length == 2 ? addr[0] : null;
            int? port = addr.Length == 2 && int.TryParse(addr[1], out int p) ? p : null;
            return previous with
            {
                Reachable = true,
                Error = null,
                MasterAddress = port is null ? null : $"{host}:{port}",
                MasterNodeName = port is null ? null : Lab.NodeLabel(host, port),
                SDown = info.SDown,
                ODown = info.ODown,
                FailoverInProgress = info.FailoverInProgress,
                FailoverState = info.FailoverState is null or "none" ? null : info.FailoverState,
                KnownReplicas = info.NumSlaves,
                KnownSentinels = info.NumOtherSentinels,
                Epoch = info.ConfigEpoch,
                Quorum = verdict,
                QuorumOk = ok,
                QuorumAskedAt = quorum is null ? previous.QuorumAskedAt : now,
                Promotion = PromotionRules.Evaluate(sentinel.Name, info, listed, (ip, p) => Lab.NodeLabel(ip, p)),
                PolledAt = now,
            };
        }
        catch (RedisServerException e) when (e.Message.Contains("No such master", StringComparison.OrdinalIgnoreCase))
        {
            return previous.Unreachable($"does not monitor {Lab.MasterName}") with { Reachable = true, PolledAt = now };
        }
        catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException)
        {
            return previous.Unreachable(Why(e));
        }
    }

    /// <summary>CKQUORUM answers OK or an error (NOQUORUM); both are verdicts, not failures.</summary>
    private static async Task<(bool Ok, string Verdict)> QuorumAsync(Task<RedisResult> quorum)
    {
        try { return (true, (await quorum).ToString()); }
        catch (RedisServerException e) { return (false, e.Message); }
    }

    private static IReadOnlyList<string?> Strings(RedisResult result) =>
        result.Resp2Type == ResultType.Array ? ((RedisResult[])result!).Select(r => (string?)r).ToArray() : [(string?)result];

    /// <summary>A failed read in a few words; a refused password says so (NOAUTH / WRONGPASS) instead of "not answering".</summary>
    private string Why(Exception e) => AuthRefusal.Of(e, Lab.Security.Credentials is not null) ?? Short(e);

    internal static string Short(Exception e) => e switch
    {
        RedisTimeoutException or TimeoutException => "timeout (paused or busy?)",
        RedisConnectionException => "not answering",
        _ => e.Message.Split('\n')[0],
    };
}
