using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

// The classic mistakes (issue 17 §2), played on the live lab: each runs the lab's ordinary actions and Sentinel's own
// commands, says which number each step needed, and puts the lab back as it was.
public static partial class FaultMenu
{
    /// <summary>
    /// The lessons by the short name the CLI and a walkthrough's `check: lesson NAME` take, in the issue's order (the
    /// "what goes wrong" walkthrough's), each with the outcome that shows it was played, read from the timeline after its mark.
    /// </summary>
    public static IReadOnlyList<Lesson> Lessons =>
    [
        new("quorum", QuorumIsNotAMajority, "a lone sentinel was not elected (-failover-abort-not-elected)",
            (s, after) => after.Any(t => t.Event == SentinelEventKind.FailoverAbortNotElected)),
        new("forget", SentinelsNeverForget, "a sentinel was reset (+reset-master) and forgot the removed replica",
            (s, after) => after.Any(t => t.Event == SentinelEventKind.ResetMaster)),
        new("forget-sentinel", SentinelsNeverForgetASentinel, "a sentinel was reset (+reset-master) and forgot the removed sentinel",
            (s, after) => after.Any(t => t.Event == SentinelEventKind.ResetMaster)),
        new("announce", WrongAnnouncedAddress, "a failover was refused: no replica to promote",
            (s, after) => after.Any(t => t.Action == LabActionKind.Failover && t.Text.Contains("refused", StringComparison.Ordinal))),
        new("pinned", ClientThatDoesNotAsk, "the pinned client was refused with READONLY",
            (s, after) => after.FirstOrDefault() is { } mark && s.Loads.Any(l => l.PinnedTo is not null && l.StartedAt >= mark.At && l.ErrorCount(WriteErrorKind.ReadOnly) > 0)),
        new("down-after", DownAfterLive, "a failover ran to writes accepted again",
            (s, after) => after.FirstOrDefault() is { } mark && s.Failovers.Any(f => f.StartedAt >= mark.At && f.PhaseTime(FailoverPhaseKind.WritesAccepted) is not null)),
    ];

    /// <summary>The lesson of that short name, or null.</summary>
    public static Lesson? LessonNamed(string name) => Lessons.FirstOrDefault(l => l.Name == name);

    /// <summary>Lesson 1: the quorum only decides that the master is down; electing the sentinel that fails over takes a majority.</summary>
    // A property, not a field: All (in another part of this partial class) is built first and reads it.
    private static FaultEntry QuorumIsNotAMajority => new("quorum 1 is not a majority: one sentinel cannot fail over alone",
        (s, lab) => $"Sets quorum 1 on every sentinel (SENTINEL SET, live: drift shows it), stops {string.Join(" and ", RunningSentinels(s).Take(2))}, " +
                    $"then kills {Master(s)}. {RunningSentinels(s).Skip(2).FirstOrDefault() ?? "The last sentinel"} marks it +odown on its own " +
                    $"(#quorum 1/1: the quorum is met) but cannot be elected leader: that takes a majority of the {lab.Sentinels.Length} sentinels it " +
                    $"knows ({lab.Sentinels.Length / 2 + 1} votes), and it has its own. After the election timeout " +
                    $"({ElectionTimeout(lab).TotalSeconds:0} s) it gives up: -failover-abort-not-elected, no failover. Then the master, the sentinels " +
                    $"and quorum {lab.Sentinels.Max(x => x.Quorum)} are put back. Then, with quorum {lab.Sentinels.Max(x => x.Quorum)}, one sentinel is " +
                    $"stopped and {Master(s)} killed again: the two left are the quorum ({lab.Sentinels.Max(x => x.Quorum)}) and a majority " +
                    $"({lab.Sentinels.Length / 2 + 1} of {lab.Sentinels.Length}), so the failover works; the sentinel and the old master start again after.",
        (s, _) => RunningSentinels(s).Length < 3 ? $"needs three running sentinels ({RunningSentinels(s).Length} running)" : null,
        (s, lab) => [FaultStep.Command($"sentinel set {lab.MasterName} quorum 1"), .. RunningSentinels(s).Take(2).Select(x => FaultStep.Now(LabActionKind.Stop, x)),
            FaultStep.Now(LabActionKind.KillMaster), FaultStep.Later(LabActionKind.Start)],
        QuorumIsNotAMajorityAsync);

