using System.Diagnostics;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Load;

/// <summary>
/// A client on top of the lab, like a real application: it finds the master through the sentinels
/// (StackExchange.Redis with a service name follows +switch-master), RPUSHes sequence numbers at a set rate,
/// and records every answer. The store sees it a few times a second through <see cref="LabStore.Update"/>
/// (never once per write); at the end the final master is read back to count what was really kept.
/// </summary>
public sealed class WriteLoad : IAsyncDisposable
{
    /// <summary>How often the running ledger goes to the store: twice a second is live enough for bars of a second, and each snapshot costs the screen a redraw.</summary>
    public static readonly TimeSpan PublishEvery = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The pacer wakes at most this often and sends what is due as one pipelined batch: each wake costs the client
    /// library a flush and a read of its own, so fewer, fuller batches cost far less CPU than one write per wake.
    /// </summary>
    internal static readonly TimeSpan MinWake = TimeSpan.FromMilliseconds(20);

    private readonly LabDefinition _lab;
    private readonly LabStore _store;
    private readonly LoadOptions _options;
    private readonly LoadRecorder _recorder = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private readonly int _number;
    private readonly string _key;
    private LoadLedger _ledger;
    private long _inFlight;
    private long _issued;
    private Task<LoadLedger>? _run;
    private ConnectionMultiplexer? _mux;
    private readonly Network.NetworkMember? _client;
    /// <summary>The node a pinned client writes to, whatever its role: it never asks the sentinels (lesson 4).</summary>
    private readonly NodeDefinition? _pinned;
    private IServer? _pinnedServer;
    /// <summary>When each write was acknowledged, kept for a named client only (a partition lesson asks which came after the cut).</summary>
    private readonly System.Collections.Concurrent.ConcurrentQueue<(long Sequence, DateTimeOffset At)>? _ackTimes;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile TaskCompletionSource? _holdVerify;

    private WriteLoad(LabDefinition lab, LabStore store, LoadOptions options)
    {
        _lab = lab;
        _store = store;
        _options = options;
        _time = store.Time;
        DateTimeOffset now = _time.GetUtcNow();
        _number = store.Current.Loads.Length + 1;
        if (options.Client is { } name)
        {
            _client = lab.Network.Member(name) is { IsClient: true } member ? member
                : throw new ArgumentException($"{name} is not a client of this lab ({string.Join(", ", lab.Network.Clients.Select(c => c.Name))})", nameof(options));
            _ackTimes = new();
        }
        if (options.PinnedTo is { } node)
            _pinned = lab.Nodes.FirstOrDefault(n => n.Name == node)
                ?? throw new ArgumentException($"{node} is not a node of this lab ({string.Join(", ", lab.Nodes.Select(n => n.Name))})", nameof(options));
        string? label = _client?.Name ?? (_pinned is null ? null : LoadOptions.PinnedClient);
        _key = label is null ? $"redis-ha-tui:load:{now.ToUnixTimeMilliseconds()}" : $"redis-ha-tui:load:{label}:{now.ToUnixTimeMilliseconds()}";
        _ledger = new LoadLedger { Number = _number, StartedAt = now, Running = true, Rate = options.Rate, Key = _key, Client = label, PinnedTo = _pinned?.Name };
    }

    /// <summary>Writes issued so far (a benchmark compares them with the rate asked).</summary>
    public long Issued => Interlocked.Read(ref _issued);

    /// <summary>From the first write sent to the last, in real time (the pacer's, see WriteLoop): the achieved rate is (Issued - 1) / WritingTime.</summary>
    public TimeSpan WritingTime { get; private set; }

    /// <summary>Completes with the final, verified ledger once the run ended (its duration, or <see cref="StopAsync"/>).</summary>
    public Task<LoadLedger> Completion => _run ?? throw new InvalidOperationException("not started");

    /// <summary>Starts writing at once; the ledger appears in the store as the last of <see cref="LabSnapshot.Loads"/>.</summary>
    public static WriteLoad Start(LabDefinition lab, LabStore store, LoadOptions options)
    {
        if (options.Problem() is { } problem) throw new ArgumentException(problem, nameof(options));
        var load = new WriteLoad(lab, store, options);
        store.Update(s => s with { Loads = s.Loads.Add(load._ledger) });
        load._run = Task.Run(load.RunAsync);
        return load;
    }

