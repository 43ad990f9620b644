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

    private readonly ConcurrentDictionary<string, string> _refusals = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Why the process refused our connection when it did so at the AUTH step (NOAUTH, WRONGPASS), said plainly
    /// and naming what to change; null when it did not. A refused connection is not connected, so without this
    /// the process would only look "not answering".
    /// </summary>
    public string? Refusal(ProcessDefinition process) => _refusals.GetValueOrDefault(process.Name);

    private async Task<ConnectionMultiplexer> ConnectAsync(ProcessDefinition process)
    {
        ConfigurationOptions options = RedisConnections.Options(process.Endpoint, lab.Security, Timeout, process.Kind == ProcessKind.Sentinel);
        // Come back quickly after a restart: the default backoff grows to many seconds.
        options.ReconnectRetryPolicy = new LinearRetry(500);
        // The connect log is the one place the client says that the server refused the handshake with NOAUTH or
        // WRONGPASS (its failure event is raised only for a connection that had worked). Only Redis's error
        // replies are taken from it; the log is dropped.
        using var log = new StringWriter();
        ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync(options, log);
        Interlocked.Increment(ref _live);
        NoteRefusal(process, mux.IsConnected ? null : AuthRefusal.Find(log.ToString()));
        mux.ConnectionRestored += (_, _) => { NoteRefusal(process, null); Restored?.Invoke(process); };
        mux.ConnectionFailed += (_, e) =>
        {
            if (e.FailureType == ConnectionFailureType.AuthenticationFailure)
                NoteRefusal(process, AuthRefusal.Find(e.Exception?.ToString()) ?? "NOAUTH");
        };
        return mux;
    }

    private void NoteRefusal(ProcessDefinition process, string? code)
    {
        if (code is null) _refusals.TryRemove(process.Name, out _);
        else _refusals[process.Name] = AuthRefusal.Explain(code, lab.Security.Credentials is not null);
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