    /// <summary>
    /// Lesson 2: a replica stopped for good stays in every sentinel's list (s_down) and in every sentinel.conf
    /// (known-replica) until SENTINEL RESET, sent to one sentinel at a time as the Sentinel documentation says
    /// ("Removing the old master or unreachable replicas"), so that the others keep the lab watched meanwhile.
    /// </summary>
    private static FaultEntry SentinelsNeverForget => new("remove a replica: sentinels never forget it (SENTINEL RESET)",
        (s, lab) => $"{Replica(s) ?? "a replica"} stops for good. Every sentinel keeps listing it, flagged s_down, and keeps its known-replica line " +
                    "in sentinel.conf: Sentinel never forgets a replica by itself. Then SENTINEL RESET goes to each sentinel, one at a time, " +
                    "each after the one before has found its peers again: it forgets everything it learned about the master and relearns " +
                    $"only what answers (the master's INFO lists the replicas). The lists shrink on screen. Then {Replica(s) ?? "the replica"} " +
                    "starts again and every sentinel learns it back within its next INFO of the master (10 s).",
        (s, _) => Replica(s) is null ? "no replica is running" : null,
        (s, lab) => [FaultStep.Now(LabActionKind.Stop, Replica(s)), FaultStep.Command($"sentinel reset {lab.MasterName}"), FaultStep.Later(LabActionKind.Start)],
        SentinelsNeverForgetAsync);

    private static async Task<LabActionResult> SentinelsNeverForgetAsync(FaultContext c, CancellationToken ct)
    {
        LabDefinition lab = c.Lab;
        string replica = Replica(c.Store.Current)!;
        var said = new List<string>();
        LabActionResult stopped = await c.Actions.RunAsync(LabActionKind.Stop, replica, ct);
        if (!stopped.Ok) return stopped;

        // Every sentinel that answers flags it down: after down-after-milliseconds of unanswered PINGs.
        TimeSpan downAfter = TimeSpan.FromMilliseconds(lab.Sentinels.Max(x => x.DownAfterMilliseconds));
        LabSnapshot s = await WaitOrCurrentAsync(c, x => Answering(x).All(y => Listed(y, replica) is { Down: true }), downAfter * 3 + TimeSpan.FromSeconds(5), ct);
        said.Add($"{replica} stopped; " + string.Join(", ", Answering(s).Select(y =>
            $"{y.Name} lists {y.KnownReplicas} replica(s){(Listed(y, replica) is { Down: true } ? $", {replica} s_down" : "")}{KnownReplicaLines(lab, y.Name, replica)}")));

        bool forgotten = true;
        foreach (SentinelDefinition x in lab.Sentinels.Where(x => c.Store.Current.Sentinel(x.Name) is { Reachable: true }))
        {
            LabActionResult reset = await c.Actions.RunCommandAsync(x.Name, $"sentinel reset {lab.MasterName}", ct);
            if (!reset.Ok) return LabActionResult.Refused($"{x.Name}: SENTINEL RESET refused: {reset.Message} ({string.Join("; ", said)})");
            // Before the next one: this sentinel knows its peers again (hello every 2 s) and no longer lists the replica.
            s = await WaitOrCurrentAsync(c, y => y.Sentinel(x.Name) is { Reachable: true } me && Listed(me, replica) is null
                && me.KnownSentinels >= lab.Sentinels.Length - 1, TimeSpan.FromSeconds(15), ct);
            SentinelSnapshot after = s.Sentinel(x.Name)!;
            forgotten &= Listed(after, replica) is null;
            said.Add($"SENTINEL RESET on {x.Name}: it lists {after.KnownReplicas} replica(s), knows {after.KnownSentinels} other sentinel(s) again" +
                KnownReplicaLines(lab, x.Name, replica));
        }

        LabActionResult started = await c.Actions.RunAsync(LabActionKind.Start, replica, ct);
        said.Add(started.Ok ? $"{replica} started again: the sentinels relearn it from the master's INFO" : $"{replica} did not start again: {started.Message}");
        return new LabActionResult(forgotten && started.Ok, string.Join("\n", said));
    }

    private static IEnumerable<SentinelSnapshot> Answering(LabSnapshot s) => s.Sentinels.Where(x => x.Reachable && x.Promotion is not null);

