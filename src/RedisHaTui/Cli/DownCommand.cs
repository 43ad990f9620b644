using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Cli;

/// <summary>`down`: stops every process of the lab, whoever started it (only Redis found at the lab's own endpoints).</summary>
public static class DownCommand
{
    /// <param name="time">The clock the one read of the nodes is stamped with.</param>
    public static async Task<int> RunAsync(LabDefinition lab, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var run = new RunDirectory(lab);
        var grace = TimeSpan.FromMilliseconds(lab.Monitor.StopTimeoutMilliseconds);
        int left = 0;
        // Sentinels first, so they do not fail over while the data nodes go down; the master they follow now last.
        foreach (IReadOnlyList<string> group in StopOrder.Groups(lab, await CurrentMasterAsync(lab, time)))
        foreach (ProcessDefinition p in group.Select(name => lab.Find(name)!))
        {
            if (ExternalProcess.FindRedis(p, run) is { } pid)
            {
                bool gone = await ExternalProcess.StopAsync(p, pid, grace, lab.Security);
                Console.WriteLine(gone ? $"{p.Name}: stopped (pid {pid})" : $"{p.Name}: pid {pid} does not stop");
                if (gone) TryDelete(run.PidPath(p)); else left++;
            }
            else if (!PortOwner.IsFree(p.Endpoint))
            {
                Console.WriteLine($"{p.Name}: {p.Endpoint} is held by {PortOwner.Find(p.Endpoint)?.ToString() ?? "a process this user cannot see"}, not Redis: left alone");
                left++;
            }
            else Console.WriteLine($"{p.Name}: not running");
        }
        return left == 0 ? ExitCodes.Ok : ExitCodes.NotHealthy;
    }

    /// <summary>Which node says role:master right now (one read of each node); null when none or several do.</summary>
    private static async Task<string?> CurrentMasterAsync(LabDefinition lab, TimeProvider time)
    {
        await using var connections = new ProcessConnections(lab);
        var reader = new LabReader(lab, connections);
        NodeSnapshot[] nodes = await Task.WhenAll(lab.Nodes.Select(n => reader.ReadNodeAsync(n, NodeSnapshot.Initial(n), time.GetUtcNow())));
        string[] masters = [.. nodes.Where(n => n.Reachable && n.Role == NodeRole.Master).Select(n => n.Name)];
        return masters.Length == 1 ? masters[0] : null;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }
}
