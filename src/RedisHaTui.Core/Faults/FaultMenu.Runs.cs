using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Monitoring.Parsing;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

// How the entries that take more than one action run: each step is one of the lab's ordinary actions.
public static partial class FaultMenu
{
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
        DateTimeOffset killedAt = c.Store.Time.GetUtcNow();
        await Task.Delay(QuickRestart(c.Lab), c.Store.Time, ct);
        LabActionResult started = await c.Actions.RunAsync(LabActionKind.Start, master, ct);
        // The start returns once the process listens again: on a loaded machine that can be later than down-after.
        TimeSpan back = c.Store.Time.GetUtcNow() - killedAt;
        TimeSpan? sdown = c.Store.Current.Failovers.LastOrDefault(f => f.Cause == $"kill -9 {master}")?.PhaseTime(FailoverPhaseKind.SDown);
        if (!started.Ok) return started;
        return started with { Message = KillRestartText(killed.Message.Split(':')[0], started.Message, back, DownAfterOf(c.Lab), sdown) };
    }

    /// <summary>
    /// What "kill the master and restart" did, told from what happened rather than from the plan: back before
    /// down-after-milliseconds and no +sdown means no failover; a +sdown seen, or a restart that came later than
    /// down-after, means the sentinels may fail over (the stopwatch shows whether they did).
    /// </summary>
    /// <param name="back">From the kill until the restarted master listened again.</param>
    /// <param name="downAfter">The sentinels' shortest down-after-milliseconds.</param>
    /// <param name="sdown">When a sentinel marked the master +sdown, after the kill; null when none did (yet).</param>
    internal static string KillRestartText(string killed, string started, TimeSpan back, TimeSpan downAfter, TimeSpan? sdown)
    {
        string lead = $"{killed}, then {started} {Secs(back)} s later";
        if (sdown is { } d)
            return $"{lead}: too late, the sentinels marked it +sdown {Secs(d)} s after the kill (down-after {Secs(downAfter)} s), so they may fail over: see the stopwatch";
        if (back >= downAfter)
            return $"{lead}: not before down-after ({Secs(downAfter)} s), so the sentinels may mark it +sdown and fail over: see the stopwatch";
        return $"{lead}: before down-after, so no failover (down-after {Secs(downAfter)} s)";
    }

    private static string Secs(TimeSpan t) => t.TotalSeconds.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture);

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
        DateTimeOffset stoppedAt = c.Store.Time.GetUtcNow();
        // The deadline on the session's clock, as every wait of the app: a test moves it instead of waiting it out.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(c.Lab.Sentinels.Max(x => x.DownAfterMilliseconds) * 2 + 5000), c.Store.Time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        // Only the sentinel left running counts (one being stopped may answer its last CKQUORUM with a failure), and
        // only a verdict asked after the stops: the one kept from the lab's start can be a NOQUORUM from before the
        // sentinels had met.
        try
        {
            await c.Store.WaitForAsync(s => s.Sentinels.Any(x => !two.Contains(x.Name) && x.Reachable && x.QuorumOk == false && x.QuorumAskedAt > stoppedAt),
                wait.Token);
        }
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
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30), c.Store.Time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
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