    private static PromotionCandidate? Listed(SentinelSnapshot x, string replica) => x.Promotion?.Replicas.FirstOrDefault(r => r.Name == replica);

    /// <summary>How many known-replica lines for the replica the sentinel's working config holds now (a lab on this machine only).</summary>
    private static string KnownReplicaLines(LabDefinition lab, string sentinel, string replica)
    {
        if (lab.Find(sentinel) is not { } p || lab.Find(replica) is not { } r) return "";
        string path = new RunDirectory(lab).ConfigPath(p);
        if (!File.Exists(path)) return "";
        int lines = File.ReadLines(path).Count(l => l.StartsWith("sentinel known-replica", StringComparison.Ordinal) && l.EndsWith($" {r.Endpoint.Port}", StringComparison.Ordinal));
        return $", {lines} known-replica line(s) for {replica} in {Path.GetFileName(path)}";
    }

    /// <summary>The first snapshot that meets <paramref name="condition"/>, or the current one after <paramref name="timeout"/> on the session's clock.</summary>
    private static async Task<LabSnapshot> WaitOrCurrentAsync(FaultContext c, Func<LabSnapshot, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        // The deadline on the session's clock, as every wait of the app (FaultMenu.Runs.cs).
        using var deadline = new CancellationTokenSource(timeout, c.Store.Time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try { return await c.Store.WaitForAsync(condition, wait.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return c.Store.Current; }
    }

    /// <summary>
    /// Lesson 5: detection follows down-after-milliseconds, promotion follows detection by a fraction of a second, and
    /// clients of a lab with one replica get their writes back only when the old master has rejoined.
    /// </summary>
    private static FaultEntry DownAfterLive => new("how long a failover takes: down-after-milliseconds changed live",
        (s, lab) => $"Sets down-after-milliseconds to {LessonDownAfter(lab) / 1000.0:0.#} s on every sentinel (SENTINEL SET, live: drift shows it; " +
                    $"the lab's is {DownAfter(lab)}), kills {Master(s)} and times it: +sdown follows the new value, the replica is promoted a " +
                    "few tenths of a second after, and with min-replicas-to-write and no other replica the new master refuses writes " +
                    $"(NOREPLICAS) until {Master(s)}, started again, has rejoined as its replica. Then the lab's value is put back.",
        NothingMore,
        (_, lab) => [FaultStep.Command($"sentinel set {lab.MasterName} down-after-milliseconds {LessonDownAfter(lab)}"), FaultStep.Now(LabActionKind.KillMaster),
            FaultStep.Later(LabActionKind.Start)],
        DownAfterLiveAsync);

    /// <summary>A value clearly apart from the lab's, and never below the 1500 ms that failed over reliably here (facts note).</summary>
    private static int LessonDownAfter(LabDefinition lab) =>
        lab.Sentinels.Max(x => x.DownAfterMilliseconds) is var d && d >= 4000 ? 2000 : d + 2000;

    private static async Task<LabActionResult> DownAfterLiveAsync(FaultContext c, CancellationToken ct)
    {
        LabDefinition lab = c.Lab;
        int downAfter = LessonDownAfter(lab);
        foreach (SentinelDefinition x in lab.Sentinels.Where(x => c.Store.Current.Sentinel(x.Name) is { Reachable: true }))
        {
            LabActionResult set = await c.Actions.RunCommandAsync(x.Name, $"sentinel set {lab.MasterName} down-after-milliseconds {downAfter}", ct);
            if (!set.Ok) return LabActionResult.Refused($"{x.Name}: SENTINEL SET down-after-milliseconds refused: {set.Message}");
        }
        var said = new List<string> { $"down-after-milliseconds {downAfter} ms on every sentinel (the lab's: {DownAfter(lab)})" };
        LabActionResult killed = await c.Actions.RunAsync(LabActionKind.KillMaster, null, ct);
        if (killed.Ok && killed.Target is { } master)
        {
            int number = c.Store.Current.Failovers.Length;
            LabSnapshot s = await WaitOrCurrentAsync(c, x => x.Failovers.Length >= number && x.Failovers[number - 1].PhaseTime(FailoverPhaseKind.NewMasterRole) is not null,
                TimeSpan.FromMilliseconds(downAfter * 3) + TimeSpan.FromSeconds(10), ct);
            FailoverRecord f = s.Failovers[number - 1];
            said.Add(Timed(f, FailoverPhaseKind.SDown, $"+sdown (down-after {downAfter / 1000.0:0.0#} s)"));
            said.Add(Timed(f, FailoverPhaseKind.NewMasterRole, "the replica has role master") +
                (f.PhaseTime(FailoverPhaseKind.SDown) is { } sd && f.PhaseTime(FailoverPhaseKind.NewMasterRole) is { } nm ? $", {(nm - sd).TotalSeconds:0.00} s after +sdown" : ""));
            said.Add($"then: {s.Writes.Text}");
            LabActionResult started = await c.Actions.RunAsync(LabActionKind.Start, master, ct);
            if (started.Ok)
            {
                s = await WaitOrCurrentAsync(c, x => x.Failovers[number - 1].PhaseTime(FailoverPhaseKind.WritesAccepted) is not null, TimeSpan.FromSeconds(40), ct);
                f = s.Failovers[number - 1];
                said.Add($"{master} started again: " + Timed(f, FailoverPhaseKind.Converted, "+convert-to-slave") + ", " +
                    Timed(f, FailoverPhaseKind.OldMasterLinked, "linked") + ", " + Timed(f, FailoverPhaseKind.WritesAccepted, "writes accepted again"));
            }
            else said.Add($"{master} did not start again: {started.Message}");
        }
        else said.Add($"the master was not killed: {killed.Message}");
        foreach (SentinelDefinition x in lab.Sentinels)
            await c.Actions.RunCommandAsync(x.Name, $"sentinel set {lab.MasterName} down-after-milliseconds {x.DownAfterMilliseconds}", ct);
        said.Add($"put back: down-after-milliseconds {DownAfter(lab)}");
        return new LabActionResult(killed.Ok, string.Join("\n", said));
    }

    private static string Timed(FailoverRecord f, FailoverPhaseKind kind, string what) =>
        f.PhaseTime(kind) is { } t ? $"{what} at {t.TotalSeconds:0.00} s" : $"{what}: not seen";

    /// <summary>The address lesson 3 announces: loopback (the lab never leaves it), and nothing of the lab listens there.</summary>
    public const string WrongAnnounceIp = "127.0.0.99";

    /// <summary>
    /// Lesson 3: a replica that announces an address nobody can reach it at (NAT, Docker, Kubernetes) is listed there by
    /// the master and by every sentinel that learns it afresh, and Sentinel cannot promote it.
    /// </summary>
    private static FaultEntry WrongAnnouncedAddress => new($"wrong announced address: replica-announce-ip {WrongAnnounceIp}",
        (s, _) => $"{Replica(s) ?? "The replica"} announces {WrongAnnounceIp} (CONFIG SET replica-announce-ip, then its link to {Master(s)} is " +
                  $"renewed so it says so): {Master(s)}'s INFO lists it there. A sentinel that learns it afresh (SENTINEL RESET, one at a time, as a " +
                  "new deployment would) lists only that address, cannot connect to it, and has no replica to promote: readiness says why, and " +
                  "a failover is refused (NOGOODSLAVE). For real this is NAT, Docker's port mapping or a Kubernetes pod address: the address a " +
                  "replica sees for itself is not the one the others reach it at. The fix is replica-announce-ip / replica-announce-port on the " +
                  "replica (sentinel announce-ip / announce-port on a sentinel), or host networking. Then the address is put back.",
        (s, _) => Replica(s) is null ? "no replica is running" : ActionRules.CurrentMaster(s) is null ? "no master" : null,
        // The failover runs on a lab the earlier steps changed (it is meant to be refused by Sentinel then): only the topology's rule applies.
        (_, lab) => [FaultStep.Command($"config set replica-announce-ip {WrongAnnounceIp}"), FaultStep.Command("client kill type master"),
            FaultStep.Command($"sentinel reset {lab.MasterName}"), FaultStep.Later(LabActionKind.Failover)],
        WrongAnnouncedAddressAsync);

    private static async Task<LabActionResult> WrongAnnouncedAddressAsync(FaultContext c, CancellationToken ct)
    {
        string replica = Replica(c.Store.Current)!, master = ActionRules.CurrentMaster(c.Store.Current)!;
        int port = c.Lab.Find(replica)!.Endpoint.Port;
        string wrong = $"{WrongAnnounceIp}:{port}";
        var said = new List<string>();
        LabSnapshot s = await AnnounceAsync(c, replica, master, WrongAnnounceIp, ct);
        said.Add(s.Node(master)?.Replicas.Any(r => r.Ip == WrongAnnounceIp) == true
            ? $"{master}'s INFO lists its replica at {wrong}" : $"{master}'s INFO did not list {wrong} within 15 s");
        s = await ResetEachAsync(c, x => Listed(x, wrong) is not null && Listed(x, replica) is null, ct);
        said.Add("after SENTINEL RESET, one at a time: " + string.Join(", ", Answering(s).Select(x => $"{x.Name} lists {string.Join(", ", x.Promotion!.Replicas.Select(r => r.Name))}")));
        s = await WaitOrCurrentAsync(c, x => x.Readiness.Blocker?.Contains("NOGOODSLAVE") == true, TimeSpan.FromSeconds(10), ct);
        said.Add($"readiness: {s.Readiness.Reason}");
        LabActionResult failover = await c.Actions.RunAsync(LabActionKind.Failover, null, ct);
        said.Add(failover.Ok ? $"failover: {failover.Message} (not refused)" : $"failover refused: {failover.Message}");

        // Undo: the real address announced again, learnt afresh by every sentinel.
        await AnnounceAsync(c, replica, master, "", ct);
        s = await ResetEachAsync(c, x => Listed(x, replica) is not null && Listed(x, wrong) is null, ct);
        said.Add($"put back: replica-announce-ip empty, every sentinel reset again: {s.Readiness.Reason}");
        return new LabActionResult(!failover.Ok, string.Join("\n", said));
    }

    /// <summary>CONFIG SET replica-announce-ip, then a new replication link (CLIENT KILL TYPE master): the address is sent in the handshake.</summary>
    private static async Task<LabSnapshot> AnnounceAsync(FaultContext c, string replica, string master, string ip, CancellationToken ct)
    {
        await c.Actions.RunCommandAsync(replica, $"config set replica-announce-ip \"{ip}\"", ct);
        await c.Actions.RunCommandAsync(replica, "client kill type master", ct);
        string expected = ip.Length == 0 ? c.Lab.Find(replica)!.Endpoint.Host : ip;
        return await WaitOrCurrentAsync(c, x => x.Node(master)?.Replicas.Any(r => r.Ip == expected && r.State == "online") == true, TimeSpan.FromSeconds(15), ct);
    }

    /// <summary>SENTINEL RESET on each answering sentinel in turn, each once it lists what <paramref name="relearnt"/> wants and knows its peers again.</summary>
    private static async Task<LabSnapshot> ResetEachAsync(FaultContext c, Func<SentinelSnapshot, bool> relearnt, CancellationToken ct)
    {
        foreach (SentinelDefinition x in c.Lab.Sentinels.Where(x => c.Store.Current.Sentinel(x.Name) is { Reachable: true }))
        {
            await c.Actions.RunCommandAsync(x.Name, $"sentinel reset {c.Lab.MasterName}", ct);
            await WaitOrCurrentAsync(c, y => y.Sentinel(x.Name) is { Reachable: true } me && relearnt(me) && me.KnownSentinels >= c.Lab.Sentinels.Length - 1,
                TimeSpan.FromSeconds(15), ct);
        }
        return c.Store.Current;
    }

    /// <summary>sentinel.c sentinelFailoverWaitStart: the election timeout is min(SENTINEL_ELECTION_TIMEOUT 10 s, failover-timeout).</summary>
    private static TimeSpan ElectionTimeout(LabDefinition lab) =>
        TimeSpan.FromMilliseconds(Math.Min(10_000, lab.Sentinels.Min(x => x.FailoverTimeoutMilliseconds)));

    private static async Task<LabActionResult> QuorumIsNotAMajorityAsync(FaultContext c, CancellationToken ct)
    {
        LabDefinition lab = c.Lab;
        string[] stopping = [.. RunningSentinels(c.Store.Current).Take(2)];
        string last = RunningSentinels(c.Store.Current).Except(stopping).First();
        var said = new List<string>();
        foreach (SentinelDefinition x in lab.Sentinels)
        {
            LabActionResult set = await c.Actions.RunCommandAsync(x.Name, $"sentinel set {lab.MasterName} quorum 1", ct);
            if (!set.Ok) return set with { Message = $"{x.Name}: SENTINEL SET quorum 1 refused: {set.Message}" };
        }
        said.Add("quorum 1 set on every sentinel");
        foreach (string name in stopping)
        {
            LabActionResult stopped = await c.Actions.RunAsync(LabActionKind.Stop, name, ct);
            if (!stopped.Ok) return await UndoQuorumAsync(c, stopped, said);
        }
        said.Add($"{string.Join(" and ", stopping)} stopped");
        long mark = c.Store.Current.Timeline.LastOrDefault()?.Id ?? 0;
        LabActionResult killed = await c.Actions.RunAsync(LabActionKind.KillMaster, null, ct);
        if (!killed.Ok || killed.Target is not { } master) return await UndoQuorumAsync(c, killed, said);
        said.Add($"{master} killed");

        // The abort comes after down-after (+sdown, +odown at once with quorum 1) and the election timeout.
        int downAfter = lab.Sentinels.Max(x => x.DownAfterMilliseconds);
        TimeSpan patience = TimeSpan.FromMilliseconds(downAfter * 3) + ElectionTimeout(lab) + TimeSpan.FromSeconds(5);
        LabSnapshot s = await WaitOrCurrentAsync(c, x => Since(x, mark).Any(t => t.Event == SentinelEventKind.FailoverAbortNotElected || t.Event == SentinelEventKind.SwitchMaster),
            patience, ct);
        TimelineEntry? odown = Since(s, mark).FirstOrDefault(t => t.Event == SentinelEventKind.ODown);
        bool aborted = Since(s, mark).Any(t => t.Event == SentinelEventKind.FailoverAbortNotElected);
        bool switched = Since(s, mark).Any(t => t.Event == SentinelEventKind.SwitchMaster);
        said.Add(odown is null
            ? $"{last} never reached +odown"
            : $"{last} reached +odown alone ({QuorumOf(odown.Text)})");
        said.Add(aborted ? $"-failover-abort-not-elected: {last} had 1 vote of the {lab.Sentinels.Length / 2 + 1} a leader needs (a majority of {lab.Sentinels.Length})"
            : switched ? "a failover happened after all (+switch-master)" : $"no election result within {patience.TotalSeconds:0} s");
        said.Add(switched ? "" : "no failover");

        // Undo: the master back (it was never replaced), the sentinels back, then the lab's quorum on all three.
        await c.Actions.RunAsync(LabActionKind.Start, master, ct);
        foreach (string name in stopping) await c.Actions.RunAsync(LabActionKind.Start, name, ct);
        LabActionResult first = await UndoQuorumAsync(c, new LabActionResult(aborted && !switched, ""), said);
        if (!first.Ok) return first;
        said.Clear();
        bool worked = await QuorumWithOneStoppedAsync(c, master, said, ct);
        return new LabActionResult(worked, $"{first.Message}\n{string.Join("; ", said)}");
    }

    /// <summary>
    /// The other half of lesson 1: with the lab's quorum and one sentinel stopped, the two left are the quorum (+odown)
    /// and a majority of the three they know (the election), so the failover runs. The stopped sentinel and the old
    /// master start again afterwards; the promoted replica stays master.
    /// </summary>
    private static async Task<bool> QuorumWithOneStoppedAsync(FaultContext c, string master, List<string> said, CancellationToken ct)
    {
        LabDefinition lab = c.Lab;
        int total = lab.Sentinels.Length, majority = total / 2 + 1, quorum = lab.Sentinels.Max(x => x.Quorum);
        // Every sentinel back, knowing the others and the replica again, before the next kill: else the election counts wrong.
        LabSnapshot s = await WaitOrCurrentAsync(c, x => x.Consensus.Healthy && ActionRules.CurrentMaster(x) == master
            && x.Sentinels.All(y => y.Reachable && y.KnownSentinels >= total - 1) && x.Readiness.Ready, TimeSpan.FromSeconds(40), ct);
        if (!s.Readiness.Ready) { said.Add($"then quorum {quorum} with one sentinel stopped: not tried, the lab was not ready again ({s.Readiness.Reason})"); return false; }
        string stopped = RunningSentinels(s)[0];
        LabActionResult stop = await c.Actions.RunAsync(LabActionKind.Stop, stopped, ct);
        if (!stop.Ok) { said.Add($"then: {stopped} did not stop: {stop.Message}"); return false; }
        long mark = c.Store.Current.Timeline.LastOrDefault()?.Id ?? 0;
        LabActionResult killed = await c.Actions.RunAsync(LabActionKind.KillMaster, null, ct);
        bool switched = false;
        if (killed.Ok)
        {
            TimeSpan patience = TimeSpan.FromMilliseconds(lab.Sentinels.Max(x => x.DownAfterMilliseconds) * 3) + ElectionTimeout(lab) + TimeSpan.FromSeconds(5);
            s = await WaitOrCurrentAsync(c, x => Since(x, mark).Any(t => t.Event is SentinelEventKind.SwitchMaster or SentinelEventKind.FailoverAbortNotElected), patience, ct);
            TimelineEntry? odown = Since(s, mark).FirstOrDefault(t => t.Event == SentinelEventKind.ODown);
            TimelineEntry? elected = Since(s, mark).FirstOrDefault(t => t.Event == SentinelEventKind.ElectedLeader);
            TimelineEntry? switchMaster = Since(s, mark).FirstOrDefault(t => t.Event == SentinelEventKind.SwitchMaster);
            switched = switchMaster is not null;
            said.Add($"then quorum {quorum} with {stopped} stopped and {master} killed: " +
                (odown is null ? "no +odown" : $"+odown ({QuorumOf(odown.Text)})") + ", " +
                (elected is null ? "no leader elected" : $"{elected.SeenBy.FirstOrDefault() ?? "a sentinel"} elected leader by the {total - 1} running sentinels " +
                    $"({majority} votes needed: a majority of the {total} it knows)") + ", " +
                (switched ? $"+switch-master: {ActionRules.CurrentMaster(s) ?? "a new master"} promoted" : "no failover"));
            await c.Actions.RunAsync(LabActionKind.Start, master, ct);
        }
        else said.Add($"then: {master} was not killed: {killed.Message}");
        await c.Actions.RunAsync(LabActionKind.Start, stopped, ct);
        said.Add($"put back: {stopped} and {master} started again" + (switched ? $" ({master} rejoins as a replica)" : ""));
        return switched;
    }

    /// <summary>Puts the lab's own quorum back on every sentinel that answers; the result lists what happened, in order.</summary>
    private static async Task<LabActionResult> UndoQuorumAsync(FaultContext c, LabActionResult outcome, List<string> said)
    {
        foreach (SentinelDefinition x in c.Lab.Sentinels)
        {
            // A sentinel just started may not answer yet: a few tries, a poll apart.
            for (int i = 0; i < 20; i++)
            {
                if ((await c.Actions.RunCommandAsync(x.Name, $"sentinel set {c.Lab.MasterName} quorum {x.Quorum}")).Ok) break;
                await Task.Delay(TimeSpan.FromMilliseconds(250), c.Store.Time);
            }
        }
        said.Add($"put back: quorum {c.Lab.Sentinels.Max(x => x.Quorum)}, every process started");
        string text = string.Join("; ", said.Where(x => x.Length > 0));
        return outcome.Ok ? LabActionResult.Success(text) : LabActionResult.Refused(outcome.Message.Length > 0 ? $"{outcome.Message} ({text})" : text);
    }

    /// <summary>"… objectively down (quorum 1/1)" → "quorum 1/1: 1 needed, 1 had" (Sentinel's #quorum votes/needed).</summary>
    private static string QuorumOf(string odownText) =>
        System.Text.RegularExpressions.Regex.Match(odownText, @"quorum (\d+)/(\d+)") is { Success: true } m
            ? $"quorum {m.Groups[1].Value}/{m.Groups[2].Value}: {m.Groups[2].Value} needed, {m.Groups[1].Value} had"
            : "quorum 1";

    private static IEnumerable<TimelineEntry> Since(LabSnapshot s, long mark) => s.Timeline.Where(t => t.Id > mark);
}
