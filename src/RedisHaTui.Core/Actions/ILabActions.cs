using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Actions;

/// <summary>
/// The commands of <see cref="LabCommands"/>. The TUI's keys and the CLI's verbs both come here, so `f` and
/// `redis-ha-tui failover` are one code path.
/// </summary>
public interface ILabActions
{
    /// <summary>Runs the action; never throws for an expected refusal. Why it cannot run is in the snapshot (<see cref="LabSnapshot.WhyNot"/>).</summary>
    Task<LabActionResult> RunAsync(LabActionKind kind, string? target, CancellationToken ct = default);

    /// <summary>Sends one Redis command line (e.g. "set k1 val1") to a process; the reply formatted as redis-cli prints it.</summary>
    Task<LabActionResult> RunCommandAsync(string target, string commandLine, CancellationToken ct = default);
}
