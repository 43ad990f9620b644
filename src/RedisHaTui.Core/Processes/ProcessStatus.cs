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
    /// <summary>
    /// Running, but started by someone else (start.sh by hand, another `up`). Attached (--no-start) this app only
    /// watches it; on a lab this app owns it is taken in with its pid (<see cref="ProcessStatus.StartedByHand"/>):
    /// acted on by pid, left running at quit.
    /// </summary>
    External,
}

/// <summary>A process's state with what explains it: its pid, its exit code, since when.</summary>
public sealed record ProcessStatus(ProcessState State, int? Pid = null, int? ExitCode = null, DateTimeOffset? Since = null, string? Detail = null)
{
    public static readonly ProcessStatus NotStarted = new(ProcessState.NotStarted);

    /// <summary>The <see cref="Detail"/> of a process on a lab this app owns that answers on its port but was not started by this app.</summary>
    public const string StartedByHandDetail = "started by hand";

    /// <summary>Answering on a lab this app owns, started by someone else (start.sh in another terminal): it keeps running when the app quits.</summary>
    public bool StartedByHand => Detail == StartedByHandDetail && State is ProcessState.External or ProcessState.Paused or ProcessState.Stopping;

    public bool IsAlive => State is ProcessState.Starting or ProcessState.Running or ProcessState.Paused or ProcessState.Stopping or ProcessState.External;

    public override string ToString() => State switch
    {
        ProcessState.Exited when ExitCode is { } code => Signals.DescribeExit(code),
        // Not our child, so no exit code: what was seen instead ("pid 4242 gone").
        ProcessState.Exited when Detail is { } seen => seen,
        _ when Pid is { } pid => $"{Word(State)} (pid {pid})",
        _ => Word(State),
    };

    /// <summary>The state in words for a pane or a table ("not started"), never the enum's name.</summary>
    public static string Word(ProcessState state) => state switch
    {
        ProcessState.NotStarted => "not started",
        _ => state.ToString().ToLowerInvariant(),
    };
}
