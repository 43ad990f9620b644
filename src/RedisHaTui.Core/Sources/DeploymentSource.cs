using System.Globalization;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Monitoring.Parsing;
using RedisHaTui.Core.Processes;
using StackExchange.Redis;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// A Sentinel deployment found through its sentinels, anywhere: read-only unless the person allows more, and
/// followed as it changes (a replica added or gone, a sentinel added), asked again every few seconds. Its
/// processes have no log here, so each pane's log area shows what a remote process offers instead: INFO
/// figures, LATENCY LATEST and new SLOWLOG entries.
/// </summary>
public sealed class DeploymentSource : ITopologySource
{
    private readonly DeploymentOptions _options;
    private readonly Dictionary<string, LogRing> _rings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, long> _slowlogSeen = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private ProcessConnections? _connections;
    private Task? _loop;
    private LabDefinition _lab;
    private MonitorFigures _figures;

    private DeploymentSource(DeploymentOptions options, DiscoveredTopology found, TimeProvider time)
    {
        _options = options;
        _time = time;
        _lab = Define(options, found, previous: null);
        _figures = found.Figures;
        foreach (ProcessDefinition p in _lab.Processes) Ring(p.Name);
        Policy = PolicyOf(options);
    }

    /// <summary>What an attached deployment lets this app do: no signals ever; writes and failover only when the person asked.</summary>
    internal static ActionPolicy PolicyOf(DeploymentOptions options) => new(
        ProcessControl: "attached to a deployment: read-only (this app did not start these processes)",
        Debug: options.AllowWrites ? null : "attached to a deployment: read-only; start with --allow-writes",
        Failover: options.AllowFailover ? null : "attached to a deployment: failover needs --allow-failover",
        Writes: options.AllowWrites ? null : "attached to a deployment: read-only; start with --allow-writes",
        ConfirmFailoverByName: true);

    /// <summary>Asks the sentinels what the deployment is; throws <see cref="LabLoadException"/> naming why not.</summary>
    public static async Task<DeploymentSource> DiscoverAsync(DeploymentOptions options, TimeProvider? time = null, CancellationToken ct = default) =>
        new(options, await SentinelDiscovery.DiscoverAsync(options, ct), time ?? TimeProvider.System);

    public LabDefinition Lab => Volatile.Read(ref _lab);

    public ActionPolicy Policy { get; }

    public IProcessControl? Control => null;

    public bool ReportsProcessStates => false;

    public event Action<string, ProcessStatus>? ProcessStatusChanged { add { } remove { } }

    public event Action<string>? TopologyChanged;

    public LogRing Log(string processName) => Ring(processName);

    public string LogSource(string processName) =>
        $"no log: {Lab.Find(processName)?.Endpoint.ToString() ?? processName} runs elsewhere; INFO, LATENCY LATEST and SLOWLOG every {_options.RediscoverEvery.TotalSeconds:0} s instead";

    public void Open(ProcessConnections connections)
    {
        _connections = connections;
        foreach (ProcessDefinition p in Lab.Processes) Ring(p.Name).Append(LogSource(p.Name));
        _loop ??= Task.Run(() => FollowAsync(_stop.Token));
    }

    /// <summary>
    /// The processes as lab definitions: named by the address Sentinel reports, so a name stays with its process;
    /// the sentinels' figures (quorum, down-after...) as SENTINEL MASTER reports them, never a lab file's defaults.
    /// </summary>
    private static LabDefinition Define(DeploymentOptions o, DiscoveredTopology t, LabDefinition? previous)
    {
        // Keep the order the panes already have; new processes go to the end, those gone drop out.
        IEnumerable<Endpoint> Ordered(IEnumerable<Endpoint> now, IEnumerable<Endpoint> before) =>
            before.Where(now.Contains).Concat(now.Where(e => !before.Contains(e)));
        Endpoint[] nodes = [.. Ordered([t.Master, .. t.Replicas.OrderBy(e => e.ToString(), StringComparer.Ordinal)],
            previous?.Nodes.Select(n => n.Endpoint) ?? [])];
        Endpoint[] sentinels = [.. Ordered(t.Sentinels, previous?.Sentinels.Select(s => s.Endpoint) ?? [])];
        string masterName = t.Master.ToString();
        return new LabDefinition(
            LabFile: "", MasterName: o.MasterName, PortOffset: 0, RunDirectory: "",
            Nodes: [.. nodes.Select(e => new NodeDefinition(e.ToString(), "", e, e == t.Master ? null : masterName))],
            Sentinels: [.. sentinels.Select(e => new SentinelDefinition(e.ToString(), "", e, t.Figures.Quorum, t.Figures.DownAfterMilliseconds,
                t.Figures.FailoverTimeoutMilliseconds, t.Figures.ParallelSyncs))],
            Redis: new RedisSettings(), Monitor: new MonitorSettings(), Ui: new UiSettings())
        { Security = o.Security };
    }

