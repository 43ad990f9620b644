using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring.Parsing;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

/// <summary>
/// The fault menu (`!`): the classic ways to break a Sentinel lab, each saying what to expect before it runs.
/// Every entry marks the timeline when it starts, then runs the lab's ordinary actions, which record themselves.
/// </summary>
public static class FaultMenu
{
    public const string TimelineKind = "fault";

    public static readonly IReadOnlyList<FaultEntry> All =
    [
        new("kill -9 the master",
            (s, lab) => $"{Master(s)} dies at once, without a goodbye. After down-after-milliseconds ({DownAfter(lab)}) the sentinels mark it " +
                        $"+sdown, then +odown, elect a leader and promote a replica. {QuorumSays(s, lab, 0)}",
            (s, _) => s.WhyNot(LabActionKind.KillMaster),
            (c, ct) => c.Actions.RunAsync(LabActionKind.KillMaster, null, ct)),

        new($"pause the master (SIGSTOP), then resume it",
            (s, lab) => $"{Master(s)} freezes for {PauseSeconds(lab)} s: longer than down-after-milliseconds ({DownAfter(lab)}), so the sentinels " +
                        "fail over. When it resumes it still believes it is master, until they convert it to a replica (+convert-to-slave).",
            (s, _) => OnMaster(s, LabActionKind.Pause),
            PauseThenResumeAsync),

        new($"DEBUG SLEEP the master",
            (s, lab) => $"{Master(s)} stops answering for {LabActions.DebugSleepSeconds} s while its process stays up (a long command, a busy disk). " +
                        (LabActions.DebugSleepSeconds * 1000 < lab.Sentinels.Min(x => x.DownAfterMilliseconds)
                            ? $"That is shorter than down-after-milliseconds ({DownAfter(lab)}): no failover, only a pause for clients."
                            : $"That reaches down-after-milliseconds ({DownAfter(lab)}): the sentinels may mark it +sdown and fail over."),
            (s, _) => OnMaster(s, LabActionKind.DebugSleep),
            (c, ct) => c.Actions.RunAsync(LabActionKind.DebugSleep, ActionRules.CurrentMaster(c.Store.Current), ct)),

        new("stop one sentinel",
            (s, lab) => $"{RunningSentinels(s).FirstOrDefault() ?? "a sentinel"} stops. {QuorumSays(s, lab, 1)}",
            (s, _) => RunningSentinels(s).Length == 0 ? "no sentinel is running" : null,
            (c, ct) => c.Actions.RunAsync(LabActionKind.Stop, RunningSentinels(c.Store.Current)[0], ct)),

        new("stop two sentinels: no automatic failover",
            (s, lab) => $"{string.Join(" and ", RunningSentinels(s).Take(2))} stop. {QuorumSays(s, lab, 2)} Once the last one marks them " +
                        "+sdown, CKQUORUM answers why (NOQUORUM); then kill the master and watch it stay down.",
            (s, _) => RunningSentinels(s).Length < 2 ? $"needs two running sentinels ({RunningSentinels(s).Length} running)" : null,
            StopTwoSentinelsAsync),

        new("restart a replica and watch it resync",
            (s, _) => $"{Replica(s) ?? "a replica"} stops and starts again, then asks {Master(s)} to resync: partial (only the missed part of the " +
                      "backlog) when the master recognises its replication ID and offset, full (a whole RDB copy) otherwise. The result says which, and why.",
            (s, _) => Replica(s) is { } r ? s.WhyNot(LabActionKind.Restart, r) : "no replica is running",
            RestartReplicaAsync),

        new("kill the master, restart it before down-after",
            (s, lab) => $"{Master(s)} is killed and started again after {QuickRestart(lab).TotalSeconds:0.#} s, before down-after-milliseconds " +
                        $"({DownAfter(lab)}): no +sdown, no failover at all (the stopwatch says no failover). Clients see only a short outage.",
            (s, _) => s.WhyNot(LabActionKind.KillMaster),
            KillAndRestartAsync),
    ];

    /// <summary>Why <paramref name="entry"/> cannot run now, or null.</summary>
    public static string? WhyNot(FaultEntry entry, LabSnapshot s, LabDefinition lab) => entry.WhyNot(s, lab);

