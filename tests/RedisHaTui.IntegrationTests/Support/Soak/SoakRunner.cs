using System.Diagnostics;
using System.Text.Json.Nodes;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>How long a soak runs and how it waits.</summary>
public sealed record SoakOptions
{
    public int Failovers { get; init; } = 3;
    /// <summary>Restarts (LabActionKind.Restart) of the replica and the sentinels in turn, after the failovers.</summary>
    public int Restarts { get; init; } = 10;
    /// <summary>1500-2000: short failovers without storms (facts note).</summary>
    public int DownAfterMilliseconds { get; init; } = 1500;
    /// <summary>Ui:TimelineLines for the lab; small makes the bound bite in a short run.</summary>
    public int? TimelineLines { get; init; }
    public TimeSpan AgreeTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan HealthyTimeout { get; init; } = TimeSpan.FromSeconds(45);
    public Action<string> Progress { get; init; } = _ => { };
}

/// <summary>
/// Soak (issue 10 §4): on the default topology (2 nodes, 3 sentinels) with a plain writer running throughout,
/// N failovers in a row (SENTINEL FAILOVER, kill -9 of the master then its restart, SIGSTOP of the master then
/// SIGCONT, in turn) with a sentinel stopped and started between two failovers; after each, the lab must be
/// healthy again and its snapshot must agree with what Redis reports. Then the connection churn: restarts of a
/// replica and the sentinels. Measures the process (RSS, threads, sockets) and the app's connection objects,
/// subscriptions and handlers throughout. Used by a short test and by the `soak` benchmark.
/// </summary>
public sealed class SoakRunner
{
    private readonly SoakOptions _options;
    private readonly SoakReport _report = new();
    private RunningLab _lab = null!;
    private RedisTruth _truth = null!;
    private PlainWriter? _writer;
    private int _probes;

    private SoakRunner(SoakOptions options) => _options = options;

    public static async Task<SoakReport> RunAsync(SoakOptions options)
    {
        var runner = new SoakRunner(options);
        var clock = Stopwatch.StartNew();
        EventHandler<UnobservedTaskExceptionEventArgs> unobserved = (_, e) =>
        {
            lock (runner._report.UnobservedExceptions) runner._report.UnobservedExceptions.Add(e.Exception.InnerException?.GetType().Name ?? e.Exception.GetType().Name);
        };
        TaskScheduler.UnobservedTaskException += unobserved;
        try { await runner.RunAsync(); }
        finally
        {
            TaskScheduler.UnobservedTaskException -= unobserved;
            runner._report.Duration = clock.Elapsed;
        }
        return runner._report;
    }

