namespace RedisHaTui.Core.Processes;

/// <summary>What this app can do to a process it started. Only a topology the app owns offers it.</summary>
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
}
