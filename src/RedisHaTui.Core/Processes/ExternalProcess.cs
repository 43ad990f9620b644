using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Processes;

/// <summary>
/// A lab process this app did not start (a leftover of a SIGKILLed run, or start.sh by hand), found by its
/// pid file or by the port it listens on, and stopped only after checking it really is Redis on that port.
/// </summary>
public static class ExternalProcess
{
    /// <summary>
    /// The redis process of the lab process's endpoint, if any: the port's owner as /proc shows it (started by hand
    /// leaves no pid file), else the pid file's pid when it is Redis on that port (not listening yet, or not ours to see).
    /// </summary>
    public static int? FindRedis(ProcessDefinition p, RunDirectory run)
    {
        if (PortOwner.Find(p.Endpoint) is { } owner) return owner.IsRedis ? owner.Pid : null;
        return ReadPidFile(run.PidPath(p)) is { } pid && IsRedisOnPort(pid, p.Port) ? pid : null;
    }

    /// <summary>Redis sets its process title to "redis-server 127.0.0.1:7001": the pid is ours only if that matches.</summary>
    public static bool IsRedisOnPort(int pid, int port)
    {
        if (!Signals.IsAlive(pid)) return false;
        string title = PortOwner.CommandLine(pid);
        return PortOwner.IsRedisTitle(title) && title.Contains($":{port}", StringComparison.Ordinal);
    }

    /// <summary>
    /// A pid a process reported for itself (INFO server's process_id) is safe to signal only when it is Redis on
    /// that port and the very process listening there (/proc): not a recycled pid, not a namesake on another port.
    /// </summary>
    public static bool OwnsPort(int pid, ProcessDefinition p) => IsRedisOnPort(pid, p.Port) && PortOwner.Find(p.Endpoint)?.Pid == pid;

    public static int? ReadPidFile(string path)
    {
        try { return File.Exists(path) && int.TryParse(File.ReadLines(path).FirstOrDefault(), out int pid) ? pid : null; }
        catch (IOException) { return null; }
    }

    /// <summary>The same <see cref="StopSequence"/> as for our own processes. True when the pid is gone.</summary>
    public static Task<bool> StopAsync(ProcessDefinition p, int pid, TimeSpan grace, ConnectionSecurity? security = null, TimeProvider? time = null) =>
        StopSequence.RunAsync(p, pid, security ?? ConnectionSecurity.None, grace, timeout => WaitGoneAsync(pid, timeout, time ?? TimeProvider.System));

    /// <summary>Not our child, so no exit event: look at the pid every 50 ms.</summary>
    public static async Task<bool> WaitGoneAsync(int pid, TimeSpan timeout, TimeProvider time)
    {
        long until = time.GetTimestamp() + (long)(timeout.TotalSeconds * time.TimestampFrequency);
        while (time.GetTimestamp() < until)
        {
            if (!Signals.IsAlive(pid)) return true;
            await Task.Delay(TimeSpan.FromMilliseconds(50), time);
        }
        return !Signals.IsAlive(pid);
    }
}
