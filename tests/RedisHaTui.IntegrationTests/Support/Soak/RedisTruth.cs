using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// What Redis itself says, read over plain connections of its own (not the app's): each node's INFO replication
/// role and master_port, each sentinel's SENTINEL GET-MASTER-ADDR-BY-NAME. Compared with the app's snapshot.
/// </summary>
public sealed class RedisTruth : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly LabDefinition _lab;
    private readonly Dictionary<string, ConnectionMultiplexer> _connections = [];

    private RedisTruth(LabDefinition lab) => _lab = lab;

    public static async Task<RedisTruth> ConnectAsync(LabDefinition lab)
    {
        var truth = new RedisTruth(lab);
        foreach (ProcessDefinition p in lab.Processes)
        {
            ConfigurationOptions options = RedisConnections.Options(p.Endpoint, lab.Security, Timeout, p.Kind == ProcessKind.Sentinel);
            options.ClientName = "soak-check";
            options.ReconnectRetryPolicy = new LinearRetry(500);
            truth._connections[p.Name] = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
        }
        return truth;
    }

    public IServer Server(ProcessDefinition p) => _connections[p.Name].GetServer(p.Endpoint.Host, p.Endpoint.Port);

    /// <summary>
    /// Where the snapshot and Redis differ, one line each; empty when they agree. Retried for up to
    /// <paramref name="within"/>: the snapshot is a poll behind at most, so a difference that lasts is a wrong picture.
    /// </summary>
    public async Task<IReadOnlyList<string>> DifferencesAsync(Func<LabSnapshot> snapshot, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            List<string> differences = await CompareOnceAsync(snapshot);
            if (differences.Count == 0 || DateTime.UtcNow >= deadline) return differences;
            await Task.Delay(250);
        }
    }

    private async Task<List<string>> CompareOnceAsync(Func<LabSnapshot> snapshot)
    {
        var real = new Dictionary<string, string>();
        foreach (NodeDefinition n in _lab.Nodes)
        {
            try
            {
                string info = await Server(n).InfoRawAsync("replication").WaitAsync(Timeout) ?? "";
                // Parsed here, not by the app's parser: the check must not share the code it checks.
                var fields = info.Split('\n').Select(l => l.TrimEnd('\r').Split(':', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
                NodeRole role = fields.GetValueOrDefault("role") switch { "master" => NodeRole.Master, "slave" => NodeRole.Replica, _ => NodeRole.Unknown };
                string follows = role == NodeRole.Replica ? fields.GetValueOrDefault("master_port") ?? "?" : "-";
                real[n.Name] = $"{role} follows {follows}";
            }
            catch (Exception e) when (e is RedisException or TimeoutException) { real[n.Name] = $"unreadable ({e.GetType().Name})"; }
        }
        foreach (SentinelDefinition x in _lab.Sentinels)
        {
            try
            {
                string[]? addr = (string[]?)await Server(x).ExecuteAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", _lab.MasterName).WaitAsync(Timeout);
                real[x.Name] = addr is [string host, string port] ? $"master {host}:{port}" : "master ?";
            }
            catch (Exception e) when (e is RedisException or TimeoutException) { real[x.Name] = $"unreadable ({e.GetType().Name})"; }
        }
        LabSnapshot s = snapshot();
        var differences = new List<string>();
        foreach (NodeSnapshot n in s.Nodes)
        {
            string shown = $"{n.Role} follows {n.FollowsPort?.ToString() ?? "-"}";
            if (shown != real[n.Name]) differences.Add($"{n.Name}: snapshot says {shown}, Redis says {real[n.Name]}");
        }
        foreach (SentinelSnapshot x in s.Sentinels)
        {
            string shown = $"master {x.MasterAddress ?? "?"}";
            if (shown != real[x.Name]) differences.Add($"{x.Name}: snapshot says {shown}, Redis says {real[x.Name]}");
        }
        return differences;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (ConnectionMultiplexer mux in _connections.Values) await mux.DisposeAsync();
    }
}
