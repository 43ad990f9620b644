using System.Collections.Concurrent;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// A plain client writing through the sentinels, a few writes per second: before each write it asks a sentinel
/// (SENTINEL GET-MASTER-ADDR-BY-NAME) where the master is, then SETs a key there. It counts acknowledged writes and
/// errors by kind (NOREPLICAS while the new master has no replica yet, connection errors while it is down).
/// Its connections are its own: they are not the app's, and the leak counters do not see them.
/// </summary>
public sealed class PlainWriter : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);
    private readonly LabDefinition _lab;
    private readonly TimeSpan _period;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, ConnectionMultiplexer> _connections = [];
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private Task? _loop;
    private long _acks, _sequence;

    private PlainWriter(LabDefinition lab, TimeSpan period)
    {
        _lab = lab;
        _period = period;
    }

    public static PlainWriter Start(LabDefinition lab, int writesPerSecond = 5)
    {
        var writer = new PlainWriter(lab, TimeSpan.FromSeconds(1.0 / writesPerSecond));
        writer._loop = Task.Run(writer.LoopAsync);
        return writer;
    }

    public long Acks => Interlocked.Read(ref _acks);
    public int Errors => _errors.Values.Sum();
    public IReadOnlyDictionary<string, int> ErrorsByKind => _errors;

    private async Task LoopAsync()
    {
        int turn = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await WriteOnceAsync(turn++);
                await Task.Delay(_period, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { break; }
            catch (Exception e) { Count($"writer {e.GetType().Name}"); } // counted, never the end of the load
        }
    }

    private async Task WriteOnceAsync(int turn)
    {
        Endpoint? master = null;
        for (int i = 0; i < _lab.Sentinels.Length && master is null; i++)
        {
            SentinelDefinition sentinel = _lab.Sentinels[(turn + i) % _lab.Sentinels.Length];
            try
            {
                ConnectionMultiplexer mux = await ConnectionTo(sentinel.Endpoint, sentinel: true);
                RedisResult reply = await mux.GetServer(sentinel.Endpoint.Host, sentinel.Endpoint.Port)
                    .ExecuteAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", _lab.MasterName).WaitAsync(Timeout);
                string[]? addr = (string[]?)reply;
                if (addr is [string host, string port]) master = new Endpoint(host, int.Parse(port));
            }
            catch (Exception e) when (e is RedisException or TimeoutException) { }
        }
        if (master is null)
        {
            Count("no sentinel answered");
            return;
        }
        try
        {
            ConnectionMultiplexer mux = await ConnectionTo(master, sentinel: false);
            long n = Interlocked.Increment(ref _sequence);
            await mux.GetDatabase().StringSetAsync($"soak:{n % 1000}", n).WaitAsync(Timeout);
            Interlocked.Increment(ref _acks);
        }
        catch (RedisServerException e) { Count(e.Message.Split(' ')[0]); } // NOREPLICAS, READONLY, LOADING …
        catch (RedisConnectionException) { Count("connection"); }
        catch (Exception e) when (e is RedisTimeoutException or TimeoutException) { Count("timeout"); }
        catch (RedisException e) { Count(e.GetType().Name); } // e.g. the client refusing a write to a node it sees as a replica
    }

    private void Count(string kind) => _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private async Task<ConnectionMultiplexer> ConnectionTo(Endpoint endpoint, bool sentinel)
    {
        string key = endpoint.ToString();
        if (_connections.TryGetValue(key, out ConnectionMultiplexer? mux)) return mux;
        ConfigurationOptions options = RedisConnections.Options(endpoint, _lab.Security, Timeout, sentinel);
        options.ClientName = "soak-writer";
        options.ReconnectRetryPolicy = new LinearRetry(500);
        mux = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
        _connections[key] = mux; // one loop: no race; at most one per process of the lab
        return mux;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_loop is not null) await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        foreach (ConnectionMultiplexer mux in _connections.Values) await mux.DisposeAsync();
        _stop.Dispose();
    }
}
