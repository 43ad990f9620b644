using System.Net.Sockets;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// Brings a lab up all or nothing: checks the machine first (binaries, run directory, leftovers, busy ports),
/// then starts the data nodes, waits for every replica to link, and only then starts the sentinels — the
/// order measured to be ready in about 2 s instead of 5-10 s. Any failure stops what was started.
/// </summary>
public sealed class LabLauncher(LabDefinition lab, Action<string>? progress = null)
{
    /// <summary>Where "starting node1, node2…" goes: stderr before a screen exists, its timeline once it does.</summary>
    public Action<string>? Progress { get; set; } = progress;

    private readonly RunDirectory _run = new(lab);

    /// <summary>
    /// Everything that can be checked before starting anything. Leftovers of a SIGKILLed run are stopped
    /// (only reported when <paramref name="checkOnly"/>). Throws <see cref="LabLoadException"/>.
    /// </summary>
    public async Task<RedisBinaries> PreflightAsync(bool checkOnly = false, CancellationToken ct = default)
    {
        _run.EnsureWritable();
        RedisBinaries binaries = await RedisBinaries.LocateAsync(lab, Progress, ct);
        HashSet<string> leftovers = await StopLeftoversAsync(checkOnly);
        var problems = new List<string>();
        foreach (ProcessDefinition p in lab.Processes)
        {
            if (leftovers.Contains(p.Name) || PortOwner.IsFree(p.Port)) continue;
            PortOwner.Owner? owner = PortOwner.Find(p.Port);
            problems.Add(owner switch
            {
                { IsRedis: true } => $"port {p.Port} ({p.Name}) is held by {owner}, not started by redis-ha-tui: a lab started by hand (start.sh) or another app. Attach to it with --no-start, or stop it with `redis-ha-tui down`.",
                not null => $"port {p.Port} ({p.Name}) is in use by {owner}. Stop it, or shift the lab with --port-offset N.",
                null => $"port {p.Port} ({p.Name}) is in use by another process. Stop it, or shift the lab with --port-offset N.",
            });
        }
        if (problems.Count > 0) throw new LabLoadException(problems);
        return binaries;
    }

    /// <summary>A previous run that was SIGKILLed left its processes running: their pid files say which.</summary>
    private async Task<HashSet<string>> StopLeftoversAsync(bool checkOnly)
    {
        var found = new HashSet<string>();
        foreach (ProcessDefinition p in lab.Processes)
        {
            if (ExternalProcess.ReadPidFile(_run.PidPath(p)) is not { } pid) continue;
            if (checkOnly)
            {
                if (ExternalProcess.IsRedisOnPort(pid, p.Port))
                {
                    Progress?.Invoke($"{p.Name}: pid {pid} was left running by an earlier run; the next start stops it");
                    found.Add(p.Name);
                }
                continue;
            }
            if (ExternalProcess.IsRedisOnPort(pid, p.Port))
            {
                Progress?.Invoke($"{p.Name}: stopping pid {pid} left running by an earlier run");
                if (!await ExternalProcess.StopAsync(p, pid, TimeSpan.FromMilliseconds(lab.Monitor.StopTimeoutMilliseconds)))
                    throw new LabLoadException($"{p.Name}: pid {pid} left by an earlier run does not stop.");
            }
            File.Delete(_run.PidPath(p));
        }
        return found;
    }

