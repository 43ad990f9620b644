namespace RedisHaTui.Core.Processes;

/// <summary>
/// What this app can do to a process of its lab: one it started, or one started by hand on the same working copy
/// while the app owns the lab (taken in by its verified pid). Only a topology the app owns offers it.
/// </summary>
public interface IProcessControl
{
    /// <summary>Starts it; false when it did not start (its log says why).</summary>
    Task<bool> StartAsync(string name);

    /// <summary>Graceful stop: SHUTDOWN, then SIGTERM, then SIGKILL.</summary>
    Task StopAsync(string name);

    Task<bool> RestartAsync(string name);

    /// <summary>kill -9.</summary>
    bool Kill(string name);

    /// <summary>SIGSTOP.</summary>
    bool Pause(string name);

    /// <summary>SIGCONT.</summary>
    bool Resume(string name);

    /// <summary>
    /// A process this app did not start answers on the port (start.sh in another terminal): from now on it is shown as
    /// started by hand, its log file is tailed, and kill, pause and stop act on <paramref name="pid"/> (verified as the
    /// port's owner by the caller, checked again before each signal). It keeps running when the app quits.
    /// </summary>
    void TakeInStartedByHand(string name, int pid);

    /// <summary>The process started by hand with that pid is gone (no longer Redis on its port): it is shown as exited.</summary>
    void StartedByHandGone(string name, int pid);
}
