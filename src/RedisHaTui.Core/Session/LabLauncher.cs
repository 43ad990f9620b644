using System.Net.Sockets;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Core.Session;

/// <summary>
/// Brings a lab up all or nothing: checks the machine first (binaries, run directory, leftovers, busy ports),
/// then starts the data nodes, waits for every replica to link, and only then starts the sentinels — the
/// order measured to be ready in about 2 s instead of 5-10 s. Readiness is read from the session's store (the
/// monitor is the one reader of the lab); any failure stops what was started.
/// </summary>
public sealed class LabLauncher(LabDefinition lab, Action<string>? progress = null, TimeProvider? time = null)
{
    /// <summary>How often the monitor reads the lab while a start waits on it.</summary>
    private static readonly TimeSpan StartPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>How long a start waits, once healthy, for a sentinel to be able to promote a replica (usually milliseconds).</summary>
    private static readonly TimeSpan ReadinessGrace = TimeSpan.FromSeconds(5);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Where "starting node1, node2…" goes: stderr before a screen exists, its timeline once it does.</summary>
    public Action<string>? Progress { get; set; } = progress;

    private readonly RunDirectory _run = new(lab);

    /// <summary>
    /// Everything that can be checked before starting anything. Leftovers of a SIGKILLed run are stopped (only
    /// reported when <paramref name="checkOnly"/>): a start calls this once it owns the lab (<see cref="LabOwnership"/>),
    /// so whatever the pid files name belongs to no living app. Throws <see cref="LabLoadException"/>.
    /// </summary>
    public async Task<RedisBinaries> PreflightAsync(bool checkOnly = false, CancellationToken ct = default)
    {
        _run.EnsureWritable();
        LabOwner? labOwner = checkOnly ? LabOwnership.LiveOwner(lab) : null;
        if (labOwner is not null)
            Progress?.Invoke($"running: owned by pid {labOwner.Pid}; a second start is refused (attach with --no-start, or --port-offset N for another lab)");
        RedisBinaries binaries = await RedisBinaries.LocateAsync(lab, Progress, ct);
        HashSet<string> leftovers = await StopLeftoversAsync(checkOnly, labOwner);
        var problems = new List<string>();
        foreach (ProcessDefinition p in lab.Processes)
        {
            if (leftovers.Contains(p.Name) || PortOwner.IsFree(p.Endpoint)) continue;
            PortOwner.Owner? owner = PortOwner.Find(p.Endpoint);
            problems.Add(owner switch
            {
                { IsRedis: true } => $"{p.Endpoint} ({p.Name}) is held by {owner}, not started by redis-ha-tui: a lab started by hand (start.sh) or another app. Attach to it with --no-start, or stop it with `{ShellForms.ThisMachine.Verb(lab, "down")}`.",
                not null => $"{p.Endpoint} ({p.Name}) is in use by {owner}. Stop it, or shift the lab with --port-offset N.",
                null => $"{p.Endpoint} ({p.Name}) is in use by another process. Stop it, or shift the lab with --port-offset N.",
            });
        }
        // bind-source-addr, which tells the relay who connects, came with Redis 7.0.
        if (lab.Network.Partitions && binaries.Version < new Version(7, 0))
            problems.Add($"Lab:Network:Partitions needs Redis 7.0 or newer (bind-source-addr); {binaries.ServerPath} is {binaries.Version}. Run without --Lab:Network:Partitions, or point Redis:ServerPath at a newer one.");
        if (problems.Count > 0) throw new LabLoadException(problems);
        return binaries;
    }

    /// <summary>
    /// A previous run that was SIGKILLed left its processes running: their pid files say which. With a live
    /// <paramref name="owner"/> (only ever seen by a check) they are that app's, not leftovers.
    /// </summary>
    private async Task<HashSet<string>> StopLeftoversAsync(bool checkOnly, LabOwner? owner)
    {
        var found = new HashSet<string>();
        foreach (ProcessDefinition p in lab.Processes)
        {
            if (ExternalProcess.ReadPidFile(_run.PidPath(p)) is not { } pid) continue;
            if (checkOnly)
            {
                if (ExternalProcess.IsRedisOnPort(pid, p.Port))
                {
                    Progress?.Invoke(owner is null
                        ? $"{p.Name}: pid {pid} was left running by an earlier run; the next start stops it"
                        : $"{p.Name}: pid {pid}, started by the owner (pid {owner.Pid})");
                    found.Add(p.Name);
                }
                continue;
            }
            if (ExternalProcess.IsRedisOnPort(pid, p.Port))
            {
                Progress?.Invoke($"{p.Name}: stopping pid {pid} left running by an earlier run");
                if (!await ExternalProcess.StopAsync(p, pid, TimeSpan.FromMilliseconds(lab.Monitor.StopTimeoutMilliseconds), lab.Security, _time))
                    throw new LabLoadException($"{p.Name}: pid {pid} left by an earlier run does not stop.");
            }
            File.Delete(_run.PidPath(p));
        }
        return found;
    }

    /// <summary>
    /// An empty lab with fresh working configs, starting nothing: a guided walkthrough starts each process as a
    /// step. Called after the preflight, which stopped leftovers and found every port free: nothing of the lab runs.
    /// </summary>
    public void Prepare(Supervisor supervisor)
    {
        _run.DeleteProcessFolders();
        _run.WriteConfigs(supervisor.Binaries.Version);
    }