    /// <summary>Marks the timeline, then runs the entry; refused with its reason when it cannot run now.</summary>
    public static async Task<LabActionResult> RunAsync(FaultEntry entry, FaultContext c, CancellationToken ct = default)
    {
        if (entry.WhyNot(c.Store.Current, c.Lab) is { } why) return LabActionResult.Refused($"{entry.Title}: {why}");
        c.Store.Update(s => Timeline.Add(s, TimelineSource.App, TimelineKind, $"fault: {entry.Title}", c.Store.Time.GetUtcNow(), c.Lab.Ui.TimelineLines));
        return await entry.Run(c, ct);
    }

    private static string Master(LabSnapshot s) => ActionRules.CurrentMaster(s) ?? "the master";

    private static string? OnMaster(LabSnapshot s, LabActionKind kind) =>
        ActionRules.CurrentMaster(s) is { } m ? s.WhyNot(kind, m) : "no master to act on";

    private static string? Replica(LabSnapshot s) =>
        s.Nodes.FirstOrDefault(n => n is { Reachable: true, Role: NodeRole.Replica } && n.Process.IsAlive)?.Name;

    private static string[] RunningSentinels(LabSnapshot s) => [.. s.Sentinels.Where(x => x.Process.IsAlive).Select(x => x.Name)];

    private static string DownAfter(LabDefinition lab) => $"{lab.Sentinels.Max(x => x.DownAfterMilliseconds) / 1000.0:0.#} s";

    private static int PauseSeconds(LabDefinition lab) => lab.Sentinels.Max(x => x.DownAfterMilliseconds) / 1000 + 3;

    /// <summary>Well inside down-after-milliseconds, with time left for the process to load its data and answer.</summary>
    private static TimeSpan QuickRestart(LabDefinition lab) => TimeSpan.FromMilliseconds(lab.Sentinels.Min(x => x.DownAfterMilliseconds) / 4.0);

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

    private static async Task<LabActionResult> PauseThenResumeAsync(FaultContext c, CancellationToken ct)
    {
        string master = ActionRules.CurrentMaster(c.Store.Current)!;
        LabActionResult paused = await c.Actions.RunAsync(LabActionKind.Pause, master, ct);
        if (!paused.Ok) return paused;
        await Task.Delay(TimeSpan.FromSeconds(PauseSeconds(c.Lab)), c.Store.Time, ct);
        LabActionResult resumed = await c.Actions.RunAsync(LabActionKind.Resume, master, ct);
        return resumed with { Message = $"{paused.Message}\n{resumed.Message} after {PauseSeconds(c.Lab)} s" };
    }

    private static async Task<LabActionResult> KillAndRestartAsync(FaultContext c, CancellationToken ct)
    {
        LabActionResult killed = await c.Actions.RunAsync(LabActionKind.KillMaster, null, ct);
        if (!killed.Ok || killed.Target is not { } master) return killed;
        await Task.Delay(QuickRestart(c.Lab), c.Store.Time, ct);
        LabActionResult started = await c.Actions.RunAsync(LabActionKind.Start, master, ct);
        return started with { Message = $"{killed.Message.Split(':')[0]}, then {started.Message} {QuickRestart(c.Lab).TotalSeconds:0.#} s later: before down-after, so no failover" };
    }

