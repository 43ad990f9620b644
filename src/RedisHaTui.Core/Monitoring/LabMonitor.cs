using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Monitoring;

/// <summary>
/// Keeps the <see cref="LabStore"/> current; the one reader of the lab. Push first: every sentinel's events
/// (PSUBSCRIBE *) go into the timeline as they arrive, and a process exit seen by the supervisor marks the
/// process down at once. Poll second: INFO and SENTINEL replies every Monitor:PollIntervalMilliseconds, and at
/// once after an event that changes roles. Every wait runs on the store's <see cref="TimeProvider"/>.
/// </summary>
public sealed class LabMonitor : IAsyncDisposable
{
    private static readonly HashSet<SentinelEventKind> PollAtOnce =
    [
        SentinelEventKind.SwitchMaster, SentinelEventKind.RoleChange, SentinelEventKind.RoleChangeCleared, SentinelEventKind.ConvertToSlave,
        SentinelEventKind.PromotedSlave, SentinelEventKind.SDown, SentinelEventKind.SDownCleared, SentinelEventKind.ODown,
        SentinelEventKind.ODownCleared, SentinelEventKind.FailoverEnd, SentinelEventKind.Slave, SentinelEventKind.Sentinel, SentinelEventKind.Reboot,
    ];

    /// <summary>Several events in a burst (a failover sends a dozen) make one read, not a dozen.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(20);

    private readonly Func<LabDefinition> _topology;
    private readonly LabStore _store;
    private readonly ProcessConnections _connections;
    private readonly LabReader _reader;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _wake = new(0);
    /// <summary>Each sentinel's event queue, with the connection it is on: a connection renewed since needs a new one.</summary>
    private readonly Dictionary<string, (ConnectionMultiplexer Mux, ChannelMessageQueue Queue)> _subscribed = new(StringComparer.OrdinalIgnoreCase);
    private readonly bool _inferProcessStates;
    private long _hurryTicks; // 0: the configured interval; read by the loop, set by whoever hurries it
    private Task? _loop;

    /// <param name="topology">The processes to watch, as the topology source knows them at each read.</param>
    /// <param name="inferProcessStates">Nobody reports process states (a lab started elsewhere): a process that answers is running.</param>
    public LabMonitor(Func<LabDefinition> topology, LabStore store, ProcessConnections connections, bool inferProcessStates = false)
    {
        _topology = topology;
        _store = store;
        _connections = connections;
        _reader = new LabReader(topology, connections);
        _time = store.Time;
        _inferProcessStates = inferProcessStates;
        _connections.Restored += _ => PollNow();
    }

    private LabDefinition Lab => _topology();

    /// <summary>Completes the first time every process has been read once.</summary>
    public Task FirstRead => _firstRead.Task;
    private readonly TaskCompletionSource _firstRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Subscribes to every sentinel it can reach: the first time events are sure to be heard.</summary>
    public Task Subscribed => _subscribedAll.Task;
    private readonly TaskCompletionSource _subscribedAll = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Start() => _loop ??= Task.Run(LoopAsync);

    /// <summary>Event subscriptions (one PSUBSCRIBE * queue per sentinel) this monitor holds: at most one per sentinel.</summary>
    public int SubscriptionCount
    {
        get { lock (_subscribed) return _subscribed.Count; }
    }

    /// <summary>Keys read with GET on every node each poll (a walkthrough's key-equals steps); empty: none are read.</summary>
    public IReadOnlyList<string> WatchedKeys
    {
        get => _reader.WatchedKeys;
        set
        {
            _reader.WatchedKeys = value;
            PollNow();
        }
    }

    /// <summary>Asks for a read now instead of at the next interval.</summary>
    public void PollNow()
    {
        if (_wake.CurrentCount == 0) _wake.Release();
    }

    /// <summary>Reads every <paramref name="interval"/> until disposed: while a start waits on the store.</summary>
    public IDisposable Hurry(TimeSpan interval)
    {
        Interlocked.Exchange(ref _hurryTicks, interval.Ticks);
        PollNow();
        return new Hurrying(this);
    }