    /// <summary>Writes fresh configs and starts the lab in order; returns once it is healthy.</summary>
    public async Task StartAsync(Supervisor supervisor, CancellationToken ct = default)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(lab.Monitor.ReadyTimeoutSeconds);
        try
        {
            _run.WriteConfigs(supervisor.Binaries.Version);
            await using var connections = new ProcessConnections(lab);
            var reader = new LabReader(lab, connections);
            Progress?.Invoke($"starting {string.Join(", ", lab.Nodes.Select(n => n.Name))}");
            await StartAllAsync(supervisor, lab.Nodes, deadline, ct);
            await WaitAsync("replicas linked", supervisor, deadline, ct, async () =>
            {
                NodeSnapshot[] nodes = await Task.WhenAll(lab.Nodes.Select(n => reader.ReadNodeAsync(n, NodeSnapshot.Initial(n), DateTimeOffset.UtcNow)));
                string[] waiting = [.. nodes.Where((n, i) => !n.Reachable || (lab.Nodes[i].ReplicaOf is not null && (n.Role != NodeRole.Replica || n.LinkStatus != "up"))).Select(n => n.Name)];
                return waiting.Length == 0 ? null : $"waiting for {string.Join(", ", waiting)} to link";
            });
            Progress?.Invoke($"replicas linked; starting {string.Join(", ", lab.Sentinels.Select(s => s.Name))}");
            await StartAllAsync(supervisor, lab.Sentinels, deadline, ct);
            await WaitAsync("sentinels agree", supervisor, deadline, ct, async () =>
            {
                LabSnapshot s = await ReadAsync(lab, reader, LabSnapshot.Initial(lab));
                return s.Consensus.Healthy ? null : string.Join("; ", s.Consensus.Problems);
            });
        }
        catch
        {
            Progress?.Invoke("start failed: stopping what was started");
            await supervisor.StopAllAsync();
            throw;
        }
    }

    /// <summary>One read of every process of the lab, with the lab-wide verdict.</summary>
    public static async Task<LabSnapshot> ReadAsync(LabDefinition lab, LabReader reader, LabSnapshot previous, bool checkQuorum = true)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        Task<NodeSnapshot>[] nodes = [.. lab.Nodes.Select((n, i) => reader.ReadNodeAsync(n, previous.Nodes[i], now))];
        Task<SentinelSnapshot>[] sentinels = [.. lab.Sentinels.Select((x, i) => reader.ReadSentinelAsync(x, previous.Sentinels[i], now, checkQuorum))];
        return LabHealth.Evaluate(previous with { Nodes = [.. await Task.WhenAll(nodes)], Sentinels = [.. await Task.WhenAll(sentinels)] });
    }

    private async Task StartAllAsync(Supervisor supervisor, IEnumerable<ProcessDefinition> processes, DateTimeOffset deadline, CancellationToken ct)
    {
        ProcessDefinition[] list = [.. processes];
        bool[] started = await Task.WhenAll(list.Select(p => supervisor.StartAsync(p.Name)));
        for (int i = 0; i < list.Length; i++)
            if (!started[i]) throw Failure(supervisor, list[i].Name, "did not start");
        // Wait for the ports to accept connections, so the first Redis conversation does not hit a closed port.
        await WaitAsync("ports open", supervisor, deadline, ct, async () =>
        {
            foreach (ProcessDefinition p in list)
                if (!await AcceptsAsync(p.Port)) return $"waiting for {p.Name} to listen on {p.Port}";
            return null;
        });
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try { await client.ConnectAsync(LabDefinition.Host, port); return true; }
        catch (SocketException) { return false; }
    }

    /// <summary>Polls a condition every 50 ms until it holds; fails at once when a process dies, or at the deadline.</summary>
    private async Task WaitAsync(string what, Supervisor supervisor, DateTimeOffset deadline, CancellationToken ct, Func<Task<string?>> pending)
    {
        string? last = null;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            ManagedProcess? dead = supervisor.Processes.FirstOrDefault(p => p.Status.State == ProcessState.Exited);
            if (dead is not null) throw Failure(supervisor, dead.Name, $"exited during start ({dead.Status})");
            if ((last = await pending()) is null) return;
            if (DateTimeOffset.UtcNow > deadline)
                throw new LabLoadException($"lab not ready after {lab.Monitor.ReadyTimeoutSeconds} s ({what}): {last}. Logs: {LabLoader.Relative(_run.Root)}");
            await Task.Delay(50, ct);
        }
    }

    private LabLoadException Failure(Supervisor supervisor, string name, string what)
    {
        IReadOnlyList<string> tail = supervisor[name].Log.Tail(8);
        return new LabLoadException($"{name} {what}. Its last lines ({LabLoader.Relative(_run.LogPath(supervisor[name].Definition))}):\n  " + string.Join("\n  ", tail));
    }
}