    private async Task FollowAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await ShowRemoteFactsAsync(ct);
                await Task.Delay(_options.RediscoverEvery, _time, ct);
                await RediscoverAsync(ct);
            }
            catch (OperationCanceledException) { break; }
            catch (LabLoadException) { } // no sentinel answered this time: keep what we know, ask again later
        }
    }

    private async Task RediscoverAsync(CancellationToken ct)
    {
        DiscoveredTopology found = await SentinelDiscovery.DiscoverAsync(_options with { Sentinels = [.. Lab.Sentinels.Select(s => s.Endpoint)] }, ct);
        LabDefinition before = Lab, after = Define(_options, found, before);
        string[] added = [.. after.Processes.Select(p => p.Name).Except(before.Processes.Select(p => p.Name))];
        string[] gone = [.. before.Processes.Select(p => p.Name).Except(after.Processes.Select(p => p.Name))];
        string figures = found.Figures.ChangesSince(_figures);
        if (added.Length == 0 && gone.Length == 0 && figures.Length == 0) return;
        foreach (string name in added) Ring(name).Append(LogSource(name));
        _figures = found.Figures;
        Volatile.Write(ref _lab, after);
        TopologyChanged?.Invoke(string.Join("; ", added.Select(n => $"{Kind(after, n)} {n} found").Concat(gone.Select(n => $"{Kind(before, n)} {n} gone"))
            .Concat(figures.Length > 0 ? [$"the sentinels now report {figures}"] : [])));
    }

    private static string Kind(LabDefinition lab, string name) => lab.Find(name)?.Kind == ProcessKind.Sentinel ? "sentinel" : "node";

    /// <summary>What a remote process offers in place of its log: a line of INFO figures, latency spikes and new slow commands.</summary>
    private async Task ShowRemoteFactsAsync(CancellationToken ct)
    {
        if (_connections is null) return;
        foreach (ProcessDefinition p in Lab.Processes)
        {
            ct.ThrowIfCancellationRequested();
            LogRing ring = Ring(p.Name);
            try
            {
                IServer server = _connections.Server(await _connections.GetAsync(p), p);
                string stamp = _time.GetLocalNow().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
                InfoReply info = InfoReply.Parse(await server.InfoRawAsync().WaitAsync(_connections.Timeout, ct) ?? "");
                // A sentinel's INFO has no memory section: say only what the process reports.
                IEnumerable<string> figures = new[] { ("connected_clients", "clients {0}"), ("used_memory_human", "memory {0}"), ("instantaneous_ops_per_sec", "{0} ops/s"), ("role", "role {0}") }
                    .Where(f => info.Fields.ContainsKey(f.Item1)).Select(f => string.Format(CultureInfo.InvariantCulture, f.Item2, info.Fields[f.Item1]));
                ring.Append($"{stamp} {string.Join(" · ", figures)}");
                if (p.Kind != ProcessKind.Node) continue; // sentinels keep no latency history or slowlog of their own
                foreach (RedisResult e in (RedisResult[])(await server.ExecuteAsync("LATENCY", "LATEST").WaitAsync(_connections.Timeout, ct))!)
                {
                    var f = (RedisResult[])e!;
                    ring.Append($"{stamp} latency {f[0]}: latest {f[2]} ms, max {f[3]} ms");
                }
                foreach (RedisResult e in ((RedisResult[])(await server.ExecuteAsync("SLOWLOG", "GET", "10").WaitAsync(_connections.Timeout, ct))!).Reverse())
                {
                    var f = (RedisResult[])e!;
                    long id = (long)f[0];
                    lock (_gate)
                    {
                        if (_slowlogSeen.TryGetValue(p.Name, out long seen) && id <= seen) continue;
                        _slowlogSeen[p.Name] = id;
                    }
                    string command = string.Join(' ', ((RedisResult[])f[3]!).Select(a => (string?)a));
                    ring.Append($"{stamp} slowlog #{id} {(long)f[2] / 1000.0:0.#} ms: {command}");
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException or InvalidCastException or ObjectDisposedException)
            {
                ring.Append($"{_time.GetLocalNow():HH:mm:ss.fff} cannot read {p.Endpoint}: {LabReader.Short(e)}");
            }
        }
    }

    private LogRing Ring(string name)
    {
        lock (_gate)
        {
            if (!_rings.TryGetValue(name, out LogRing? ring)) _rings[name] = ring = new LogRing(_options.LogLines, _time);
            return ring;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null) await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
