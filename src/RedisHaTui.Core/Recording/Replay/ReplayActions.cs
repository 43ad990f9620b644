using RedisHaTui.Core.Actions;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording.Replay;

/// <summary>
/// A replay acts on nothing: there is no lab behind it, only a file. Every action is refused with the one reason the
/// help and the status bar show for every key.
/// </summary>
public sealed class ReplayActions : ILabActions
{
    /// <summary>Why: the word the help dims each key with.</summary>
    public const string Reason = "replay";

    /// <summary>What a replay may do to the processes: nothing, for the same reason everywhere.</summary>
    public static readonly ActionPolicy Policy = new(ProcessControl: Reason, Debug: Reason, Failover: Reason, Writes: Reason);

    /// <summary>The replayed snapshot's availability, whatever the recorded lab could do then.</summary>
    public static LabSnapshot Refuse(LabSnapshot s) =>
        s.Availability.Refused == Reason ? s : s with { Availability = Availability.RefusedAll(Reason) };

    public Task<LabActionResult> RunAsync(LabActionKind kind, string? target, CancellationToken ct = default) =>
        Task.FromResult(LabActionResult.Refused(Reason));

    public Task<LabActionResult> RunCommandAsync(string target, string commandLine, CancellationToken ct = default) =>
        Task.FromResult(LabActionResult.Refused(Reason));
}
