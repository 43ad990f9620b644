using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Processes;

/// <summary>
/// The one way a lab process is stopped, whoever started it: the graceful step first (SHUTDOWN: Redis saves and
/// exits; a paused process is resumed so it can answer), then a gentler signal (SIGTERM), then the forceful one
/// (SIGKILL), each followed by a bounded wait for the exit — as CliWrap's ExecuteAsync does with its graceful and
/// forceful tokens. Never waits without a limit.
/// </summary>
public static class StopSequence
{
    /// <summary>How long SIGTERM gets before SIGKILL, and SIGKILL before we give up.</summary>
    public static readonly TimeSpan AfterTerm = TimeSpan.FromSeconds(3), AfterKill = TimeSpan.FromSeconds(5);

    /// <param name="waitExit">True once the process has exited, or false when it has not within the time given.</param>
    /// <param name="note">Where each step is said (the process's own log, for a process we run).</param>
    /// <returns>True when the process is gone.</returns>
    public static async Task<bool> RunAsync(ProcessDefinition p, int pid, ConnectionSecurity security, TimeSpan grace,
        Func<TimeSpan, Task<bool>> waitExit, Action<string>? note = null)
    {
        Signals.Send(pid, Signals.SIGCONT); // a paused process cannot answer SHUTDOWN
        note?.Invoke("stopping (SHUTDOWN)");
        if (await RedisConnections.ShutdownAsync(p.Endpoint, security, TimeSpan.FromSeconds(1), p.Kind == ProcessKind.Sentinel) && await waitExit(grace))
            return true;
        note?.Invoke("no exit after SHUTDOWN: sending SIGTERM");
        Signals.Send(pid, Signals.SIGTERM);
        if (await waitExit(AfterTerm)) return true;
        note?.Invoke("no exit after SIGTERM: sending SIGKILL");
        Signals.Send(pid, Signals.SIGKILL);
        return await waitExit(AfterKill);
    }
}
