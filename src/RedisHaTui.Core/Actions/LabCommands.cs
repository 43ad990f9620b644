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
/// <param name="Verb">Its command-line verb (`redis-ha-tui kill node1`), or null where a command-line process cannot
/// do it: a process it started would end with it, so starting is the screen's, `up`'s and start.sh's.</param>
public sealed record LabCommand(
    LabActionKind Kind,
    CommandScope Scope,
    string Help,
    Func<LabActions, string?, CancellationToken, Task<LabActionResult>> Run,
    string? Verb = null)
{
    /// <summary>What the verb does, for its --help (the first line) and the README.</summary>
    public string VerbHelp => Kind switch
    {
        LabActionKind.Stop => "Stop a process of the running lab gracefully: SHUTDOWN, then SIGTERM, then SIGKILL.",
        LabActionKind.Kill => "kill -9 a process of the running lab (the tutorial's way to crash the master).",
        LabActionKind.Pause => "Pause a process of the running lab (SIGSTOP): a paused master is what Sentinel calls subjectively down.",
        LabActionKind.Resume => "Resume a paused process of the running lab (SIGCONT).",
        LabActionKind.DebugSleep => $"DEBUG SLEEP {LabActions.DebugSleepSeconds} on a data node: it stops answering for {LabActions.DebugSleepSeconds} s.",
        LabActionKind.KillMaster => "kill -9 whichever node is master now.",
        LabActionKind.CheckQuorum => "SENTINEL CKQUORUM on every sentinel: can they still agree on a failover?",
        _ => Help,
    };

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
        new(LabActionKind.Stop, CommandScope.Process, "stop it gracefully (SHUTDOWN, SIGTERM, then SIGKILL)", (a, t, ct) => a.StopAsync(t!), "stop"),
        new(LabActionKind.Kill, CommandScope.Process, "kill -9 it", (a, t, ct) => Task.FromResult(a.Kill(t!)), "kill"),
        new(LabActionKind.Restart, CommandScope.Process, "restart it", (a, t, ct) => a.RestartAsync(t!)),
        new(LabActionKind.Pause, CommandScope.Process, "pause it (SIGSTOP)", (a, t, ct) => Task.FromResult(a.Pause(t!)), "pause"),
        new(LabActionKind.Resume, CommandScope.Process, "resume it (SIGCONT)", (a, t, ct) => Task.FromResult(a.Resume(t!)), "resume"),
        new(LabActionKind.DebugSleep, CommandScope.Process, $"DEBUG SLEEP {LabActions.DebugSleepSeconds}: the node stops answering", (a, t, ct) => a.DebugSleepAsync(t!), "debug-sleep"),
        new(LabActionKind.KillMaster, CommandScope.Lab, "kill -9 whichever node is master", (a, t, ct) => Task.FromResult(a.KillMaster()), "kill-master"),
        // The verb is the one that also waits for the sentinels to agree and prints the stopwatch (FailoverCommand).
        new(LabActionKind.Failover, CommandScope.Lab, "Sentinel failover (asks first)", (a, t, ct) => a.FailoverAsync(), "failover"),
        new(LabActionKind.CheckQuorum, CommandScope.Lab, "check quorum on every sentinel", (a, t, ct) => a.CheckQuorumAsync(), "ckquorum"),
    ];

    /// <summary>The commands the command line runs as verbs of their own.</summary>
    public static IEnumerable<LabCommand> Verbs => All.Where(c => c.Verb is not null);

    public static LabCommand Get(LabActionKind kind) => All.First(c => c.Kind == kind);
}
