namespace RedisHaTui.Core.Actions;

/// <summary>Whether a command acts on one process (the selected pane, a CLI argument) or on the lab as a whole.</summary>
public enum CommandScope { Process, Lab }

/// <summary>
/// One command of the lab as data: what it is called, what it applies to, and how it runs. Its disabled reason
/// is <see cref="ActionRules"/>'s, kept in every snapshot. The screen's key table and the CLI verbs refer to these
/// entries; adding a command is one entry here plus its handler.
/// </summary>
/// <param name="Help">What it does, in the words of the `?` overlay.</param>
/// <param name="Run">The handler: runs it on the target (null for lab commands); never throws for an expected refusal.</param>
public sealed record LabCommand(
    LabActionKind Kind,
    CommandScope Scope,
    string Help,
    Func<LabActions, string?, CancellationToken, Task<LabActionResult>> Run)
{
    /// <summary>How the status line names it while it runs, e.g. "kill -9 node1".</summary>
    public string Label(string? target) => Kind switch
    {
        LabActionKind.Start => $"start {target}",
        LabActionKind.Stop => $"stop {target}",
        LabActionKind.Kill => $"kill -9 {target}",
        LabActionKind.Restart => $"restart {target}",
        LabActionKind.Pause => $"pause {target}",
        LabActionKind.Resume => $"resume {target}",
        LabActionKind.DebugSleep => $"DEBUG SLEEP {LabActions.DebugSleepSeconds} on {target}",
        LabActionKind.KillMaster => "kill -9 the master",
        LabActionKind.Failover => "failover",
        LabActionKind.CheckQuorum => "check quorum",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>The table of every command.</summary>
public static class LabCommands
{
    public static readonly IReadOnlyList<LabCommand> All =
    [
        new(LabActionKind.Start, CommandScope.Process, "start the selected process", (a, t, ct) => a.StartAsync(t!)),
        new(LabActionKind.Stop, CommandScope.Process, "stop it gracefully (SHUTDOWN, SIGTERM, then SIGKILL)", (a, t, ct) => a.StopAsync(t!)),
        new(LabActionKind.Kill, CommandScope.Process, "kill -9 it", (a, t, ct) => Task.FromResult(a.Kill(t!))),
        new(LabActionKind.Restart, CommandScope.Process, "restart it", (a, t, ct) => a.RestartAsync(t!)),
        new(LabActionKind.Pause, CommandScope.Process, "pause it (SIGSTOP)", (a, t, ct) => Task.FromResult(a.Pause(t!))),
        new(LabActionKind.Resume, CommandScope.Process, "resume it (SIGCONT)", (a, t, ct) => Task.FromResult(a.Resume(t!))),
        new(LabActionKind.DebugSleep, CommandScope.Process, $"DEBUG SLEEP {LabActions.DebugSleepSeconds}: the node stops answering", (a, t, ct) => a.DebugSleepAsync(t!)),
        new(LabActionKind.KillMaster, CommandScope.Lab, "kill -9 whichever node is master", (a, t, ct) => Task.FromResult(a.KillMaster())),
        new(LabActionKind.Failover, CommandScope.Lab, "Sentinel failover (asks first)", (a, t, ct) => a.FailoverAsync()),
        new(LabActionKind.CheckQuorum, CommandScope.Lab, "check quorum on every sentinel", (a, t, ct) => a.CheckQuorumAsync()),
    ];

    public static LabCommand Get(LabActionKind kind) => All.First(c => c.Kind == kind);
}