    /// <summary>Stops writing, waits for the answers in flight, verifies, and returns the final ledger.</summary>
    public async Task<LoadLedger> StopAsync()
    {
        _stop.Cancel();
        _holdVerify?.TrySetResult();
        return await Completion;
    }

    /// <summary>
    /// Stops writing and waits for the answers in flight, but reads back only at <see cref="StopAsync"/>: a partition
    /// lesson stops its client before the heal and counts what was lost once the old master has been converted.
    /// </summary>
    public async Task StopWritingAsync()
    {
        _holdVerify ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _stop.Cancel();
        await _drained.Task;
    }

    /// <summary>Every acknowledged write with when it was acknowledged (a named client's only; empty otherwise).</summary>
    public IReadOnlyList<(long Sequence, DateTimeOffset At)> AckTimes() => _ackTimes is null ? [] : [.. _ackTimes];

    /// <summary>The sequences acknowledged from <paramref name="from"/> to <paramref name="to"/> (a named client's only; empty otherwise).</summary>
    public IReadOnlyList<long> AckedBetween(DateTimeOffset from, DateTimeOffset to) =>
        _ackTimes is null ? [] : [.. _ackTimes.Where(a => a.At >= from && a.At <= to).Select(a => a.Sequence)];

    private async Task<LoadLedger> RunAsync()
    {
        ConnectionMultiplexer? mux = null;
        try
        {
            try
            {
                mux = await ConnectionMultiplexer.ConnectAsync(Options(), TextWriter.Null).WaitAsync(TimeSpan.FromSeconds(10), _stop.Token);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or OperationCanceledException)
            {
                _drained.TrySetResult();
                return Finish(_ledger with { Problem = _pinned is null
                    ? $"could not find the master through the sentinels: {e.Message.Split('\n')[0]}"
                    : $"could not connect to {_pinned.Name} ({_pinned.Endpoint}): {e.Message.Split('\n')[0]}" });
            }
            _mux = mux;
            if (_pinned is not null) _pinnedServer = mux.GetServer(_pinned.Endpoint.Host, _pinned.Endpoint.Port);
            IDatabase db = mux.GetDatabase();
            Task publisher = PublishLoopAsync();
            await WriteLoopAsync(db);
            // The run ends when it stops writing, not after the drain and the read-back: an outage still open ends here.
            DateTimeOffset stopped = _time.GetUtcNow();
            await DrainAsync();
            _stop.Cancel();
            _drained.TrySetResult();
            if (_holdVerify is { } hold) await hold.Task;
            await publisher.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return Finish(await VerifyAsync(mux, _recorder.Fill(_ledger, stopped) with { EndedAt = stopped }));
        }
        finally
        {
            if (mux is not null) await mux.DisposeAsync();
        }
    }

