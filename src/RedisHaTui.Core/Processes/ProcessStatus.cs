namespace RedisHaTui.Core.Processes;

/// <summary>Where a lab process is in its life, as the supervisor (or, when attached, the port) sees it.</summary>
public enum ProcessState
{
    /// <summary>Not started by this app, and not answering.</summary>
    NotStarted,
    Starting,
    Running,
    /// <summary>Stopped with SIGSTOP: alive but answering nothing.</summary>
    Paused,
    Stopping,
    Exited,
    /// <summary>Running, but started by someone else (start.sh by hand, another `up`): this app only watches it.</summary>
    External,
}

/// <summary>A process's state with what explains it: its pid, its exit code, since when.</summary>
public sealed record ProcessStatus(ProcessState State, int? Pid = null, int? ExitCode = null, DateTimeOffset? Since = null, string? Detail = null)
{
    public static readonly ProcessStatus NotStarted = new(ProcessState.NotStarted);

    public bool IsAlive => State is ProcessState.Starting or ProcessState.Running or ProcessState.Paused or ProcessState.Stopping or ProcessState.External;

    public override string ToString() => State switch
    {
        ProcessState.Exited when ExitCode is { } code => Signals.DescribeExit(code),
        _ when Pid is { } pid => $"{State.ToString().ToLowerInvariant()} (pid {pid})",
        _ => State.ToString().ToLowerInvariant(),
    };
}
