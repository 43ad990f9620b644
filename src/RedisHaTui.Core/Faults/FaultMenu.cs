using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

/// <summary>
/// The fault menu (`!`): the classic ways to break a Sentinel lab, each saying what to expect before it runs.
/// Every entry marks the timeline when it starts, then runs the lab's ordinary actions, which record themselves.
/// </summary>
public static partial class FaultMenu
{
    /// <summary>The crash-and-pause entries, then the partition lessons (disabled with the flag that enables them where partitions are off).</summary>
    public static readonly IReadOnlyList<FaultEntry> All = [.. Classic(), .. PartitionLessons.All];

    private static FaultEntry[] Classic() =>
    [
        new("kill -9 the master",
            (s, lab) => $"{Master(s)} dies at once, without a goodbye. After down-after-milliseconds ({DownAfter(lab)}) the sentinels mark it " +
                        $"+sdown, then +odown, elect a leader and promote a replica. {QuorumSays(s, lab, 0)}{PromotionSays(s)}",
            NothingMore,
            (_, _) => [FaultStep.Now(LabActionKind.KillMaster)],
            (c, ct) => c.Actions.RunAsync(LabActionKind.KillMaster, null, ct)),

        new($"pause the master (SIGSTOP), then resume it",
            (s, lab) => $"{Master(s)} freezes for {PauseSeconds(lab)} s: longer than down-after-milliseconds ({DownAfter(lab)}), so the sentinels " +
                        "fail over. When it resumes it still believes it is master, until they convert it to a replica (+convert-to-slave)." + PromotionSays(s),
            (s, _) => HasMaster(s),
            (s, _) => [FaultStep.Now(LabActionKind.Pause, Master(s)), FaultStep.Later(LabActionKind.Resume)],
            PauseThenResumeAsync),

        new($"DEBUG SLEEP the master",
            (s, lab) => $"{Master(s)} stops answering for {LabActions.DebugSleepSeconds} s while its process stays up (a long command, a busy disk). " +
                        (LabActions.DebugSleepSeconds * 1000 < lab.Sentinels.Min(x => x.DownAfterMilliseconds)
                            ? $"That is shorter than down-after-milliseconds ({DownAfter(lab)}): no failover, only a pause for clients."
                            : $"That reaches down-after-milliseconds ({DownAfter(lab)}): the sentinels may mark it +sdown and fail over."),
            (s, _) => HasMaster(s),
            (s, _) => [FaultStep.Now(LabActionKind.DebugSleep, Master(s))],
            (c, ct) => c.Actions.RunAsync(LabActionKind.DebugSleep, ActionRules.CurrentMaster(c.Store.Current), ct)),

        new("stop one sentinel",
            (s, lab) => $"{RunningSentinels(s).FirstOrDefault() ?? "a sentinel"} stops. {QuorumSays(s, lab, 1)}",
            (s, _) => RunningSentinels(s).Length == 0 ? "no sentinel is running" : null,
            (s, _) => [FaultStep.Now(LabActionKind.Stop, RunningSentinels(s)[0])],
            (c, ct) => c.Actions.RunAsync(LabActionKind.Stop, RunningSentinels(c.Store.Current)[0], ct)),

        new("stop two sentinels: no automatic failover",
            (s, lab) => $"{string.Join(" and ", RunningSentinels(s).Take(2))} stop. {QuorumSays(s, lab, 2)} Once the last one marks them " +
                        "+sdown, CKQUORUM answers why (NOQUORUM); then kill the master and watch it stay down.",
            (s, _) => RunningSentinels(s).Length < 2 ? $"needs two running sentinels ({RunningSentinels(s).Length} running)" : null,
            (s, _) => [.. RunningSentinels(s).Take(2).Select(x => FaultStep.Now(LabActionKind.Stop, x)), FaultStep.Later(LabActionKind.CheckQuorum)],
            StopTwoSentinelsAsync),

        new("restart a replica and watch it resync",
            (s, _) => $"{Replica(s) ?? "a replica"} stops and starts again, then asks {Master(s)} to resync: partial (only the missed part of the " +
                      "backlog) when the master recognises its replication ID and offset, full (a whole RDB copy) otherwise. The result says which, and why.",
            (s, _) => Replica(s) is null ? "no replica is running" : null,
            (s, _) => [FaultStep.Command("info stats"), FaultStep.Now(LabActionKind.Restart, Replica(s))],
            RestartReplicaAsync),

        new("kill the master, restart it before down-after",
            (s, lab) => $"{Master(s)} is killed and started again after {QuickRestart(lab).TotalSeconds:0.#} s, before down-after-milliseconds " +
                        $"({DownAfter(lab)}): no +sdown, no failover at all (the stopwatch says no failover). Clients see only a short outage.",
            NothingMore,
            (_, _) => [FaultStep.Now(LabActionKind.KillMaster), FaultStep.Later(LabActionKind.Start)],
            KillAndRestartAsync),

        // The lessons, in the order of `lesson` and the what-goes-wrong walkthrough (Lessons).
        QuorumIsNotAMajority,
        SentinelsNeverForget,
        SentinelsNeverForgetASentinel,
        WrongAnnouncedAddress,
        ClientThatDoesNotAsk,
        DownAfterLive,
    ];

