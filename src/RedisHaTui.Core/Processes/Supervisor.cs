using System.Collections.Immutable;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Processes;

/// <summary>
/// Owns the processes this app started: start, graceful stop, kill, pause, resume and restart each one,
/// and stop them all on every way the app ends. Redis never outlives the app that started it; a process started by
/// hand on the lab (taken in by its pid) is acted on when asked, and left running when the app ends.
/// </summary>
public sealed class Supervisor : IProcessControl, IAsyncDisposable
{
    private readonly LabDefinition _lab;
    private readonly ImmutableDictionary<string, ManagedProcess> _processes;
    private int _disposed;

    public Supervisor(LabDefinition lab, RunDirectory run, RedisBinaries binaries, TimeProvider? time = null)
    {
        _lab = lab;
        Binaries = binaries;
        _processes = lab.Processes.ToImmutableDictionary(
            p => p.Name, p => new ManagedProcess(p, run, binaries, lab.Monitor.LogLines, time, lab.Security), StringComparer.OrdinalIgnoreCase);
        foreach (ManagedProcess p in _processes.Values) p.StatusChanged += (process, status) => StatusChanged?.Invoke(process, status);
    }

    public RedisBinaries Binaries { get; }

    /// <summary>A process changed state (started, paused, exited...). Raised on the thread that saw it.</summary>
    public event Action<ManagedProcess, ProcessStatus>? StatusChanged;

    public IEnumerable<ManagedProcess> Processes => _lab.Processes.Select(p => _processes[p.Name]);

    public ManagedProcess this[string name] => _processes.TryGetValue(name, out ManagedProcess? p)
        ? p : throw new ArgumentException($"no process named '{name}' in this lab");

    public bool Contains(string name) => _processes.ContainsKey(name);

    private TimeSpan Grace => TimeSpan.FromMilliseconds(_lab.Monitor.StopTimeoutMilliseconds);

    public Task<bool> StartAsync(string name) => this[name].StartAsync();
    public Task StopAsync(string name) => this[name].StopAsync(Grace);
    public bool Kill(string name) => this[name].Kill();
    public bool Pause(string name) => this[name].Pause();
    public bool Resume(string name) => this[name].Resume();
    public void TakeInStartedByHand(string name, int pid) => this[name].TakeInStartedByHand(pid);
    public void StartedByHandGone(string name, int pid) => this[name].StartedByHandGone(pid);

    /// <summary>The processes started by hand that answer now: left running when the app ends.</summary>
    public IEnumerable<ManagedProcess> StartedByHand => Processes.Where(p => p.Status.StartedByHand);

    public async Task<bool> RestartAsync(string name)
    {
        ManagedProcess p = this[name];
        await p.StopAsync(Grace);
        p.Note("restarting");
        return await p.StartAsync();
    }

    /// <summary>Which node is master now (by the snapshot's roles); the initial master when nobody says.</summary>
    public Func<string?>? CurrentMaster { get; set; }

    /// <summary>
    /// Stops everything: sentinels first, so they don't fail over while the data nodes go down, then the
    /// replicas, then the master they follow — by current roles, not by lab.json's initial ones. Only what this app
    /// started: processes started by hand keep running (`down` stops them).
    /// </summary>
    public async Task StopAllAsync()
    {
        foreach (IReadOnlyList<string> group in StopOrder.Groups(_lab, CurrentMaster?.Invoke()))
            await Task.WhenAll(group.Where(name => !this[name].Status.StartedByHand).Select(name => this[name].StopAsync(Grace)));
    }

    /// <summary>For the paths where nothing can be awaited (an unhandled exception): SIGKILL every process now.</summary>
    public void KillAllNow()
    {
        foreach (ManagedProcess p in _processes.Values) p.KillNow();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await StopAllAsync();
        foreach (ManagedProcess p in _processes.Values) await p.DisposeAsync();
    }
}
