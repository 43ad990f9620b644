namespace RedisHaTui.Core.State;

/// <summary>
/// What a timeline entry records, for code to compare (the walkthrough, the CLI's filters, a recording's reader);
/// <see cref="TimelineEntry.Name"/> keeps the word shown for it on the screen, in handouts and in `events --json`.
/// </summary>
public enum TimelineKind
{
    /// <summary>A Sentinel event: <see cref="TimelineEntry.Event"/> has its type, the name its channel (+sdown).</summary>
    SentinelEvent,
    /// <summary>A process started, paused or exited (the supervisor or the monitor saw it): the name is the new state.</summary>
    Process,
    /// <summary>An action run or refused (a key, a CLI verb, a fault's step): <see cref="TimelineEntry.Action"/> says which.</summary>
    Action,
    /// <summary>The lab's start, step by step ("replicas linked; starting sentinel1…").</summary>
    Start,
    /// <summary>A problem the person must see (a failed start).</summary>
    Error,
    /// <summary>A fault menu entry began; the actions it runs record themselves.</summary>
    Fault,
    /// <summary>A node refused a write from the app's console because it is a replica (READONLY).</summary>
    ReadOnly,
    /// <summary>The write load's plain words for a burst of refused writes, or for writes acknowledged and then lost.</summary>
    Writes,
    /// <summary>The write load's summary when it stops.</summary>
    LoadSummary,
    /// <summary>The network was cut.</summary>
    Partition,
    /// <summary>The network was healed.</summary>
    Heal,
    /// <summary>An attached deployment changed: a node found or gone, or the figures its sentinels report (SENTINEL SET).</summary>
    Topology,
    /// <summary>Something about the screen itself (how its idle loop reads input).</summary>
    Screen,
    /// <summary>A handout was written.</summary>
    Handout,
}

/// <summary>The words shown for the kinds whose every entry has the same one: scripts read them (events --json, handouts).</summary>
public static class TimelineKindNames
{
    /// <summary>The word for <paramref name="kind"/>; the kinds whose word changes per entry have none here.</summary>
    public static string Of(TimelineKind kind) => kind switch
    {
        TimelineKind.Start => "start",
        TimelineKind.Error => "error",
        TimelineKind.Fault => "fault",
        TimelineKind.ReadOnly => "readonly",
        TimelineKind.Writes => "writes",
        TimelineKind.LoadSummary => "write",
        TimelineKind.Partition => "partition",
        TimelineKind.Heal => "heal",
        TimelineKind.Topology => "topology",
        TimelineKind.Screen => "screen",
        TimelineKind.Handout => "handout",
        _ => throw new ArgumentException($"a {kind} entry's word depends on the entry: use the call that names it", nameof(kind)),
    };

    /// <summary>Where entries of <paramref name="kind"/> come from: the sentinels, the processes, or the app.</summary>
    public static TimelineSource SourceOf(TimelineKind kind) => kind switch
    {
        TimelineKind.SentinelEvent => TimelineSource.Sentinel,
        TimelineKind.Process => TimelineSource.Process,
        _ => TimelineSource.App,
    };
}
