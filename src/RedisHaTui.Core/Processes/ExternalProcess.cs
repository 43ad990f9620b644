using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Processes;

/// <summary>
/// A lab process this app did not start (a leftover of a SIGKILLed run, or start.sh by hand), found by its
/// pid file or by the port it listens on, and stopped only after checking it really is Redis on that port.
/// </summary>
public static class ExternalProcess
{
    /// <summary>The redis process listening on the lab port, if any: from the pid file first, else from /proc.</summary>
    public static int? FindRedis(ProcessDefinition p, RunDirectory run)
    {
        if (ReadPidFile(run.PidPath(p)) is { } pid && IsRedisOnPort(pid, p.Port)) return pid;
        return PortOwner.Find(p.Port) is { IsRedis: true } owner ? owner.Pid : null;
    }

    /// <summary>Redis sets its process title to "redis-server 127.0.0.1:7001": the pid is ours only if that matches.</summary>
    public static bool IsRedisOnPort(int pid, int port)
    {
        if (!Signals.IsAlive(pid)) return false;
        string title = PortOwner.CommandLine(pid);
        return PortOwner.IsRedisTitle(title) && title.Contains($":{port}", StringComparison.Ordinal);
    }

    public static int? ReadPidFile(string path)
    {
        try { return File.Exists(path) && int.TryParse(File.ReadLines(path).FirstOrDefault(), out int pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    /// <summary>Graceful first (SHUTDOWN, then SIGTERM), SIGKILL last. True when the pid is gone.</summary>
    public static async Task<bool> StopAsync(ProcessDefinition p, int pid, TimeSpan grace)
    {
        Signals.Send(pid, Signals.SIGCONT); // a paused process answers nothing
        if (await RedisConnections.ShutdownAsync(p.Port, TimeSpan.FromSeconds(1), p.Kind == ProcessKind.Sentinel) && await WaitGoneAsync(pid, grace))
            return true;
        Signals.Send(pid, Signals.SIGTERM);
        if (await WaitGoneAsync(pid, TimeSpan.FromSeconds(3))) return true;
        Signals.Send(pid, Signals.SIGKILL);
        return await WaitGoneAsync(pid, TimeSpan.FromSeconds(5));
    }

    private static async Task<bool> WaitGoneAsync(int pid, TimeSpan timeout)
    {
        for (var waited = TimeSpan.Zero; waited < timeout; waited += TimeSpan.FromMilliseconds(50))
        {
            if (!Signals.IsAlive(pid)) return true;
            await Task.Delay(50);
        }
        return !Signals.IsAlive(pid);
    }
}