    /// <summary>
    /// Why <paramref name="entry"/> cannot run now, or null: what it needs, then the first of its steps that would be
    /// refused, for that step's own reason (the one rule for every entry, so an attached deployment's read-only policy
    /// disables an entry before it marks the timeline, not halfway through).
    /// A session that refuses everything (a replay) says so first.
    /// </summary>
    public static string? WhyNot(FaultEntry entry, LabSnapshot s, LabDefinition lab) =>
        s.Availability.Refused ?? entry.Needs(s, lab) ?? entry.Steps(s, lab).Select(step => step.WhyNot(s)).FirstOrDefault(why => why is not null);

    /// <summary>Marks the timeline, then runs the entry; refused with its reason when it cannot run now.</summary>
    public static async Task<LabActionResult> RunAsync(FaultEntry entry, FaultContext c, CancellationToken ct = default)
    {
        if (WhyNot(entry, c.Store.Current, c.Lab) is { } why) return LabActionResult.Refused($"{entry.Title}: {why}");
        c.Store.Update(s => Timeline.Add(s, TimelineKind.Fault, $"fault: {entry.Title}", c.Store.Time.GetUtcNow(), c.Lab.Ui.TimelineLines));
        return await entry.Run(c, ct);
    }

    private static string Master(LabSnapshot s) => ActionRules.CurrentMaster(s) ?? "the master";

    private static string? HasMaster(LabSnapshot s) => ActionRules.CurrentMaster(s) is null ? "no master to act on" : null;

    /// <summary>An entry whose steps say all it needs.</summary>
    private static string? NothingMore(LabSnapshot s, LabDefinition lab) => null;

    private static string? Replica(LabSnapshot s) =>
        s.Nodes.FirstOrDefault(n => n is { Reachable: true, Role: NodeRole.Replica } && n.Process.IsAlive)?.Name;

    private static string[] RunningSentinels(LabSnapshot s) => [.. s.Sentinels.Where(x => x.Process.IsAlive).Select(x => x.Name)];

    private static string DownAfter(LabDefinition lab) => $"{lab.Sentinels.Max(x => x.DownAfterMilliseconds) / 1000.0:0.#} s";

    private static int PauseSeconds(LabDefinition lab) => lab.Sentinels.Max(x => x.DownAfterMilliseconds) / 1000 + 3;

    private static TimeSpan DownAfterOf(LabDefinition lab) => TimeSpan.FromMilliseconds(lab.Sentinels.Min(x => x.DownAfterMilliseconds));

    /// <summary>Well inside down-after-milliseconds, with time left for the process to load its data and answer.</summary>
    private static TimeSpan QuickRestart(LabDefinition lab) => TimeSpan.FromMilliseconds(lab.Sentinels.Min(x => x.DownAfterMilliseconds) / 4.0);

    /// <summary>
    /// Which replica the sentinels would promote if the master went down now, or a warning: whichever sentinel is
    /// elected leader runs sentinelSelectSlave, and one that finds nobody aborts (-failover-abort-no-good-slave).
    /// </summary>
    private static string PromotionSays(LabSnapshot s)
    {
        SentinelSnapshot[] read = [.. s.Sentinels.Where(x => x.Reachable && x.Promotion is not null)];
        if (read.Length == 0) return "";
        if (read.FirstOrDefault(x => x.Promotion!.Promotes is null) is { } none)
            return $" Warning: {none.Name} would promote no replica now ({none.Promotion!.Reason}); if it is elected leader, it aborts the failover " +
                   "(-failover-abort-no-good-slave) and the next try waits 2 × failover-timeout.";
        string[] chosen = [.. read.Select(x => x.Promotion!.Promotes!).Distinct()];
        return chosen.Length == 1 ? $" The sentinels would promote {chosen[0]}." : $" The sentinels disagree on whom to promote ({string.Join(" or ", chosen)}): the leader decides.";
    }

    /// <summary>Whether the sentinels left after stopping <paramref name="stopping"/> can still fail over, in plain words.</summary>
    private static string QuorumSays(LabSnapshot s, LabDefinition lab, int stopping)
    {
        int total = lab.Sentinels.Length, left = Math.Max(0, RunningSentinels(s).Length - stopping);
        int quorum = lab.Sentinels.Max(x => x.Quorum), majority = total / 2 + 1;
        if (left >= Math.Max(quorum, majority))
            return $"{left} of {total} sentinels remain: enough for the quorum ({quorum}) and the majority ({majority}) that authorises a failover.";
        string missing = left < quorum ? $"the quorum ({quorum}) that agrees the master is down" : $"the majority ({majority}) that elects a leader";
        // SENTINEL FAILOVER (f) asks nobody, so it still works: only the automatic failover needs the others.
        return $"Only {left} of {total} sentinels remain: below {missing}, so no automatic failover can happen " +
               "(a forced SENTINEL FAILOVER still can: it asks no other sentinel).";
    }
}
