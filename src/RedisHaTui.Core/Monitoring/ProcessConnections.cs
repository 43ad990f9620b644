using System.Collections.Concurrent;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using StackExchange.Redis;

namespace RedisHaTui.Core.Monitoring;

/// <summary>
/// One StackExchange.Redis connection per lab process, made on first use and reconnecting by itself.
/// A process that is down or paused fails its own commands fast (short timeouts) and never holds up another's.
/// </summary>
public sealed class ProcessConnections(LabDefinition lab) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ConnectionMultiplexer>>> _connections = new(StringComparer.OrdinalIgnoreCase);
    private static long _live;

    /// <summary>
    /// Multiplexers made by every <see cref="ProcessConnections"/> of this app and not disposed yet: what a soak
    /// watches for leaks (each one holds sockets, a heartbeat timer and its subscriptions).
    /// </summary>
    public static long LiveMultiplexers => Interlocked.Read(ref _live);

    /// <summary>Connections this instance holds right now (one per process it has talked to, at most).</summary>
    public int Count => _connections.Count;

    /// <summary>Handlers on <see cref="Restored"/> (the monitor's one): a soak checks they do not pile up.</summary>
    public int RestoredHandlerCount => Restored?.GetInvocationList().Length ?? 0;

    public TimeSpan Timeout { get; } = TimeSpan.FromMilliseconds(lab.Monitor.CommandTimeoutMilliseconds);

    /// <summary>Raised when a connection is (re)established: the monitor re-reads and re-subscribes.</summary>
    public event Action<ProcessDefinition>? Restored;

    public Task<ConnectionMultiplexer> GetAsync(ProcessDefinition process) =>
        _connections.GetOrAdd(process.Name, _ => new Lazy<Task<ConnectionMultiplexer>>(() => ConnectAsync(process))).Value;

    public IServer Server(ConnectionMultiplexer mux, ProcessDefinition process) => mux.GetServer(process.Endpoint.Host, process.Endpoint.Port);

    private async Task<ConnectionMultiplexer> ConnectAsync(ProcessDefinition process)
    {
        ConfigurationOptions options = RedisConnections.Options(process.Endpoint, lab.Security, Timeout, process.Kind == ProcessKind.Sentinel);
        // Come back quickly after a restart: the default backoff grows to many seconds.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
        Interlocked.Increment(ref _live);
        mux.ConnectionRestored += (_, _) => Restored?.Invoke(process);
        return mux;
    }

    /// <summary>
    /// Drops a connection that never got through (made while the process was not listening yet), so the next
    /// read connects at once instead of waiting out the client's reconnect backoff.
    /// </summary>
    public async Task RenewIfDisconnectedAsync(ProcessDefinition process)
    {
        if (!_connections.TryGetValue(process.Name, out Lazy<Task<ConnectionMultiplexer>>? lazy) || !lazy.IsValueCreated) return;
        ConnectionMultiplexer mux;
        try { mux = await lazy.Value; } catch (RedisException) { _connections.TryRemove(process.Name, out _); return; }
        if (mux.IsConnected || !_connections.TryRemove(new KeyValuePair<string, Lazy<Task<ConnectionMultiplexer>>>(process.Name, lazy))) return;
        await DisposeOneAsync(mux);
    }

    private static async Task DisposeOneAsync(ConnectionMultiplexer mux)
    {
        Interlocked.Decrement(ref _live);
        try { await mux.DisposeAsync(); } catch (Exception e) when (e is RedisException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (Lazy<Task<ConnectionMultiplexer>> c in _connections.Values)
        {
            if (!c.IsValueCreated) continue;
            ConnectionMultiplexer mux;
            try { mux = await c.Value; } catch (RedisException) { continue; }
            await DisposeOneAsync(mux);
        }
        _connections.Clear();
    }
}