    /// <summary>
    /// Paced by schedule, not by sleeping per write: write n is due at n / rate seconds from the start; each wake
    /// sends every write that is due, so a late wake catches up and the long-run rate is the one asked for.
    /// The pacer is a thread of its own that sleeps between wakes (at least <see cref="MinWake"/>): measured on the
    /// default lab, one wake per write cost 6.5 % of a core at 100 writes/s and 13 % at 1,000; 20 ms batches cost
    /// 3.3 % and 4.2 % (BENCHMARKS.md).
    /// The pacing runs on real time (Stopwatch), not on the session's clock: the writes go to real Redis processes
    /// over real sockets, "100 writes/s" means per real second, and the pacer blocks on a wait handle, which a
    /// TimeProvider cannot drive. Every fact the load records (when a write was acknowledged or failed, the start,
    /// the end, the seconds of the chart) is read from the session's clock, <see cref="_time"/>.
    /// </summary>
    private Task WriteLoopAsync(IDatabase db)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pacer = new Thread(() =>
        {
            try
            {
                WriteLoop(db);
                done.SetResult();
            }
            catch (Exception e) { done.SetException(e); }
        }) { IsBackground = true, Name = "write-load pacer" };
        pacer.Start();
        return done.Task;
    }

    private void WriteLoop(IDatabase db)
    {
        long start = Stopwatch.GetTimestamp();
        long total = _options.Duration is { } d ? (long)Math.Round(d.TotalSeconds * _options.Rate) : long.MaxValue;
        long sent = 0;
        WaitHandle stop = _stop.Token.WaitHandle;
        while (!_stop.IsCancellationRequested && sent < total)
        {
            double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
            long due = Math.Min(total, (long)(elapsed * _options.Rate) + 1);
            while (sent < due) Send(db, ++sent);
            Interlocked.Exchange(ref _issued, sent);
            WritingTime = Stopwatch.GetElapsedTime(start);
            double untilNext = (double)sent / _options.Rate - Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (stop.WaitOne(TimeSpan.FromSeconds(Math.Clamp(untilNext, MinWake.TotalSeconds, 0.05)))) break;
        }
    }

    private void Send(IDatabase db, long sequence)
    {
        Interlocked.Increment(ref _inFlight);
        Task push;
        try
        {
            // A pinned client sends RPUSH to its one address as a raw command: the library then routes it by that address,
            // not by role, so a demoted master answers READONLY as it does to any client that never asks Sentinel.
            push = _pinnedServer is { } pinned ? pinned.ExecuteAsync("RPUSH", (RedisKey)_key, sequence) : db.ListRightPushAsync(_key, sequence);
        }
        catch (Exception e) { push = Task.FromException(e); }
        push.ContinueWith(static (t, state) =>
        {
            var (load, seq) = ((WriteLoad, long))state!;
            DateTimeOffset at = load._time.GetUtcNow();
            if (t.IsCompletedSuccessfully)
            {
                load._recorder.Acked(seq, at);
                load._ackTimes?.Enqueue((seq, at));
            }
            else
            {
                Exception e = t.Exception?.GetBaseException() ?? new TimeoutException();
                load._recorder.Failed(seq, WriteErrors.Classify(e), at, e.Message.Split('\n')[0]);
            }
            Interlocked.Decrement(ref load._inFlight);
        }, (this, sequence), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// Every write sent gets its answer or its timeout before the read-back: none is left uncounted. Real time: it
    /// waits for the client library's own timeouts (<see cref="LoadOptions.WriteTimeout"/>), which run on the wall clock.
    /// </summary>
    private async Task DrainAsync()
    {
        var deadline = Stopwatch.StartNew();
        TimeSpan limit = _options.WriteTimeout + TimeSpan.FromSeconds(5);
        while (Interlocked.Read(ref _inFlight) > 0 && deadline.Elapsed < limit) await Task.Delay(10);
    }

    private async Task PublishLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(PublishEvery, _time, _stop.Token);
                Publish(_recorder.Fill(_ledger, _time.GetUtcNow()));
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>The running ledger into the store, with each new burst of errors explained once on the timeline.</summary>
    private void Publish(LoadLedger ledger)
    {
        var bursts = _recorder.TakeNewBursts();
        string? other = _recorder.FirstOtherMessage;
        string? master = bursts.Count > 0 ? MasterOf(_mux) : null;
        _store.Update(s =>
        {
            s = Replace(s, ledger);
            foreach ((WriteErrorKind kind, DateTimeOffset at) in bursts)
                s = Timeline.Add(s, TimelineKind.Writes, Whose(LoadExplanations.ForBurst(kind, s, master, other)), at, _lab.Ui.TimelineLines);
            return FailoverStopwatch.OnLoad(s, ledger);
        });
    }

    /// <summary>A pinned client's explanations say whose they are: they run beside the sentinel-aware client's, which read alike.</summary>
    private string Whose(string text) => _pinned is null ? text : $"client pinned to {_pinned.Name}: {text}";

    private LoadLedger Finish(LoadLedger ledger)
    {
        ledger = ledger with { Running = false, EndedAt = ledger.EndedAt ?? _time.GetUtcNow() };
        Publish(ledger);
        DateTimeOffset now = _time.GetUtcNow();
        _store.Update(s =>
        {
            if (ledger.Lost is > 0) s = Timeline.Add(s, TimelineKind.Writes, LoadExplanations.Lost(ledger.Lost.Value), now, _lab.Ui.TimelineLines);
            return Timeline.Add(s, TimelineKind.LoadSummary, LoadExplanations.Summary(ledger), now, _lab.Ui.TimelineLines);
        });
        return ledger;
    }

    /// <summary>Reads the list back from the master the client follows now: what survived is what counts.</summary>
    private async Task<LoadLedger> VerifyAsync(ConnectionMultiplexer mux, LoadLedger ledger)
    {
        (long[] acked, long[] failed) = _recorder.Sequences();
        try
        {
            // A pinned client reads back where it wrote (a demoted master holds what it had, and what its new master sends it).
            RedisValue[] held = _pinnedServer is { } pinned
                ? (RedisValue[])(await pinned.ExecuteAsync("LRANGE", (RedisKey)_key, 0, -1).WaitAsync(TimeSpan.FromSeconds(10)))!
                : await mux.GetDatabase().ListRangeAsync(_key).WaitAsync(TimeSpan.FromSeconds(10));
            var onServer = new HashSet<long>(held.Length);
            foreach (RedisValue item in held) if (item.TryParse(out long n)) onServer.Add(n);
            LoadVerification v = LoadVerification.Compute(acked, failed, onServer);
            return ledger with { Present = v.Present, Lost = v.Lost, LostSequences = [.. v.LostSequences], Indeterminate = v.Indeterminate, VerifiedOn = _pinned?.Name ?? MasterOf(mux) };
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return ledger with { Problem = $"could not read back from the master: {e.Message.Split('\n')[0]}" };
        }
    }

    /// <summary>The lab node the client's connection takes for master now, by name when it is one.</summary>
    private string? MasterOf(ConnectionMultiplexer? mux)
    {
        if (_pinned is not null) return _pinned.Name;
        if (mux is null) return null;
        try
        {
            IServer? master = mux.GetServers().FirstOrDefault(x => x.IsConnected && !x.IsReplica);
            return master?.EndPoint is System.Net.IPEndPoint ip ? _lab.NodeLabel(ip.Address.ToString(), ip.Port) : null;
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException) { return null; }
    }

    private static LabSnapshot Replace(LabSnapshot s, LoadLedger ledger)
    {
        int i = s.Loads.Length - 1;
        while (i >= 0 && s.Loads[i].Number != ledger.Number) i--;
        return i < 0 ? s with { Loads = s.Loads.Add(ledger) } : s with { Loads = s.Loads.SetItem(i, ledger) };
    }

    /// <summary>The sentinels, the service name and the lab's credentials: how an application would connect.</summary>
    private ConfigurationOptions Options()
    {
        int timeout = (int)_options.WriteTimeout.TotalMilliseconds;
        var options = new ConfigurationOptions
        {
            ServiceName = _pinned is null ? _lab.MasterName : null,
            User = _lab.Security.Credentials?.User,
            Password = _lab.Security.Credentials?.Password.Reveal(),
            Ssl = _lab.Security.Tls,
            AbortOnConnectFail = false,
            ConnectTimeout = Math.Max(timeout, 2000),
            AsyncTimeout = timeout,
            SyncTimeout = timeout,
            // A refused write is a fact to record, not something to queue and retry behind the application's back.
            BacklogPolicy = BacklogPolicy.FailFast,
            ClientName = _ledger.Client is { } name ? $"redis-ha-tui-load-{name}" : "redis-ha-tui-load",
            HeartbeatInterval = TimeSpan.FromSeconds(1),
        };
        // A named client reaches the sentinels where the lab's processes do, through the relay, from its own address:
        // a cut then leaves it only its own side's sentinels, as a real partition would.
        if (_client is not null) options.Tunnel = new ClientIdentity(_client.Address);
        if (_pinned is not null)
        {
            // One address, written in the application's config: what a client that never asks Sentinel has.
            options.EndPoints.Add(_pinned.Endpoint.Host, _pinned.Endpoint.Port);
            if (_lab.Security.Tls && _lab.Security.TlsCaFile is { } caFile) options.TrustIssuer(caFile);
            return options;
        }
        foreach (SentinelDefinition s in _lab.Sentinels)
        {
            Endpoint at = _client is null ? s.Endpoint : _lab.Network.Reach(s);
            options.EndPoints.Add(at.Host, at.Port);
        }
        if (_lab.Security.Tls && _lab.Security.TlsCaFile is { } ca) options.TrustIssuer(ca);
        return options;
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        if (_run is not null) await ((Task)_run).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }
}
