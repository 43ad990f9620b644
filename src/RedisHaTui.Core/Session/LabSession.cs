using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.Sources;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Session;

/// <summary>
/// A lab opened by this app, standing on a topology source: a lab it owns (it starts the processes and stops
/// them when disposed) or a lab started elsewhere (--no-start: it only watches, tailing the log files it finds).
/// The store, the monitor and the actions are the same for both; what differs is the source's answer to
/// "may I act here", kept in every snapshot's availability.
/// </summary>
public sealed class LabSession : ILabSession
{
    private readonly ProcessConnections _connections;
    private readonly LabMonitor _monitor;
    private readonly ITopologySource _source;
    private readonly LabLauncher? _launcher;
    private readonly CancellationTokenSource _closing = new();
    private ControlServer? _control;
    private int _disposed;

    private LabSession(ITopologySource source, LabLauncher? launcher, TimeProvider? time)
    {
        _source = source;
        _launcher = launcher;
        Store = new LabStore(LabSnapshot.Initial(Lab), time, s => ActionRules.Evaluate(s, source.Lab, source.Policy));
        _connections = new ProcessConnections(Lab);
        _monitor = new LabMonitor(() => source.Lab, Store, _connections, inferProcessStates: !source.ReportsProcessStates, control: source.Control,
            logs: LogOrNone);
        Actions = new LabActions(source, Store, _connections);
        Network = new NetworkActions(Lab, Store, (source as OwnedLab)?.Relay, deployment: source is DeploymentSource);
        source.ProcessStatusChanged += _monitor.OnProcessStatus;
        if (source is OwnedLab owned) owned.Supervisor.CurrentMaster = () => ActionRules.CurrentMaster(Store.Current);
        // A deployment grows or shrinks: the snapshot takes the new set at once, the timeline says what changed.
        source.TopologyChanged += change =>
        {
            Store.Update(s => Timeline.Add(s.Reshape(source.Lab), TimelineKind.Topology, change, Store.Time.GetUtcNow(), Lab.Ui.TimelineLines));
            _monitor.PollNow();
        };
        source.Open(_connections);
        _monitor.Start();
    }

    /// <summary>The processes as the source knows them now (a deployment's can change).</summary>
    public LabDefinition Lab => _source.Lab;
    public LabStore Store { get; }
    public ILabActions Actions { get; }

    /// <summary>Partition and heal (refused with the reason where this session cannot cut).</summary>
    public NetworkActions Network { get; }
    public bool OwnsProcesses => _source.Control is not null;

    public ActionPolicy Policy => _source.Policy;
    public LabMonitor Monitor => _monitor;

    /// <summary>The one connection per process that the monitor and the actions share.</summary>
    public ProcessConnections Connections => _connections;

    /// <summary>The processes this app started, when it owns the lab.</summary>
    public Supervisor? Supervisor => (_source as OwnedLab)?.Supervisor;

    /// <summary>
    /// Takes the lab's ownership, checks the machine (binaries, run directory, leftovers, ports) and prepares the
    /// processes without starting them: call <see cref="StartLabAsync"/> next. Throws <see cref="LabLoadException"/>
    /// before anything runs, also when another live app owns the lab.
    /// </summary>
    public static async Task<LabSession> OpenAsync(LabDefinition lab, Action<string>? progress = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        var launcher = new LabLauncher(lab, progress, time);
        // First of all: what the preflight stops as leftovers must belong to no living app.
        LabOwnership ownership = LabOwnership.Take(lab, time);
        try
        {
            RedisBinaries binaries = await launcher.PreflightAsync(ct: ct);
            // Listening before any process starts: the first replica connects through it.
            NetworkRelay? relay = lab.Network.Partitions ? NetworkRelay.Open(lab) : null;
            var session = new LabSession(new OwnedLab(lab, binaries, ownership, time, relay), launcher, time);
            try
            {
                // Other terminals reach the relay through the owner: `partition`, `heal`, `load --client`.
                if (relay is not null) session._control = ControlServer.Open(lab, session.Network);
            }
            catch
            {
                await session.DisposeAsync();
                throw;
            }
            return session;
        }
        catch
        {
            ownership.Dispose();
            throw;
        }
    }

    /// <summary>Watches a Sentinel deployment found through its sentinels; throws <see cref="LabLoadException"/> naming why it cannot.</summary>
    public static async Task<LabSession> AttachToDeploymentAsync(DeploymentOptions options, TimeProvider? time = null, CancellationToken ct = default) =>
        new(await DeploymentSource.DiscoverAsync(options, time, ct), null, time);

    /// <summary>Watches a running lab without owning it.</summary>
    public static LabSession Attach(LabDefinition lab, TimeProvider? time = null) => new(new ExternalLab(lab, time), null, time);

    /// <summary>Starts the lab in order and returns once it is healthy; on failure everything started is stopped.</summary>
    public async Task StartLabAsync(CancellationToken ct = default)
    {
        if (_launcher is null || Supervisor is null) throw new InvalidOperationException("an attached session starts nothing");
        using var stopOnClose = CancellationTokenSource.CreateLinkedTokenSource(ct, _closing.Token);
        await _launcher.StartAsync(Supervisor, Store, _monitor, _connections, stopOnClose.Token);
    }

    /// <summary>
    /// Empties the run directory's process folders (data of an earlier run included), writes the working configs
    /// and starts nothing: a walkthrough's first step is the student's (a key in the app, or start.sh by hand on
    /// the same working copy).
    /// </summary>
    public void PrepareLab()
    {
        if (_launcher is null || Supervisor is null) throw new InvalidOperationException("an attached session prepares nothing");
        _launcher.Prepare(Supervisor);
    }

    public LogRing Log(string processName) => _source.Log(processName);

    /// <summary>A process's log ring, or null for a name the source has none for (a topology that changed).</summary>
    private LogRing? LogOrNone(string processName)
    {
        try { return _source.Log(processName); }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException) { return null; }
    }

    public string LogSource(string processName) => _source.LogSource(processName);

    /// <summary>From now on the start's progress ("replicas linked; starting sentinel1…") goes to the timeline.</summary>
    public void ReportProgressOnTimeline()
    {
        if (_launcher is not null) _launcher.Progress = text => Report(TimelineKind.Start, text);
    }

    /// <summary>Puts a problem the person must see (a failed start) on the timeline.</summary>
    public void ReportProblem(string text) => Report(TimelineKind.Error, text);

    private void Report(TimelineKind kind, string text) =>
        Store.Update(s => Timeline.Add(s, kind, text, Store.Time.GetUtcNow(), Lab.Ui.TimelineLines));

    /// <summary>For crash paths that cannot await: every process started by this app gets SIGKILL now.</summary>
    public void KillAllNow() => Supervisor?.KillAllNow();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _closing.Cancel(); // a lab start still under way stops where it is
        if (_control is not null) await _control.DisposeAsync();
        await _monitor.DisposeAsync();
        await _source.DisposeAsync();
        await _connections.DisposeAsync();
    }
}
