using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Walkthrough;

/// <summary>
/// Whether a step's check holds: a pure function of the snapshot (and its timeline), so a step done with the
/// app's keys and one done by hand in another terminal (start.sh, redis-cli) tick alike.
/// </summary>
public static class StepConditions
{
    public static bool IsMet(StepCheck check, LabSnapshot s) => check.Kind switch
    {
        CheckKind.Runs => s.Node(check.Node!)?.Reachable ?? s.Sentinel(check.Node!)?.Reachable ?? false,
        CheckKind.Master => s.Node(check.Node!) is { Reachable: true, Role: NodeRole.Master } m
            && m.Replicas.Count(r => r.State == "online") >= check.Count,
        CheckKind.SentinelsKnow => s.Sentinels.Length > 0 && s.Sentinels.All(x =>
            x.Reachable && x.KnownReplicas >= check.Count && x.KnownSentinels >= check.Count2),
        CheckKind.KeyEquals => s.Node(check.Node!) is { Reachable: true } n
            && n.WatchedKeys.Any(k => k.Key == check.Key && k.Value == check.Value),
        // By hand, Redis counts the refusal in INFO errorstats; the app's console (whose client refuses a write to
        // a replica before sending it) writes a timeline entry instead.
        CheckKind.ReadOnlyRefused => s.Node(check.Node!) is { ReadOnlyRefusals: > 0 }
            || s.Timeline.Any(t => t.Kind == TimelineKind.ReadOnly && t.Text.StartsWith(check.Node! + " ", StringComparison.Ordinal)),
        CheckKind.FailoverCompleted => s.Failovers.Any(f => f.Complete && f.PhaseTime(FailoverPhaseKind.AllAgree) is not null),
        CheckKind.ReplicaOf => s.Node(check.Node!) is { Reachable: true, Role: NodeRole.Replica, LinkStatus: "up" } r
            && string.Equals(r.FollowsName, check.Other, StringComparison.OrdinalIgnoreCase),
        CheckKind.LoadRan => s.Loads.Any(l => l.Acked > 0),
        CheckKind.Partitioned => s.Network.Cut is not null,
        CheckKind.SplitBrain => s.Nodes.Count(n => n is { Reachable: true, Role: NodeRole.Master }) >= 2,
        CheckKind.Healed => s.Network.Cut is null && s.Timeline.Any(t => t.Kind == TimelineKind.Heal),
        // The client's latest run only: a second lesson's step does not tick on the first lesson's losses.
        CheckKind.WritesLost => s.Loads.LastOrDefault(l => l.Client == check.Node) is { Running: false, Lost: > 0 },
        CheckKind.Lesson => Faults.FaultMenu.LessonNamed(check.Key!)?.Observed(s) ?? false,
        _ => false,
    };
}
