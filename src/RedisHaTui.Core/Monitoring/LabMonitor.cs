using RedisHaTui.Core.Actions;
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
    private readonly IProcessControl? _control;
    /// <summary>Pids a process reported for itself that were not the port's owner: not looked up again (a /proc scan each).</summary>
    private readonly Dictionary<string, int> _notTakenIn = new(StringComparer.OrdinalIgnoreCase);
    private readonly LoggedEvents? _logged;
    private long _hurryTicks; // 0: the configured interval; read by the loop, set by whoever hurries it
    private Task? _loop;

    /// <param name="topology">The processes to watch, as the topology source knows them at each read.</param>
    /// <param name="inferProcessStates">Nobody reports process states (a lab started elsewhere): a process that answers is running.</param>
    /// <param name="control">
    /// The control of a lab this app owns: a process that answers where the app runs none (start.sh by hand) is
    /// taken in with its pid, and let go when that pid is gone. Null when attached: nothing is taken in.
    /// </param>
    /// <param name="logs">Each process's log lines, when the app has them: the sentinels' own times for their events.</param>
    public LabMonitor(Func<LabDefinition> topology, LabStore store, ProcessConnections connections, bool inferProcessStates = false,
        IProcessControl? control = null, Func<string, LogRing?>? logs = null)
    {
        _control = control;
        _logged = logs is null ? null : new LoggedEvents(logs);
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
            ProcessState before = (s.ProcessOf(name) ?? ProcessStatus.NotStarted).State;
            bool wasMaster = ActionRules.IsMaster(s, name);
            s = SetProcess(s, name, status);
            // Gone without this app stopping it (kill -9 from another terminal): timed from now, not from +sdown.
            if (status.State == ProcessState.Exited && before is ProcessState.Running or ProcessState.External && wasMaster)
                s = FailoverStopwatch.SeenDown(s, name, status.ToString(), now);
            string? text = status.State switch
            {
                ProcessState.Running when status.Pid is { } pid => $"{name} started (pid {pid})",
                ProcessState.External when status.Pid is { } pid => $"{name} started by hand (pid {pid})",
                ProcessState.Exited => $"{name} exited: {status}",
                ProcessState.Paused => $"{name} paused (SIGSTOP)",
                _ => null,
            };
            string kind = status.State == ProcessState.External ? "running" : status.State.ToString().ToLowerInvariant();
            return text is null ? s : Timeline.AddProcess(s, kind, text, now, Lab.Ui.TimelineLines);
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
                _logged?.Note(_store, Lab);
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
        DateTimeOffset began = _time.GetUtcNow();
        LabSnapshot read = await _reader.ReadAllAsync(_store.Current, began, checkQuorum);
        DateTimeOffset now = _time.GetUtcNow();
        _store.Update(s =>
        {
            // Keep process states that changed while the read was under way; an exit wins, except over a reply read
            // after it: that is another process on the port (started by hand), and the lab's verdict must say so.
            var nodes = read.Nodes.Select(n => s.Node(n.Name) is { } exited && ExitWins(exited.Process, n.Reachable, began)
                ? exited : n with { Process = ProcessOf(s.Node(n.Name)?.Process ?? n.Process, n.Reachable) });
            var sentinels = read.Sentinels.Select(x => s.Sentinel(x.Name) is { } exited && ExitWins(exited.Process, x.Reachable, began)
                ? exited : x with { Process = ProcessOf(s.Sentinel(x.Name)?.Process ?? x.Process, x.Reachable) });
            LabSnapshot next = LabHealth.Evaluate(s with { Nodes = [.. nodes], Sentinels = [.. sentinels] });
            next = MasterStoppedAnswering(s, next, now);
            next = FailoverStopwatch.OnState(next, now);
            // Only the poll times moved: no new version, so idle screens stay idle.
            return next.WithoutPollTimes() == s.WithoutPollTimes() ? s : next;
        });
        if (_control is not null) await FollowStartedByHandAsync(_control);
    }

    private static bool ExitWins(ProcessStatus known, bool answered, DateTimeOffset readBegan) =>
        known.State == ProcessState.Exited && (!answered || known.Since is not { } exitedAt || exitedAt >= readBegan);

    /// <summary>
    /// Where nobody reports process states, a process that answers is running, started elsewhere. On a lab this app
    /// owns, one that answers where the app runs none was started by hand (its pid is looked up next).
    /// </summary>
    private ProcessStatus ProcessOf(ProcessStatus known, bool reachable)
    {
        if (_inferProcessStates)
            return reachable ? (known.State == ProcessState.External ? known : new ProcessStatus(ProcessState.External, Since: _time.GetUtcNow())) : ProcessStatus.NotStarted;
        if (reachable && known.State is ProcessState.NotStarted or ProcessState.Exited)
            return new ProcessStatus(ProcessState.External, Since: _time.GetUtcNow(), Detail: ProcessStatus.StartedByHandDetail);
        // Started by hand, never taken in (its pid unknown), and no longer answering: nothing of ours runs there.
        return !reachable && known is { State: ProcessState.External, Pid: null } ? ProcessStatus.NotStarted : known;
    }

    /// <summary>
    /// A master nobody reports on (started by hand, or attached) stopped answering and nothing listens on its port any
    /// more: its process is gone (kill -9 from another terminal). The failover is timed from this read, the moment
    /// the app saw it, not from the sentinels' +sdown seconds later. Only on this machine, where /proc tells.
    /// </summary>
    private static LabSnapshot MasterStoppedAnswering(LabSnapshot before, LabSnapshot after, DateTimeOffset at)
    {
        if (after.CurrentFailover is not null || ActionRules.CurrentMaster(before) is not { } master) return after;
        if (before.Node(master) is not { Reachable: true, Process.State: ProcessState.External } || after.Node(master) is not { Reachable: false } now) return after;
        if (!System.Net.IPAddress.IsLoopback(now.Endpoint.Address) || PortOwner.IsListening(now.Endpoint)) return after;
        return FailoverStopwatch.SeenDown(after, master, $"stopped answering, nothing listens on :{now.Endpoint.Port}", at);
    }

    /// <summary>
    /// On a lab this app owns: a process answering where the app runs none is taken in with its pid (INFO server's
    /// process_id, checked to be the port's owner), and one taken in whose pid is no longer Redis on the port is let go.
    /// </summary>
    private async Task FollowStartedByHandAsync(IProcessControl control)
    {
        LabSnapshot s = _store.Current;
        foreach (ProcessDefinition p in Lab.Processes)
        {
            if (s.ProcessOf(p.Name) is not { State: ProcessState.External or ProcessState.Paused } status || !status.StartedByHand) continue;
            if (status.Pid is { } pid)
            {
                if (!ExternalProcess.IsRedisOnPort(pid, p.Port)) control.StartedByHandGone(p.Name, pid);
            }
            else if (status.State == ProcessState.External && await _reader.ProcessIdAsync(p) is { } found
                && _notTakenIn.GetValueOrDefault(p.Name) != found)
            {
                if (ExternalProcess.OwnsPort(found, p)) control.TakeInStartedByHand(p.Name, found);
                else _notTakenIn[p.Name] = found;
            }
        }
    }

    /// <summary>
    /// PSUBSCRIBE * on every sentinel not yet subscribed on its current connection: a sentinel that was down is
    /// tried again each poll, one whose connection was renewed is subscribed again on the new one, and one that
    /// left the topology (a deployment) is let go.
    /// A subscription counts only while it is live on the connection's pub/sub link
    /// (<see cref="ISubscriber.IsConnected"/>): the client subscribes again by itself when that link comes back,
    /// but a re-subscribe that fails then (a timeout on a loaded machine) is not retried, and a record trusted
    /// from the first success would keep the sentinel unheard for good.
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
                ISubscriber subscriber = mux.GetSubscriber();
                bool held;
                lock (_subscribed) held = _subscribed.TryGetValue(sentinel.Name, out var h) && ReferenceEquals(h.Mux, mux);
                if (held && subscriber.IsConnected(Everything)) continue;
                if (!mux.IsConnected) continue;
                await DropAsync(sentinel.Name);
                ChannelMessageQueue queue;
                try { queue = await subscriber.SubscribeAsync(Everything); }
                catch (Exception e) when (e is RedisException or TimeoutException)
                {
                    // The client keeps the queue of a subscribe that failed and would buffer every event into it,
                    // unread, for as long as the connection lives: nothing else subscribes on it, so wipe the pattern.
                    try { await subscriber.UnsubscribeAsync(Everything); } catch (Exception x) when (x is RedisException or TimeoutException) { }
                    throw;
                }
                queue.OnMessage(m => OnEvent(sentinel.Name, m.Channel.ToString(), m.Message.ToString()));
                lock (_subscribed) _subscribed[sentinel.Name] = (mux, queue);
            }
            catch (Exception e) when (e is RedisException or TimeoutException or ObjectDisposedException) { }
        }
        if (lab.Sentinels.All(x => SubscribedSentinels().Contains(x.Name))) _subscribedAll.TrySetResult();
    }

    /// <summary>Every channel: the sentinels' events, each on a channel named after it (+sdown, +switch-master…).</summary>
    private static readonly RedisChannel Everything = RedisChannel.Pattern("*");

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
