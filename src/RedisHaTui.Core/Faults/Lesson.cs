using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

/// <summary>
/// One of the classic Sentinel mistakes (issue 17 §2) as data: its short name (`lesson NAME`, `check: lesson NAME`),
/// the fault-menu entry that plays it, and the outcome that shows it was played.
/// </summary>
/// <param name="Outcome">What is seen once it has run, in a few words (a walkthrough step says it).</param>
/// <param name="Seen">
/// Whether the outcome shows in the snapshot, given the timeline from the lesson's mark on (the mark first): only what
/// came after the mark counts, so an earlier lesson's failover never ticks a later one.
/// </param>
public sealed record Lesson(string Name, FaultEntry Entry, string Outcome, Func<LabSnapshot, IReadOnlyList<TimelineEntry>, bool> Seen)
{
    /// <summary>The timeline entry the fault menu writes when this lesson starts ("fault: TITLE").</summary>
    public string MarkText => $"fault: {Entry.Title}";

    /// <summary>The lesson was started (its mark is on the timeline) and its outcome was seen after the latest start.</summary>
    public bool Observed(LabSnapshot s)
    {
        int mark = -1;
        for (int i = s.Timeline.Length - 1; i >= 0 && mark < 0; i--)
            if (s.Timeline[i] is { Kind: TimelineKind.Fault } t && t.Text == MarkText) mark = i;
        return mark >= 0 && Seen(s, [.. s.Timeline.Skip(mark)]);
    }
}