    private async Task RunAsync()
    {
        SoakReport r = _report;
        _lab = await RunningLab.StartAsync(downAfterMs: _options.DownAfterMilliseconds, edit: root =>
        {
            if (_options.TimelineLines is { } lines) root["Ui"] = new JsonObject { ["TimelineLines"] = lines };
        });
        try
        {
            r.TimelineLines = _lab.Lab.Ui.TimelineLines;
            _truth = await RedisTruth.ConnectAsync(_lab.Lab);
            await using PlainWriter writer = _writer = PlainWriter.Start(_lab.Lab);
            try
            {
                // The counters' baseline is taken once the writer has its connections: after its first answer.
                for (var until = DateTime.UtcNow.AddSeconds(10); writer.Acks + writer.Errors == 0 && DateTime.UtcNow < until;)
                    await Task.Delay(50);
                r.AtStart = LeakCounters.Read(_lab.Session);
                r.ProcessAtStart = ProcessFigures.Read();
                _options.Progress($"lab ready; {r.AtStart}; {Describe(r.ProcessAtStart)}");
                for (int i = 0; i < _options.Failovers; i++)
                {
                    await FailoverAsync(i + 1, (SoakFailoverKind)(i % 3));
                    // A sentinel goes away and comes back between two failovers: the next one runs on a sentinel restarted.
                    if (i < _options.Failovers - 1) await BounceSentinelAsync(_lab.Lab.Sentinels[i % _lab.Lab.Sentinels.Length]);
                }
                await ChurnAsync();
                r.FailoverRecords = _lab.Now.Failovers.Length;
                if (r.FailoverRecords != _options.Failovers)
                    r.Failures.Add($"{r.FailoverRecords} failover records for {_options.Failovers} failovers caused (a storm, or one missed): " +
                        string.Join("; ", _lab.Now.Failovers.Select(f => $"#{f.Number} {f.Cause} {f.OldMaster}→{f.NewMaster} at {f.StartedAt:HH:mm:ss.fff} ({string.Join(", ", f.Phases.Select(p => p.Kind))})")) +
                        $". Timeline: {string.Join(" | ", _lab.Now.Timeline.TakeLast(20).Select(t => $"{t.At:HH:mm:ss.fff} {t.Name} {t.Text}"))}");
            }
            catch (Exception e) when (e is TimeoutException or SoakStopped)
            {
                r.Failures.Add($"stopped: {e.Message}");
            }
            finally
            {
                r.WriterAcks = writer.Acks;
                r.WriterErrors = new Dictionary<string, int>(writer.ErrorsByKind);
            }
        }
        finally
        {
            if (_truth is not null) await _truth.DisposeAsync();
            await _lab.DisposeAsync();
        }
        if (r.ActionExceptions.Count > 0) r.Failures.Add($"{r.ActionExceptions.Count} exceptions escaped actions: {string.Join("; ", r.ActionExceptions)}");
        if (r.TimelineMax > r.TimelineLines) r.Failures.Add($"timeline reached {r.TimelineMax} entries, bound {r.TimelineLines}");
    }

    private async Task FailoverAsync(int number, SoakFailoverKind kind)
    {
        // As a drill script does (status --wait-failover-ready): healthy is not enough right after a rejoin, when a
        // sentinel's stale INFO would undo the promotion and `failover` is refused with that reason.
        if (kind == SoakFailoverKind.SentinelFailover)
            await WaitAsync(s => s.Readiness.Ready, _options.HealthyTimeout, $"failover #{number}: ready to fail over");
        LabSnapshot before = _lab.Now;
        string old = before.Consensus.MasterByRoles ?? throw new SoakStopped("no master before the failover");
        var clock = Stopwatch.StartNew();
        switch (kind)
        {
            case SoakFailoverKind.SentinelFailover: await ActAsync(LabActionKind.Failover, null); break;
            case SoakFailoverKind.KillMaster: await ActAsync(LabActionKind.KillMaster, null); break;
            case SoakFailoverKind.PauseMaster: await ActAsync(LabActionKind.Pause, old); break;
        }
        LabSnapshot agreed = await WaitAsync(s => NewMasterAgreed(s, old), _options.AgreeTimeout, $"failover #{number} ({kind}): a new master agreed");
        double agreedSeconds = clock.Elapsed.TotalSeconds;
        string newMaster = agreed.Sentinels.First(x => x.Reachable).MasterNodeName!;
        if (kind == SoakFailoverKind.KillMaster) await ActAsync(LabActionKind.Start, old);
        if (kind == SoakFailoverKind.PauseMaster) await ActAsync(LabActionKind.Resume, old);
        await WaitAsync(s => s.Consensus.Healthy && s.Consensus.MasterByRoles == newMaster
                && s.Node(old) is { Role: NodeRole.Replica, LinkStatus: "up" } n && n.FollowsName == newMaster,
            _options.HealthyTimeout, $"failover #{number} ({kind}): healthy again, {old} a replica of {newMaster}");
        double healthySeconds = clock.Elapsed.TotalSeconds;
        await CheckAgainstRedisAsync($"after failover #{number}");
        CheckEveryoneHeard(before.Version, number);

        var sample = new SoakFailover(number, kind, old, newMaster, agreedSeconds, healthySeconds, ProcessFigures.Read(),
            LeakCounters.Read(_lab.Session), _lab.Now.Timeline.Length);
        _report.Failovers.Add(sample);
        CheckCounters(_report.AtStart!, sample.Counters, $"after failover #{number}");
        _options.Progress($"failover #{number} {kind,-16} {old}→{newMaster}  agreed {agreedSeconds:0.00} s  healthy {healthySeconds:0.00} s  " +
            $"{Describe(sample.Process)}  timeline {sample.TimelineLength}  writer acks {_writer?.Acks} errors {_writer?.Errors}");
    }

