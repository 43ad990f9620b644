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
        try { await mux.DisposeAsync(); } catch (Exception e) when (e is RedisException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (Lazy<Task<ConnectionMultiplexer>> c in _connections.Values)
        {
            if (!c.IsValueCreated) continue;
            try { await (await c.Value).DisposeAsync(); } catch (Exception e) when (e is RedisException or ObjectDisposedException) { }
        }
        _connections.Clear();
    }
}
