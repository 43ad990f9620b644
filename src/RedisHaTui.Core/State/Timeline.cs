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
            if (t.Source == TimelineSource.Sentinel && t.Kind == e.Name && t.Text == text && !t.SeenBy.Contains(sentinel))
                return s with { Timeline = s.Timeline.SetItem(i, t with { SeenBy = t.SeenBy.Add(sentinel) }) };
        }
        return Add(s, new TimelineEntry { At = at, Source = TimelineSource.Sentinel, Kind = e.Name, Event = e.Kind, Text = text, SeenBy = [sentinel] }, max);
    }

    public static LabSnapshot Add(LabSnapshot s, TimelineSource source, string kind, string text, DateTimeOffset at, int max) =>
        Add(s, new TimelineEntry { At = at, Source = source, Kind = kind, Text = text }, max);

    private static LabSnapshot Add(LabSnapshot s, TimelineEntry entry, int max)
    {
        long id = s.Timeline.Length == 0 ? 1 : s.Timeline[^1].Id + 1;
        ValueArray<TimelineEntry> timeline = s.Timeline.Add(entry with { Id = id, SinceFailover = FailoverStopwatch.Since(s, entry.At) });
        if (timeline.Length > max) timeline = timeline.RemoveRange(0, timeline.Length - max);
        return s with { Timeline = timeline };
    }
}