    private static async Task<LabActionResult> StopTwoSentinelsAsync(FaultContext c, CancellationToken ct)
    {
        string[] two = [.. RunningSentinels(c.Store.Current).Take(2)];
        foreach (string name in two)
        {
            LabActionResult stopped = await c.Actions.RunAsync(LabActionKind.Stop, name, ct);
            if (!stopped.Ok) return stopped;
        }
        // CKQUORUM counts a stopped sentinel as usable until the others mark it +sdown (down-after-milliseconds):
        // ask once the store shows a sentinel that answers with a failing verdict, or after a generous wait.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromMilliseconds(c.Lab.Sentinels.Max(x => x.DownAfterMilliseconds) * 2 + 5000));
        try { await c.Store.WaitForAsync(s => s.Sentinels.Any(x => x.Reachable && x.QuorumOk == false), wait.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        LabActionResult quorum = await c.Actions.RunAsync(LabActionKind.CheckQuorum, null, ct);
        return new LabActionResult(true, $"{string.Join(" and ", two)} stopped. SENTINEL CKQUORUM now says:\n{quorum.Message}");
    }

    private static async Task<LabActionResult> RestartReplicaAsync(FaultContext c, CancellationToken ct)
    {
        LabSnapshot s = c.Store.Current;
        string replica = Replica(s)!, master = ActionRules.CurrentMaster(s)!;
        (long full, long partial)? before = await SyncCountsAsync(c, master, ct);
        long masterMark = c.Log(master).Total, replicaMark = c.Log(replica).Total;
        LabActionResult restarted = await c.Actions.RunAsync(LabActionKind.Restart, replica, ct);
        if (!restarted.Ok) return restarted;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await c.Store.WaitForAsync(x => x.Node(replica) is { Reachable: true, Role: NodeRole.Replica, LinkStatus: "up", SyncInProgress: false }, wait.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return LabActionResult.Refused($"{restarted.Message}, but it did not link to {master} within 30 s: see its log");
        }
        (long full, long partial)? after = await SyncCountsAsync(c, master, ct);
        string kind = before is { } b && after is { } a
            ? a.full > b.full ? "a FULL resync" : a.partial > b.partial ? "a PARTIAL resync" : "a resync (the master's counters did not move)"
            : "a resync";
        string why = ResyncReason(Since(c.Log(replica), replicaMark).Concat(Since(c.Log(master), masterMark))) ?? "neither log says why";
        return LabActionResult.Success($"{replica} restarted and linked to {master} again with {kind} (INFO stats sync_full / sync_partial_ok).\nWhy: {why}");
    }

    /// <summary>The master's sync_full and sync_partial_ok counters (INFO stats), or null when it does not answer.</summary>
    private static async Task<(long, long)?> SyncCountsAsync(FaultContext c, string master, CancellationToken ct)
    {
        LabActionResult info = await c.Actions.RunCommandAsync(master, "info stats", ct);
        if (!info.Ok) return null;
        InfoReply reply = InfoReply.Parse(info.Message);
        return (reply.GetLong("sync_full") ?? 0, reply.GetLong("sync_partial_ok") ?? 0);
    }

    /// <summary>The lines a log gained since <paramref name="mark"/> (its Total then).</summary>
    private static IReadOnlyList<string> Since(LogRing log, long mark) =>
        log.Take((int)Math.Min(int.MaxValue, Math.Max(0, log.Total - mark)), long.MaxValue);

    /// <summary>
    /// Why the resync was partial or full, from the replica's and the master's own log lines: Redis says it there
    /// ("Partial resynchronization not possible (no cached master)"); the plain words after it are ours.
    /// </summary>
    public static string? ResyncReason(IEnumerable<string> lines)
    {
        string? said = null;
        int rank = int.MaxValue;
        foreach (string line in lines)
        {
            // The most telling first: a refusal with its reason, then what was agreed.
            string[] markers =
            [
                "Partial resynchronization not possible", "Partial resynchronization not accepted:",
                "Partial resynchronization request from", "Successful partial resynchronization", "Full resync requested by",
            ];
            for (int i = 0; i < markers.Length && i < rank; i++)
            {
                int at = line.IndexOf(markers[i], StringComparison.Ordinal);
                if (at < 0) continue;
                said = line[at..].Trim();
                rank = i;
            }
        }
        if (said is null) return null;
        string? plain = said switch
        {
            _ when said.Contains("no cached master", StringComparison.Ordinal) =>
                "the restarted replica did not keep its master's replication ID and offset (its data came back from the AOF, which stores neither), so it could only ask for everything",
            _ when said.Contains("Replication ID mismatch", StringComparison.Ordinal) =>
                "the master's replication history is not the one the replica followed (a failover it missed), so the missed part cannot be named",
            _ when said.Contains("out of range", StringComparison.OrdinalIgnoreCase) || said.Contains("backlog", StringComparison.OrdinalIgnoreCase) && said.Contains("not", StringComparison.Ordinal) =>
                "the writes it missed are no longer in the master's backlog (repl-backlog-size)",
            _ when said.StartsWith("Partial resynchronization request from", StringComparison.Ordinal) || said.StartsWith("Successful partial", StringComparison.Ordinal) =>
                "the master still had the writes the replica missed in its backlog, and the same replication ID: only those were sent",
            _ => null,
        };
        return plain is null ? said : $"{said}: {plain}";
    }
}
