using RedisHaTui.Core.Actions;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

/// <summary>
/// One of the lab's ordinary actions or Redis commands that a fault entry runs, declared so that the menu can say why
/// the entry cannot run from the same rules that would refuse the step (<see cref="FaultMenu.WhyNot"/>): a step on the
/// lab as it is now is asked of the snapshot's availability (state and topology), a step that runs later, on a lab the
/// steps before have changed, only of what the topology allows at all (<see cref="ActionPolicy"/>).
/// </summary>
public abstract record FaultStep
{
    /// <summary>Why this step would be refused, or null.</summary>
    public abstract string? WhyNot(LabSnapshot s);

    /// <summary>An action on the lab as it is now (e.g. the first stop): refused for the same reason the key would be.</summary>
    public static FaultStep Now(LabActionKind kind, string? target = null) => new ActionNow(kind, target);

    /// <summary>An action run once earlier steps changed the lab (e.g. the restart after a kill): only the topology's rule applies.</summary>
    public static FaultStep Later(LabActionKind kind) => new ActionLater(kind);

    /// <summary>A Redis command line sent to a process (SENTINEL SET, CONFIG SET): the `:` prompt's rule on writes.</summary>
    public static FaultStep Command(string commandLine) => new RedisCommand(commandLine);

    /// <summary>Write clients run against the lab (the load's rule: writes allowed).</summary>
    public static FaultStep WriteLoad() => new Writes();

    private sealed record Writes : FaultStep
    {
        public override string? WhyNot(LabSnapshot s) => s.Availability.Policy.Writes;
    }

    private sealed record ActionNow(LabActionKind Kind, string? Target) : FaultStep
    {
        public override string? WhyNot(LabSnapshot s) => s.WhyNot(Kind, Target);
    }

    private sealed record ActionLater(LabActionKind Kind) : FaultStep
    {
        public override string? WhyNot(LabSnapshot s) => s.Availability.Policy.WhyNot(Kind);
    }

    private sealed record RedisCommand(string Line) : FaultStep
    {
        public override string? WhyNot(LabSnapshot s) => s.Availability.Policy.WhyNot(RedisCliFormat.Split(Line));
    }
}