    private sealed class Hurrying(LabMonitor monitor) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref monitor._hurryTicks, 0);
    }

    /// <summary>A process changed state (the supervisor saw it): shown at once, an exit without waiting for a timeout.</summary>
    public void OnProcessStatus(string name, ProcessStatus status)
    {
        DateTimeOffset now = _time.GetUtcNow();
        _store.Update(s =>
        {
            s = SetProcess(s, name, status);
            string? text = status.State switch
            {
                ProcessState.Running when status.Pid is { } pid => $"{name} started (pid {pid})",
                ProcessState.Exited => $"{name} exited: {status}",
                ProcessState.Paused => $"{name} paused (SIGSTOP)",
                _ => null,
            };
            return text is null ? s : Timeline.Add(s, TimelineSource.Process, status.State.ToString().ToLowerInvariant(), text, now, Lab.Ui.TimelineLines);
        });
        PollNow();
    }

    private static LabSnapshot SetProcess(LabSnapshot s, string name, ProcessStatus status)
    {
        int n = s.Nodes.IndexOf(s.Node(name)!);
        if (n >= 0)
        {
            NodeSnapshot node = s.Nodes[n] with { Process = status };
            if (status.State == ProcessState.Exited) node = node.Unreachable($"exited: {status}");
            return LabHealth.Evaluate(s with { Nodes = s.Nodes.SetItem(n, node) });
        }
        int i = s.Sentinels.IndexOf(s.Sentinel(name)!);
        if (i < 0) return s;
        SentinelSnapshot sentinel = s.Sentinels[i] with { Process = status };
        if (status.State == ProcessState.Exited) sentinel = sentinel.Unreachable($"exited: {status}");
        return LabHealth.Evaluate(s with { Sentinels = s.Sentinels.SetItem(i, sentinel) });
    }

    private async Task LoopAsync()
    {
        // CKQUORUM only changes when sentinels come and go, which events and exits announce: every 5th poll, or when woken.
        long polls = 0;
        bool woken = true;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await SubscribeAsync();
                await PollAsync(checkQuorum: woken || polls++ % 5 == 0);
                _firstRead.TrySetResult();
                long hurry = Interlocked.Read(ref _hurryTicks);
                woken = await WaitAsync(hurry > 0 ? TimeSpan.FromTicks(hurry) : TimeSpan.FromMilliseconds(Lab.Monitor.PollIntervalMilliseconds));
                await Task.Delay(Coalesce, _time, _stop.Token);
                while (_wake.CurrentCount > 0) await _wake.WaitAsync(0);
            }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Until the interval passes on the store's clock (false) or someone asks for a read (true).</summary>
    private async Task<bool> WaitAsync(TimeSpan interval)
    {
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        Task woken = _wake.WaitAsync(waited.Token);
        Task elapsed = Task.Delay(interval, _time, waited.Token);
        Task first = await Task.WhenAny(woken, elapsed);
        waited.Cancel();
        await Task.WhenAll(woken, elapsed).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Token.ThrowIfCancellationRequested();
        // The cancelled wait may still have taken the signal: a true wake counts even when the delay won the race.
        return first == woken || woken.IsCompletedSuccessfully;
    }

    private async Task PollAsync(bool checkQuorum)
    {
        LabSnapshot read = await _reader.ReadAllAsync(_store.Current, _time.GetUtcNow(), checkQuorum);
        DateTimeOffset now = _time.GetUtcNow();
        _store.Update(s =>
        {
            // Keep process states that changed while the read was under way; an exit always wins.
            var nodes = read.Nodes.Select(n => s.Node(n.Name) is { Process.State: ProcessState.Exited } exited
                ? exited : n with { Process = ProcessOf(s.Node(n.Name)?.Process ?? n.Process, n.Reachable) });
            var sentinels = read.Sentinels.Select(x => s.Sentinel(x.Name) is { Process.State: ProcessState.Exited } exited
                ? exited : x with { Process = ProcessOf(s.Sentinel(x.Name)?.Process ?? x.Process, x.Reachable) });
            LabSnapshot next = LabHealth.Evaluate(s with { Nodes = [.. nodes], Sentinels = [.. sentinels] });
            next = FailoverStopwatch.OnState(next, now);
            // Only the poll times moved: no new version, so idle screens stay idle.
            return next.WithoutPollTimes() == s.WithoutPollTimes() ? s : next;
        });
    }

    /// <summary>Where nobody reports process states, a process that answers is running, started elsewhere.</summary>
    private ProcessStatus ProcessOf(ProcessStatus known, bool reachable) =>
        !_inferProcessStates ? known
        : reachable ? (known.State == ProcessState.External ? known : new ProcessStatus(ProcessState.External, Since: _time.GetUtcNow()))
        : ProcessStatus.NotStarted;

    /// <summary>
    /// PSUBSCRIBE * on every sentinel not yet subscribed on its current connection: a sentinel that was down is
    /// tried again each poll, one whose connection was renewed is subscribed again on the new one, and one that
    /// left the topology (a deployment) is let go.
    /// </summary>
    private async Task SubscribeAsync()
    {
        LabDefinition lab = Lab;
        foreach (string gone in SubscribedSentinels().Where(name => lab.Find(name) is null)) await DropAsync(gone);
        foreach (SentinelDefinition sentinel in lab.Sentinels)
        {
            try
            {
                ConnectionMultiplexer mux = await _connections.GetAsync(sentinel);
                bool current;
                lock (_subscribed) current = _subscribed.TryGetValue(sentinel.Name, out var held) && ReferenceEquals(held.Mux, mux);
                if (current || !mux.IsConnected) continue;
                await DropAsync(sentinel.Name);
                ChannelMessageQueue queue = await mux.GetSubscriber().SubscribeAsync(RedisChannel.Pattern("*"));
                queue.OnMessage(m => OnEvent(sentinel.Name, m.Channel.ToString(), m.Message.ToString()));
                lock (_subscribed) _subscribed[sentinel.Name] = (mux, queue);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException) { }
        }
        if (lab.Sentinels.All(x => SubscribedSentinels().Contains(x.Name))) _subscribedAll.TrySetResult();
    }

    private string[] SubscribedSentinels()
    {
        lock (_subscribed) return [.. _subscribed.Keys];
    }

    private async Task DropAsync(string sentinel)
    {
        (ConnectionMultiplexer Mux, ChannelMessageQueue Queue) held;
        lock (_subscribed)
            if (!_subscribed.Remove(sentinel, out held)) return;
        try { await held.Queue.UnsubscribeAsync(); } catch (Exception e) when (e is RedisException or ObjectDisposedException or TimeoutException) { }
    }

    private void OnEvent(string sentinel, string channel, string payload)
    {
        if (channel.StartsWith("__", StringComparison.Ordinal)) return; // hello messages, not events
        DateTimeOffset now = _time.GetUtcNow();
        SentinelEvent e = SentinelEvent.Parse(channel, payload);
        _store.Update(s =>
        {
            s = FailoverStopwatch.OnEvent(s, e, Lab.NodeLabel, now);
            return Timeline.AddSentinelEvent(s, sentinel, e, now, Lab.Ui.TimelineLines);
        });
        if (PollAtOnce.Contains(e.Kind)) PollNow();
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        if (_loop is not null) await _loop;
        foreach (string sentinel in SubscribedSentinels()) await DropAsync(sentinel);
        _stop.Dispose();
    }
}
