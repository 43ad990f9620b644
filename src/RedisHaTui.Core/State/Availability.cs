using RedisHaTui.Core.Actions;

namespace RedisHaTui.Core.State;

/// <summary>Whether one action can run on one target (null: the lab as a whole) and, if not, why.</summary>
public sealed record CommandState(LabActionKind Kind, string? Target, string? DisabledReason);

/// <summary>
/// What can run right now, computed from the snapshot in every store update (see <see cref="LabActions"/>'s
/// rules) rather than asked of live objects: the status bar, the CLI and a walkthrough read the same answer.
/// </summary>
public sealed record Availability
{
    public static readonly Availability None = new();

    public ValueArray<CommandState> Commands { get; init; }

    /// <summary>
    /// Why nothing can run at all, whatever the action and the target (a replay: "replay"), or null. Read first, so
    /// a session that can act on nothing says so for every key, instead of a reason its recorded lab once had.
    /// </summary>
    public string? Refused { get; init; }

    /// <summary>Every action refused for one reason.</summary>
    public static Availability RefusedAll(string reason) => new() { Refused = reason };

    /// <summary>What the topology lets this app do at all, whatever the state: for steps that run later, on a lab changed by the ones before.</summary>
    public ActionPolicy Policy { get; init; } = ActionPolicy.Owner;

    public string? WhyNot(LabActionKind kind, string? target)
    {
        if (Refused is { } all) return all;
        foreach (CommandState c in Commands)
            if (c.Kind == kind && (c.Target is null || string.Equals(c.Target, target, StringComparison.OrdinalIgnoreCase)))
                return c.DisabledReason;
        return target is null ? "select a process first" : $"no process named '{target}'";
    }
}
