using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Session;

/// <summary>
/// A running lab as the screen and the CLI see it: the definition, the live snapshot store, each process's
/// log, and the actions. Views read from here; they never hold a connection or start a process themselves.
/// </summary>
public interface ILabSession : IAsyncDisposable
{
    LabDefinition Lab { get; }
    LabStore Store { get; }
    ILabActions Actions { get; }

    /// <summary>True when this app started the processes (and stops them on exit); false when attached with --no-start.</summary>
    bool OwnsProcesses { get; }

    /// <summary>What this app may do to the processes (the topology source's word), e.g. whether a failover is confirmed by name.</summary>
    ActionPolicy Policy { get; }

    /// <summary>Partition and heal (refused with the reason where this session cannot cut); null where there are none.</summary>
    Network.NetworkActions? Network => null;

    /// <summary>The player of a replayed session (its scrub bar and keys); null for a live one.</summary>
    Recording.Replay.ReplayPlayer? Player => null;

    /// <summary>The log of a process: its live output, or the tail of its log file when attached.</summary>
    LogRing Log(string processName);

    /// <summary>Where the log of a process comes from, to say so when there is none ("no log file: started elsewhere").</summary>
    string LogSource(string processName);
}
