using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Session;

/// <summary>
/// A lab opened by this app: either owned (this app starts the processes and stops them when disposed)
/// or attached (--no-start: it only watches a lab someone else started, tailing the log files it finds).
/// </summary>
public sealed class LabSession : ILabSession
{
    private readonly ProcessConnections _connections;
    private readonly LabMonitor _monitor;
    private readonly Dictionary<string, LogFileTail> _tails = new(StringComparer.OrdinalIgnoreCase);
    private readonly RunDirectory _run;
    private int _disposed;

    private LabSession(LabDefinition lab, Supervisor? supervisor, TimeProvider? time)
    {
        Lab = lab;
        Supervisor = supervisor;
        _run = new RunDirectory(lab);
        Store = new LabStore(LabSnapshot.Initial(lab), time);
        _connections = new ProcessConnections(lab);
        _monitor = new LabMonitor(lab, Store, _connections, attached: supervisor is null, time);
        Actions = new LabActions(lab, Store, _connections, supervisor, time);
        if (supervisor is not null)
            supervisor.StatusChanged += (p, status) => _monitor.OnProcessStatus(p.Name, status);
        else
            foreach (ProcessDefinition p in lab.Processes)
                _tails[p.Name] = new LogFileTail(_run.LogPath(p), lab.Monitor.LogLines);
    }

    public LabDefinition Lab { get; }
    public LabStore Store { get; }
    public ILabActions Actions { get; }
    public Supervisor? Supervisor { get; }
    public bool OwnsProcesses => Supervisor is not null;
    public LabMonitor Monitor => _monitor;

    /// <summary>
    /// Checks the machine (binaries, run directory, leftovers, ports) and prepares the processes without
    /// starting them: call <see cref="StartLabAsync"/> next. Throws <see cref="LabLoadException"/> before
    /// anything runs.
    /// </summary>
    public static async Task<LabSession> OpenAsync(LabDefinition lab, Action<string>? progress = null, TimeProvider? time = null, CancellationToken ct = default)
    {
        var launcher = new LabLauncher(lab, progress);
        var binaries = await launcher.PreflightAsync(ct: ct);
        var session = new LabSession(lab, new Supervisor(lab, new RunDirectory(lab), binaries, time), time);
        session._launcher = launcher;
        session._monitor.Start();
        return session;
    }

    private LabLauncher? _launcher;

    private readonly CancellationTokenSource _closing = new();

    /// <summary>Starts the lab in order and returns once it is healthy; on failure everything started is stopped.</summary>
    public async Task StartLabAsync(CancellationToken ct = default)
    {
        if (_launcher is null || Supervisor is null) throw new InvalidOperationException("an attached session starts nothing");
        using var stopOnClose = CancellationTokenSource.CreateLinkedTokenSource(ct, _closing.Token);
        await _launcher.StartAsync(Supervisor, stopOnClose.Token);
    }

    /// <summary>Watches a running lab without owning it.</summary>
    public static LabSession Attach(LabDefinition lab, TimeProvider? time = null)
    {
        var session = new LabSession(lab, null, time);
        foreach (LogFileTail tail in session._tails.Values) tail.Start();
        session._monitor.Start();
        return session;
    }

    public LogRing Log(string processName) =>
        Supervisor is not null ? Supervisor[processName].Log : _tails[processName].Ring;

    public string LogSource(string processName)
    {
        ProcessDefinition p = Lab.Find(processName) ?? throw new ArgumentException(processName);
        if (Supervisor is not null) return "live output";
        return File.Exists(_run.LogPath(p))
            ? $"tail of {LabLoader.Relative(_run.LogPath(p))}"
            : $"no log file at {LabLoader.Relative(_run.LogPath(p))}: started elsewhere, its log is in its own terminal";
    }

    /// <summary>From now on the start's progress ("replicas linked; starting sentinel1…") goes to the timeline.</summary>
    public void ReportProgressOnTimeline()
    {
        if (_launcher is not null)
            _launcher.Progress = text => Store.Update(s => Timeline.Add(s, TimelineSource.App, "start", text, DateTimeOffset.UtcNow, Lab.Ui.TimelineLines));
    }

    /// <summary>Puts a problem the person must see (a failed start) on the timeline.</summary>
    public void ReportProblem(string text) =>
        Store.Update(s => Timeline.Add(s, TimelineSource.App, "error", text, DateTimeOffset.UtcNow, Lab.Ui.TimelineLines));

    /// <summary>For crash paths that cannot await: every process started by this app gets SIGKILL now.</summary>
    public void KillAllNow() => Supervisor?.KillAllNow();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _closing.Cancel(); // a lab start still under way stops where it is
        await _monitor.DisposeAsync();
        if (Supervisor is not null) await Supervisor.DisposeAsync();
        foreach (LogFileTail tail in _tails.Values) await tail.DisposeAsync();
        await _connections.DisposeAsync();
    }
}
