using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Actions;

/// <summary>
/// Why each action cannot run right now: a pure function of the snapshot (process states included) and of
/// whether the topology lets this app act at all. The store runs it in every update (<see cref="Evaluate"/>).
/// </summary>
public static class ActionRules
{
    /// <summary>The availability of every action on every process, for the snapshot's <see cref="Availability"/>.</summary>
    /// <param name="policy">What the topology lets this app do at all.</param>
    public static LabSnapshot Evaluate(LabSnapshot s, LabDefinition lab, ActionPolicy policy)
    {
        var commands = new List<CommandState>();
        foreach (LabCommand c in LabCommands.All)
        {
            if (c.Scope == CommandScope.Lab) commands.Add(new CommandState(c.Kind, null, WhyNot(c.Kind, null, s, lab, policy)));
            else foreach (ProcessDefinition p in lab.Processes) commands.Add(new CommandState(c.Kind, p.Name, WhyNot(c.Kind, p, s, lab, policy)));
        }
        var availability = new Availability { Commands = [.. commands], Policy = policy };
        return availability == s.Availability ? s : s with { Availability = availability };
    }

    public static string? WhyNot(LabActionKind kind, ProcessDefinition? p, LabSnapshot s, LabDefinition lab, ActionPolicy policy)
    {
        if (kind is LabActionKind.Failover or LabActionKind.CheckQuorum)
        {
            if (policy.WhyNot(kind) is { } refused) return refused;
            if (!s.Sentinels.Any(x => x.Reachable)) return "no sentinel reachable";
            if (kind == LabActionKind.CheckQuorum) return null;
            // What Sentinel would answer now (INPROG, NOGOODSLAVE with the rule behind it) or why it would stall, from SENTINEL REPLICAS.
            return FailoverReadiness.Of(s.Sentinels, s.Consensus).Blocker;
        }
        if (kind == LabActionKind.KillMaster)
        {
            p = CurrentMaster(s) is { } master ? lab.Find(master) : null;
            if (p is null) return "no master to kill";
        }
        if (p is null) return "select a process first";
        if (kind == LabActionKind.DebugSleep)
            return p.Kind != ProcessKind.Node ? "DEBUG SLEEP is for data nodes" : policy.Debug ?? (s.Node(p.Name)!.Reachable ? null : $"{p.Name} is not answering");
        if (policy.ProcessControl is { } readOnly) return readOnly;
        ProcessStatus status = s.ProcessOf(p.Name) ?? ProcessStatus.NotStarted;
        // Started by hand: acted on by its pid, once that pid is known to own the port.
        if (status is { StartedByHand: true, Pid: null } && kind is not LabActionKind.Start)
            return $"{p.Name} was started by hand and its pid is not known (yet): this app signals only the pid that owns :{p.Port}";
        return kind switch
        {
            LabActionKind.Start when status.StartedByHand => $"{p.Name} is already running (started by hand{(status.Pid is { } pid ? $", pid {pid}" : "")})",
            LabActionKind.Start when status.IsAlive => $"{p.Name} is already running",
            LabActionKind.Stop or LabActionKind.Kill or LabActionKind.KillMaster or LabActionKind.Restart when !status.IsAlive => $"{p.Name} is not running (s starts it)",
            LabActionKind.Stop or LabActionKind.Kill or LabActionKind.Restart when status.State == ProcessState.Stopping => $"{p.Name} is already stopping",
            LabActionKind.Pause when status.State == ProcessState.Paused => $"{p.Name} is already paused",
            LabActionKind.Pause when status.State is not (ProcessState.Running or ProcessState.External) => $"{p.Name} is not running",
            LabActionKind.Resume when status.State != ProcessState.Paused => $"{p.Name} is not paused",
            _ => null,
        };
    }

    /// <summary>The node that is master now: by the nodes' own roles, else by the sentinels.</summary>
    public static string? CurrentMaster(LabSnapshot s) => s.Consensus.MasterByRoles ?? s.Consensus.MasterBySentinels;

    public static bool IsMaster(LabSnapshot s, string target) =>
        s.Consensus.MasterByRoles == target || (s.Consensus.MasterByRoles is null && s.Consensus.MasterBySentinels == target);
}