    /// <summary>Every reachable sentinel names one new master, none is failing over, and that node says role:master.</summary>
    private static bool NewMasterAgreed(LabSnapshot s, string old)
    {
        SentinelSnapshot[] up = [.. s.Sentinels.Where(x => x.Reachable)];
        if (up.Length == 0 || up[0].MasterNodeName is not { } m || m == old) return false;
        return up.All(x => x.MasterNodeName == m && !x.FailoverInProgress) && s.Node(m) is { Reachable: true, Role: NodeRole.Master };
    }

    /// <summary>A sentinel's events reach the timeline only through the monitor's subscription: a failover all of them announce shows each still subscribed.</summary>
    private void CheckEveryoneHeard(long sinceVersion, int number)
    {
        LabSnapshot s = _lab.Now;
        FailoverRecord? record = s.Failovers.LastOrDefault();
        if (record is null) return;
        HashSet<string> heard = [.. s.Timeline.Where(t => t.Source == TimelineSource.Sentinel && t.At >= record.StartedAt).SelectMany(t => t.SeenBy)];
        foreach (SentinelDefinition x in _lab.Lab.Sentinels)
            if (!heard.Contains(x.Name)) _report.Failures.Add($"failover #{number}: no event from {x.Name} reached the timeline (its subscription is lost)");
    }

    private async Task BounceSentinelAsync(SentinelDefinition sentinel)
    {
        var clock = Stopwatch.StartNew();
        await ActAsync(LabActionKind.Stop, sentinel.Name);
        await ActAsync(LabActionKind.Start, sentinel.Name);
        await WaitAsync(s => s.Consensus.Healthy, _options.HealthyTimeout, $"healthy after {sentinel.Name} stopped and started");
        _report.SentinelBounceSeconds.Add(clock.Elapsed.TotalSeconds);
        await CheckAgainstRedisAsync($"after {sentinel.Name} stopped and started");
        await ProbeSubscriptionAsync(sentinel, $"after {sentinel.Name} stopped and started");
    }

    /// <summary>
    /// Restarts the replica and each sentinel in turn, waiting for a healthy lab after each: the app's connection
    /// objects, subscriptions and handlers must be as many afterwards as before, and every subscription alive.
    /// </summary>
    private async Task ChurnAsync()
    {
        if (_options.Restarts == 0) return;
        await Task.Delay(TimeSpan.FromSeconds(1));
        _report.BeforeChurn = LeakCounters.Read(_lab.Session);
        _report.ProcessBeforeChurn = ProcessFigures.Read();
        for (int i = 0; i < _options.Restarts; i++)
        {
            LabSnapshot s = _lab.Now;
            string target = (i % (1 + _lab.Lab.Sentinels.Length)) switch
            {
                0 => s.Nodes.First(n => n.Name != s.Consensus.MasterByRoles).Name,
                int k => _lab.Lab.Sentinels[k - 1].Name,
            };
            var clock = Stopwatch.StartNew();
            await ActAsync(LabActionKind.Restart, target);
            await WaitAsync(x => x.Consensus.Healthy && x.ProcessOf(target)?.State == ProcessState.Running,
                _options.HealthyTimeout, $"restart #{i + 1}: healthy after {target} restarted");
            _report.RestartSeconds.Add(clock.Elapsed.TotalSeconds);
        }
        foreach (SentinelDefinition x in _lab.Lab.Sentinels) await ProbeSubscriptionAsync(x, "after the restarts");
        await CheckAgainstRedisAsync("after the restarts");
        await Task.Delay(TimeSpan.FromSeconds(1)); // a reconnect under way settles
        _report.AfterChurn = LeakCounters.Read(_lab.Session);
        _report.ProcessAfterChurn = ProcessFigures.Read();
        CheckCounters(_report.BeforeChurn, _report.AfterChurn, $"after {_options.Restarts} restarts");
        if (_report.ProcessAfterChurn.Sockets > _report.ProcessBeforeChurn.Sockets + 2)
            _report.Failures.Add($"sockets {_report.ProcessBeforeChurn.Sockets} → {_report.ProcessAfterChurn.Sockets} over {_options.Restarts} restarts");
        _options.Progress($"{_options.Restarts} restarts: {Describe(_report.ProcessBeforeChurn)} → {Describe(_report.ProcessAfterChurn)}; {_report.AfterChurn}");
    }

