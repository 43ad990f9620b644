using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// What the session stands on: which processes exist, how to reach each one (their endpoints and the lab's
/// connection security), whether this app may act on them, and where their logs come from. Panes, monitor,
/// actions and CLI verbs ask it instead of branching on "attached".
/// </summary>
public interface ITopologySource : IAsyncDisposable
{
    LabDefinition Lab { get; }

    /// <summary>What this app may do to these processes, and why not where it may not.</summary>
    ActionPolicy Policy { get; }

    /// <summary>Start, stop, kill, pause: only where the policy allows process control.</summary>
    IProcessControl? Control { get; }

    /// <summary>True when process states are reported as they change (the supervisor); else they are inferred from who answers.</summary>
    bool ReportsProcessStates { get; }

    /// <summary>A process started, paused, exited: raised on the thread that saw it.</summary>
    event Action<string, ProcessStatus>? ProcessStatusChanged;

    /// <summary>The log of a process: its live output, or the tail of its log file.</summary>
    LogRing Log(string processName);

    /// <summary>Where that log comes from, to say so when there is none.</summary>
    string LogSource(string processName);

    /// <summary>The processes changed (a deployment's replica added or gone), or the figures its sentinels report: <see cref="Lab"/> holds the new set; the text says what changed.</summary>
    event Action<string>? TopologyChanged;

    /// <summary>Begins following logs (with the session's connections, where a source reads them remotely); the processes themselves are started by the session's start.</summary>
    void Open(ProcessConnections connections);
}
