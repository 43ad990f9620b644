using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;

namespace RedisHaTui.Core.State;

/// <summary>
/// Adds entries to the merged timeline: sentinel events (the same event from several sentinels folded into
/// one entry listing who saw it), the app's own actions, and process starts and exits. Bounded.
/// </summary>
public static class Timeline
{
    /// <summary>Sentinels publish the same event up to a few seconds apart (the leader's +switch-master comes last).</summary>
    public static readonly TimeSpan FoldWindow = TimeSpan.FromSeconds(30);

    public static LabSnapshot AddSentinelEvent(LabSnapshot s, string sentinel, SentinelEvent e, DateTimeOffset at, int max)
    {
        string text = e.Describe();
        for (int i = s.Timeline.Length - 1; i >= 0 && i >= s.Timeline.Length - 64; i--)
        {
            TimelineEntry t = s.Timeline[i];
            if (at - t.At > FoldWindow) break;
            if (t.Kind == TimelineKind.SentinelEvent && t.Name == e.Name && t.Text == text && !t.SeenBy.Contains(sentinel))
                return s with { Timeline = s.Timeline.SetItem(i, t with { SeenBy = t.SeenBy.Add(sentinel) }) };
        }
        return Add(s, new TimelineEntry { At = at, Kind = TimelineKind.SentinelEvent, Name = e.Name, Event = e.Kind, Text = text, SeenBy = [sentinel] }, max);
    }

    /// <summary>
    /// An event that arrives this long after its sentinel logged it is shown as late. Pub/sub on one machine takes
    /// 1-20 ms, but Sentinel sends what it published only at the end of its event-loop iteration, after any config
    /// flush (fsync) in it: the leader's +switch-master waits for "Sentinel new configuration saved on disk", a second
    /// on a busy disk. The app cannot make that shorter; it can say so instead of disagreeing silently with the log.
    /// </summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Notes when <paramref name="sentinel"/> logged an event, on the entry it brought first (the nearest in time, not
    /// yet noted): the timeline keeps the arrival as its time and can say that it came late (issue 19).
    /// </summary>
    public static LabSnapshot NoteLogged(LabSnapshot s, string sentinel, SentinelLogLine logged)
    {
        string text = logged.Event.Describe();
        int best = -1;
        TimeSpan nearest = FoldWindow;
        for (int i = s.Timeline.Length - 1; i >= 0 && i >= s.Timeline.Length - 256; i--)
        {
            TimelineEntry t = s.Timeline[i];
            if (logged.At - t.At > FoldWindow) break;
            if (t.Kind != TimelineKind.SentinelEvent || t.LoggedAt is not null || t.Name != logged.Name || t.Text != text
                || t.SeenBy.IsEmpty || t.SeenBy[0] != sentinel) continue;
            TimeSpan off = (t.At - logged.At).Duration();
            if (off <= nearest) (best, nearest) = (i, off);
        }
        return best < 0 ? s : s with { Timeline = s.Timeline.SetItem(best, s.Timeline[best] with { LoggedAt = logged.At }) };
    }

    /// <summary>"arrived 0.96 s after sentinel1 logged it", or null when it came in time (or nobody knows).</summary>
    public static string? LateText(TimelineEntry e) =>
        e.Late is { } late && !e.SeenBy.IsEmpty
            ? $"arrived {late.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s after {e.SeenBy[0]} logged it"
            : null;

    /// <summary>An entry of a kind whose word is always the same (<see cref="TimelineKindNames.Of"/>): a fault, a heal, a handout.</summary>
    public static LabSnapshot Add(LabSnapshot s, TimelineKind kind, string text, DateTimeOffset at, int max) =>
        Add(s, new TimelineEntry { At = at, Kind = kind, Name = TimelineKindNames.Of(kind), Text = text }, max);

    /// <summary>An action run or refused, named as the timeline has always shown it (kill, failover, killmaster).</summary>
    public static LabSnapshot AddAction(LabSnapshot s, LabActionKind action, string text, DateTimeOffset at, int max) =>
        Add(s, new TimelineEntry { At = at, Kind = TimelineKind.Action, Name = action.ToString().ToLowerInvariant(), Action = action, Text = text }, max);

    /// <summary>A process's change of state, <paramref name="change"/> its word (running, paused, exited).</summary>
    public static LabSnapshot AddProcess(LabSnapshot s, string change, string text, DateTimeOffset at, int max) =>
        Add(s, new TimelineEntry { At = at, Kind = TimelineKind.Process, Name = change, Text = text }, max);

    private static LabSnapshot Add(LabSnapshot s, TimelineEntry entry, int max)
    {
        long id = s.Timeline.Length == 0 ? 1 : s.Timeline[^1].Id + 1;
        ValueArray<TimelineEntry> timeline = s.Timeline.Add(entry with { Id = id, SinceFailover = FailoverStopwatch.Since(s, entry.At) });
        if (timeline.Length > max) timeline = timeline.RemoveRange(0, timeline.Length - max);
        return s with { Timeline = timeline };
    }
}
