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

    public IServer Server(ConnectionMultiplexer mux, ProcessDefinition process) => mux.GetServer(LabDefinition.Host, process.Port);

    private async Task<ConnectionMultiplexer> ConnectAsync(ProcessDefinition process)
    {
        ConfigurationOptions options = RedisConnections.Options(process.Port, Timeout, process.Kind == ProcessKind.Sentinel);
        // Come back quickly after a restart: the default backoff grows to many seconds.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
        mux.ConnectionRestored += (_, _) => Restored?.Invoke(process);
        return mux;
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
