using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

/// <summary>
/// The moments worth a jump ([ and ] in a replay), read from what changed between two snapshots: a new failover
/// record (a partition's record is a partition), and the app's own timeline entries for faults and actions.
/// </summary>
public static class RecordingMarks
{
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
            // Only what was done to the lab is a mark; notes (screen, handout, the load's words, a start's steps) are not.
            RecordingMarkKind? kind = e.Kind switch
            {
                TimelineKind.Fault => RecordingMarkKind.Fault,
                TimelineKind.Partition or TimelineKind.Heal => RecordingMarkKind.Partition,
                TimelineKind.Action => RecordingMarkKind.Action,
                _ => null,
            };
            if (e.Id <= lastId || kind is null) continue;
            yield return new RecordingMark(e.At, kind.Value, e.Text);
        }
        // A walkthrough step passed (ticked by the lab, or passed with ]): the progress travels in the snapshot.
        if (after.Walkthrough is { } progress)
        {
            Walkthrough.WalkthroughProgress? was = before?.Walkthrough;
            for (int i = 0; i < progress.Passed.Length; i++)
                if (progress.Passed[i] != Walkthrough.StepState.Pending && (was is null || i >= was.Passed.Length || was.Passed[i] == Walkthrough.StepState.Pending))
                    yield return new RecordingMark(after.At, RecordingMarkKind.WalkthroughStep,
                        $"walkthrough step {i + 1} {(progress.Passed[i] == Walkthrough.StepState.Done ? "done" : "passed")}");
        }
    }
}
