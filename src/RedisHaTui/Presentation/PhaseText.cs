using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// The words for the failover stopwatch's phases: full names for the CLI and JSON (stable: scripts read them),
/// and short ones for the screen's stopwatch line, so the phases that matter most still fit a narrow pane.
/// </summary>
public static class PhaseText
{
    public static string Name(FailoverPhase p) => p.Kind switch
    {
        FailoverPhaseKind.SDown => "+sdown",
        FailoverPhaseKind.ODown => "+odown",
        FailoverPhaseKind.Leader => "+elected-leader",
        FailoverPhaseKind.NewMasterRole => "new master role:master",
        FailoverPhaseKind.Promoted => "+promoted-slave",
        FailoverPhaseKind.SwitchMaster => "+switch-master",
        FailoverPhaseKind.AllAgree => "all sentinels agree",
        FailoverPhaseKind.Converted => "+convert-to-slave",
        FailoverPhaseKind.OldMasterLinked => "old master linked",
        FailoverPhaseKind.WritesAccepted => "writes accepted again",
        FailoverPhaseKind.Aborted => $"aborted ({p.Detail ?? "?"})",
        FailoverPhaseKind.NoFailover => "no failover: the master is back",
        FailoverPhaseKind.Cut => "cut",
        FailoverPhaseKind.OldMasterRefuses => "old master refuses writes (max-lag)",
        FailoverPhaseKind.Healed => "healed",
        FailoverPhaseKind.LostCounted => "lost writes counted",
        _ => p.Kind.ToString(),
    };

    public static string Short(FailoverPhase p) => p.Kind switch
    {
        FailoverPhaseKind.Leader => "leader",
        FailoverPhaseKind.NewMasterRole => "role:master",
        FailoverPhaseKind.Promoted => "promoted",
        FailoverPhaseKind.AllAgree => "all agree",
        FailoverPhaseKind.Converted => "old master converted",
        FailoverPhaseKind.OldMasterLinked => "linked",
        FailoverPhaseKind.WritesAccepted => "writes ok",
        FailoverPhaseKind.OldMasterRefuses => "old master refuses",
        FailoverPhaseKind.LostCounted => "lost counted",
        _ => Name(p),
    };
}
