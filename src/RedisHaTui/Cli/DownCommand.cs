using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Cli;

/// <summary>`down`: stops every process of the lab, whoever started it (only Redis found on the lab's own ports).</summary>
public static class DownCommand
{
    public static async Task<int> RunAsync(LabDefinition lab)
    {
        var run = new RunDirectory(lab);
        var grace = TimeSpan.FromMilliseconds(lab.Monitor.StopTimeoutMilliseconds);
        // Sentinels first, so they do not fail over while the data nodes go down; the master last.
        IEnumerable<ProcessDefinition> order = lab.Sentinels.Cast<ProcessDefinition>()
            .Concat(lab.Nodes.Where(n => n.ReplicaOf is not null)).Concat(lab.Nodes.Where(n => n.ReplicaOf is null));
        int left = 0;
        foreach (ProcessDefinition p in order)
        {
            if (ExternalProcess.FindRedis(p, run) is { } pid)
            {
                bool gone = await ExternalProcess.StopAsync(p, pid, grace);
                Console.WriteLine(gone ? $"{p.Name}: stopped (pid {pid})" : $"{p.Name}: pid {pid} does not stop");
                if (gone) TryDelete(run.PidPath(p)); else left++;
            }
            else if (!PortOwner.IsFree(p.Port))
            {
                Console.WriteLine($"{p.Name}: port {p.Port} is held by {PortOwner.Find(p.Port)?.ToString() ?? "a process this user cannot see"}, not Redis: left alone");
                left++;
            }
            else Console.WriteLine($"{p.Name}: not running");
        }
        return left == 0 ? ExitCodes.Ok : ExitCodes.NotHealthy;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }
}