    /// <summary>Writes fresh configs and starts the lab in order; returns once the store says it is healthy.</summary>
    public async Task StartAsync(Supervisor supervisor, LabStore store, LabMonitor monitor, ProcessConnections connections, CancellationToken ct = default)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(lab.Monitor.ReadyTimeoutSeconds), _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        string step = "starting";
        try
        {
            _run.WriteConfigs(supervisor.Binaries.Version);
            using IDisposable hurry = monitor.Hurry(StartPollInterval);
            Progress?.Invoke($"starting {string.Join(", ", lab.Nodes.Select(n => n.Name))}");
            await StartAllAsync(supervisor, connections, lab.Nodes, linked.Token);
            step = "replicas linked";
            await store.WaitForAsync(ReplicasLinked, linked.Token, s => Died(supervisor, s));
            Progress?.Invoke($"replicas linked; starting {string.Join(", ", lab.Sentinels.Select(s => s.Name))}");
            await StartAllAsync(supervisor, connections, lab.Sentinels, linked.Token);
            step = "sentinels agree";
            await store.WaitForAsync(s => s.Consensus.Healthy, linked.Token, s => Died(supervisor, s));
            // Healthy comes as soon as each sentinel lists the replicas; it reads each one's INFO a moment later, and
            // until then SENTINEL FAILOVER answers NOGOODSLAVE. Wait for that too, briefly: a lab whose replicas can
            // never be promoted (replica-priority 0 in its templates) is still started, and says why on screen.
            using var grace = new CancellationTokenSource(ReadinessGrace, _time);
            using var promotable = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, grace.Token);
            try { await store.WaitForAsync(s => s.Readiness.Ready, promotable.Token); }
            catch (OperationCanceledException) when (!linked.IsCancellationRequested) { }
        }
        catch (Exception e)
        {
            bool interrupted = ct.IsCancellationRequested;
            Progress?.Invoke(interrupted ? "start interrupted: stopping what was started" : "start failed: stopping what was started");
            await supervisor.StopAllAsync();
            // Ctrl+C in a terminal reaches the Redis children too (one process group), so the start may have
            // failed on a process that exited: still an interruption, not bad input.
            if (interrupted && e is not OperationCanceledException) throw new OperationCanceledException("start interrupted", e, ct);
            if (e is OperationCanceledException && deadline.IsCancellationRequested && !interrupted)
                throw new LabLoadException($"lab not ready after {lab.Monitor.ReadyTimeoutSeconds} s ({step}): {Waiting(store.Current, step)}. Logs: {LabLoader.Relative(_run.Root)}");
            throw;
        }
    }

    /// <summary>Every node answers, and every node lab.json makes a replica is linked.</summary>
    private bool ReplicasLinked(LabSnapshot s) => lab.Nodes.All(n => NodeReady(s, n));

    private static bool NodeReady(LabSnapshot s, NodeDefinition n) =>
        s.Node(n.Name) is { Reachable: true } node && (n.ReplicaOf is null || node is { Role: NodeRole.Replica, LinkStatus: "up" });

    private string Waiting(LabSnapshot s, string step) => step == "replicas linked"
        ? $"waiting for {string.Join(", ", lab.Nodes.Where(n => !NodeReady(s, n)).Select(n => n.Name))} to link"
        : string.Join("; ", s.Consensus.Problems);

    /// <summary>A process that exits during the start fails it at once, with the end of its log.</summary>
    private LabLoadException? Died(Supervisor supervisor, LabSnapshot s)
    {
        string? dead = lab.Processes.Select(p => p.Name).FirstOrDefault(n => s.ProcessOf(n)?.State == ProcessState.Exited);
        return dead is null ? null : Failure(supervisor, dead, $"exited during start ({s.ProcessOf(dead)})");
    }

    private async Task StartAllAsync(Supervisor supervisor, ProcessConnections connections, IEnumerable<ProcessDefinition> processes, CancellationToken ct)
    {
        ProcessDefinition[] list = [.. processes];
        bool[] started = await Task.WhenAll(list.Select(p => supervisor.StartAsync(p.Name)));
        for (int i = 0; i < list.Length; i++)
            if (!started[i]) throw Failure(supervisor, list[i].Name, "did not start");
        // Wait for the ports to accept connections, then let the monitor connect afresh: a client that tried
        // while the port was closed would otherwise wait for its reconnect backoff.
        foreach (ProcessDefinition p in list)
        {
            while (!await AcceptsAsync(p.Endpoint))
            {
                if (supervisor[p.Name].Status.State == ProcessState.Exited) throw Failure(supervisor, p.Name, $"exited during start ({supervisor[p.Name].Status})");
                await Task.Delay(TimeSpan.FromMilliseconds(20), _time, ct);
            }
            await connections.RenewIfDisconnectedAsync(p);
        }
    }

    private static async Task<bool> AcceptsAsync(Endpoint endpoint)
    {
        using var client = new TcpClient();
        try { await client.ConnectAsync(endpoint.Address, endpoint.Port); return true; }
        catch (SocketException) { return false; }
    }

    private LabLoadException Failure(Supervisor supervisor, string name, string what)
    {
        IReadOnlyList<string> tail = supervisor[name].Log.Tail(8);
        return new LabLoadException($"{name} {what}. Its last lines ({LabLoader.Relative(_run.LogPath(supervisor[name].Definition))}):\n  " + string.Join("\n  ", tail));
    }
}
