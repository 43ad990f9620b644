using RedisHaTui.Core.Faults;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

/// <summary>
/// The moments worth a jump ([ and ] in a replay), read from what changed between two snapshots: a new failover
/// record (a partition's record is a partition), and the app's own timeline entries for faults and actions.
/// </summary>
public static class RecordingMarks
{
    /// <summary>Timeline kinds of the app that are notes rather than something done to the lab.</summary>
    private static readonly HashSet<string> NotActions = new(StringComparer.Ordinal)
    {
        "screen", "handout", "topology", "write", Load.LoadExplanations.Kind, Walkthrough.StepConditions.ReadOnlyKind,
    };

    public static IEnumerable<RecordingMark> Between(LabSnapshot? before, LabSnapshot after)
    {
        int known = before?.Failovers.Length ?? 0;
        DateTimeOffset lastStart = before?.Failovers.LastOrDefault()?.StartedAt ?? DateTimeOffset.MinValue;
        foreach (FailoverRecord f in after.Failovers)
            if (f.StartedAt > lastStart || (before is null && known == 0))
                yield return f.Cause.StartsWith(FailoverStopwatch.PartitionCause + " ", StringComparison.Ordinal)
                    ? new RecordingMark(f.StartedAt, RecordingMarkKind.Partition, $"{f.Cause}")
                    : new RecordingMark(f.StartedAt, RecordingMarkKind.Failover, $"failover {f.Number}: {f.Cause}");
        long lastId = before is { Timeline.Length: > 0 } ? before.Timeline[^1].Id : 0;
        foreach (TimelineEntry e in after.Timeline)
        {
            if (e.Id <= lastId || e.Source != TimelineSource.App || NotActions.Contains(e.Kind)) continue;
            RecordingMarkKind kind = e.Kind == FaultMenu.TimelineKind ? RecordingMarkKind.Fault
                : e.Kind is "partition" or "heal" ? RecordingMarkKind.Partition
                : RecordingMarkKind.Action;
            yield return new RecordingMark(e.At, kind, e.Text);
        }
    }
}