    /// <summary>
    /// SENTINEL SET makes that sentinel (only) publish +set: it must reach the timeline. parallel-syncs changes
    /// nothing with one replica, and a new value each time keeps the entry from folding into an earlier probe's.
    /// </summary>
    private async Task ProbeSubscriptionAsync(SentinelDefinition sentinel, string when)
    {
        string value = (2 + _probes++).ToString();
        try
        {
            await _truth.Server(sentinel).ExecuteAsync("SENTINEL", "SET", _lab.Lab.MasterName, "parallel-syncs", value).WaitAsync(TimeSpan.FromSeconds(2));
            await WaitAsync(s => s.Timeline.Any(t => t.Name == "+set" && t.Text.EndsWith($"parallel-syncs {value}", StringComparison.Ordinal) && t.SeenBy.Contains(sentinel.Name)),
                TimeSpan.FromSeconds(5), $"{sentinel.Name}'s +set on the timeline");
        }
        catch (Exception e) when (e is TimeoutException or RedisException)
        {
            _report.Failures.Add($"{when}: {sentinel.Name}'s events no longer reach the timeline ({e.Message.Split('.')[0]})");
        }
    }

    private void CheckCounters(LeakCounters before, LeakCounters after, string when)
    {
        if (after.LiveMultiplexers > before.LiveMultiplexers || after.Connections > before.Connections || after.Subscriptions > before.Subscriptions
            || after.ChangedHandlers > before.ChangedHandlers || after.Watchers > before.Watchers || after.RestoredHandlers > before.RestoredHandlers)
            _report.Failures.Add($"{when}: grew from [{before}] to [{after}]");
    }

    private async Task CheckAgainstRedisAsync(string when)
    {
        IReadOnlyList<string> differences = await _truth.DifferencesAsync(() => _lab.Now, TimeSpan.FromSeconds(3));
        foreach (string d in differences) _report.Failures.Add($"{when}: {d}");
    }

    private async Task ActAsync(LabActionKind kind, string? target)
    {
        LabActionResult result;
        try { result = await _lab.Session.Actions.RunAsync(kind, target).WaitAsync(TimeSpan.FromSeconds(30)); }
        catch (Exception e)
        {
            _report.ActionExceptions.Add($"{kind} {target}: {e.GetType().Name}: {e.Message}");
            throw new SoakStopped($"{kind} {target} threw {e.GetType().Name}");
        }
        if (!result.Ok) throw new SoakStopped($"{kind} {target} refused: {result.Message}");
    }

    private async Task<LabSnapshot> WaitAsync(Func<LabSnapshot, bool> condition, TimeSpan timeout, string what) =>
        await _lab.WaitForAsync(s =>
        {
            if (s.Timeline.Length > _report.TimelineMax) _report.TimelineMax = s.Timeline.Length;
            return condition(s);
        }, timeout, what);

    private static string Describe(ProcessFigures p) => $"RSS {ProcessFigures.Mb(p.RssBytes)} heap {ProcessFigures.Mb(p.ManagedHeapBytes)} threads {p.Threads} sockets {p.Sockets}";

    /// <summary>The soak cannot go on (an action refused or threw); reported as a failure.</summary>
    private sealed class SoakStopped(string message) : Exception(message);
}
