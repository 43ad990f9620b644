using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

/// <summary>What a fault runs with: the lab's own actions (the same as the keys), the store to wait on, the logs to read.</summary>
public sealed record FaultContext(ILabActions Actions, LabStore Store, LabDefinition Lab, Func<string, LogRing> Log)
{
    /// <summary>Partition and heal, for the partition lessons; null where the session has none.</summary>
    public Network.NetworkActions? Network { get; init; }
}

/// <summary>
/// One entry of the fault menu as data: what it is called, what to expect (said before it runs, read from the
/// snapshot, e.g. whether a quorum will remain), why it cannot run now (the actions' own reasons, composed), and
/// how it runs (composed of <see cref="ILabActions"/> calls, never a copy of them).
/// </summary>
public sealed record FaultEntry(
    string Title,
    Func<LabSnapshot, LabDefinition, string> Expect,
    Func<LabSnapshot, LabDefinition, string?> WhyNot,
    Func<FaultContext, CancellationToken, Task<LabActionResult>> Run);
