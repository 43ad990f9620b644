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
/// snapshot, e.g. whether a quorum will remain), what it needs that no single action asks (two running sentinels),
/// the actions and commands it runs (whose own refusals say why it cannot run: <see cref="FaultMenu.WhyNot"/>), and
/// how it runs (composed of <see cref="ILabActions"/> calls, never a copy of them).
/// </summary>
/// <param name="Needs">Why the entry has nothing to act on (no replica running, fewer than two sentinels), or null; asked before <paramref name="Steps"/>.</param>
/// <param name="Steps">The actions and Redis commands <paramref name="Run"/> runs, in order, for a snapshot that <paramref name="Needs"/> accepts.</param>
public sealed record FaultEntry(
    string Title,
    Func<LabSnapshot, LabDefinition, string> Expect,
    Func<LabSnapshot, LabDefinition, string?> Needs,
    Func<LabSnapshot, LabDefinition, IEnumerable<FaultStep>> Steps,
    Func<FaultContext, CancellationToken, Task<LabActionResult>> Run);
