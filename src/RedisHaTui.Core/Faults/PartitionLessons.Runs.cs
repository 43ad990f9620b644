using System.Text;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

/// <summary>What a split-brain lesson leaves for its reader and its tests: the cut, both ledgers, and when each of A's writes was acknowledged.</summary>
public sealed record SplitBrainOutcome(DateTimeOffset CutAt, DateTimeOffset HealAt, string OldMaster, string? NewMaster,
    LoadLedger A, LoadLedger B, IReadOnlyList<(long Sequence, DateTimeOffset At)> AcksOfA)
{
    /// <summary>A's writes acknowledged from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public IReadOnlyList<long> AckedByA(DateTimeOffset from, DateTimeOffset to) => [.. AcksOfA.Where(x => x.At >= from && x.At <= to).Select(x => x.Sequence)];

    /// <summary>A's writes the old master acknowledged during the cut (A reached no other node then).</summary>
    public IReadOnlyList<long> AckedByAAfterCut => AckedByA(CutAt, HealAt);
}

// How the partition lessons run: the network's actions, the write load's clients, and waits on the store.
public static partial class PartitionLessons
{
    private static async Task<LabActionResult> SplitBrainAsync(FaultContext c, bool unbounded, CancellationToken ct) =>
        (await RunSplitBrainAsync(c, unbounded, ct)).Result;

    /// <summary>A split-brain lesson, with its outcome beside the words (null when it could not cut): what its tests check.</summary>
    public static async Task<(LabActionResult Result, SplitBrainOutcome? Outcome)> RunSplitBrainAsync(FaultContext c, bool unbounded, CancellationToken ct = default)
    {
        NetworkActions network = c.Network!;
        LabSnapshot s0 = c.Store.Current;
        string old = ActionRules.CurrentMaster(s0)!, lone = Lone(c.Lab);
        int maxLag = MaxLag(s0), downAfter = c.Lab.Sentinels.Max(x => x.DownAfterMilliseconds);
        var restore = new List<(string Node, string Value)>();
        if (unbounded)
            foreach (string node in c.Lab.Nodes.Select(n => n.Name))
            {
                LabActionResult was = await c.Actions.RunCommandAsync(node, "config get min-replicas-to-write", ct);
                restore.Add((node, was.Message.Split('\n').LastOrDefault()?.Split('"').ElementAtOrDefault(1) ?? "1"));
                await SetMinReplicasAsync(c, node, "0", ct);
            }
        WriteLoad a = WriteLoad.Start(c.Lab, c.Store, new LoadOptions(c.Lab.Load.Rate, Client: "A"));
        WriteLoad b = WriteLoad.Start(c.Lab, c.Store, new LoadOptions(c.Lab.Load.Rate, Client: "B"));
        try
        {
            // Both clients acknowledged before the cut: what is lost later is not a start that never worked.
            await WaitAsync(c, s => s.Loads.Where(l => l.Client is "A" or "B" && l.Running).Count(l => l.Acked > 0) == 2, TimeSpan.FromSeconds(10), ct);
            DateTimeOffset cutAt = c.Store.Time.GetUtcNow();
            LabActionResult cut = network.Partition($"{old},{lone},A / rest");
            if (!cut.Ok) return (cut, null);
            string[] majority = [.. c.Lab.Sentinels.Skip(1).Select(x => x.Name)];
            bool promoted = await WaitAsync(c, s => majority.All(m => s.Sentinel(m) is { MasterNodeName: { } n } && n != old),
                TimeSpan.FromMilliseconds(downAfter * 3 + 20_000), ct);
            string? promotedNode = c.Store.Current.Sentinel(majority[0])?.MasterNodeName;
            if (unbounded) await Task.Delay(Hold(c.Store.Current), c.Store.Time, ct);
            else
            {
                // The old master refuses A once its replica has been silent for max-lag: A's ledger says NOREPLICAS.
                await WaitAsync(c, s => s.Loads.LastOrDefault(l => l.Client == "A")?.ErrorCount(WriteErrorKind.NoReplicas) > 0,
                    TimeSpan.FromSeconds(maxLag + 10), ct);
                await Task.Delay(TimeSpan.FromSeconds(1), c.Store.Time, ct);
            }
            // The clients stop at the heal: what the old master acknowledged is then exactly what A wrote during the cut.
            await Task.WhenAll(a.StopWritingAsync(), b.StopWritingAsync());
            DateTimeOffset healAt = c.Store.Time.GetUtcNow();
            LabActionResult healed = await network.HealAsync();
            bool converted = await WaitAsync(c, s => s.Node(old) is { Role: NodeRole.Replica, LinkStatus: "up", SyncInProgress: false },
                TimeSpan.FromSeconds(60), ct);
            LoadLedger la = await a.StopAsync(), lb = await b.StopAsync();
            var outcome = new SplitBrainOutcome(cutAt, healAt, old, promotedNode, la, lb, a.AckTimes());
            return (new LabActionResult(promoted && converted, Describe(outcome, unbounded, maxLag, cut.Message, healed.Message, promoted, converted)), outcome);
        }
        finally
        {
            await a.DisposeAsync();
            await b.DisposeAsync();
            foreach ((string node, string value) in restore) await SetMinReplicasAsync(c, node, value, CancellationToken.None);
        }
    }

    private static string Describe(SplitBrainOutcome o, bool unbounded, int maxLag, string cut, string healed, bool promoted, bool converted)
    {
        var text = new StringBuilder();
        text.Append(promoted ? $"split brain: {o.OldMaster} (cut off, accepting writes from A) and {o.NewMaster} (promoted by the majority)" : $"no promotion within the wait: {o.OldMaster} stayed the only master");
        text.Append('\n').Append(cut).Append('\n').Append(healed).Append('\n');
        text.Append(converted ? $"{o.OldMaster} converted to a replica of {o.NewMaster}: what it acknowledged alone is gone\n" : $"{o.OldMaster} was not converted within 60 s: see its pane\n");
        foreach (LoadLedger l in new[] { o.A, o.B })
        {
            text.Append($"client {l.Client}: acknowledged {l.Acked}, refused {l.Failed}");
            if (l.ErrorCount(WriteErrorKind.NoReplicas) is > 0 and var nr) text.Append($" ({nr} NOREPLICAS)");
            text.Append(l.Lost is { } lost
                ? $", acknowledged then LOST {lost} (read back on {l.VerifiedOn ?? "?"}){Sequences(l)}\n"
                : $", not verified: {l.Problem}\n");
        }
        text.Append(unbounded
            ? $"min-replicas-to-write 0: nothing bounded the loss; {o.AckedByAAfterCut.Count} writes acknowledged after the cut"
            : $"min-replicas-max-lag {maxLag}: {o.OldMaster} refused A after about {maxLag} s; {o.AckedByAAfterCut.Count} writes acknowledged after the cut");
        return text.ToString();
    }

    /// <summary>": #51 … #150" when the ledger lists them all, else which of them it lists (it keeps the first ones only).</summary>
    private static string Sequences(LoadLedger l) =>
        l.LostSequences.IsEmpty ? ""
        : l.LostSequences.Length == l.Lost ? $": #{l.LostSequences[0]} … #{l.LostSequences[^1]}"
        : $": #{l.LostSequences[0]} onwards (the ledger lists the first {l.LostSequences.Length})";

    private static async Task<LabActionResult> MinoritySentinelAsync(FaultContext c, CancellationToken ct)
    {
        string lone = Lone(c.Lab), master = ActionRules.CurrentMaster(c.Store.Current)!;
        int downAfter = c.Lab.Sentinels.Max(x => x.DownAfterMilliseconds);
        int failoversBefore = c.Store.Current.Failovers.Length;
        LabActionResult cut = c.Network!.Partition($"{lone} / rest");
        if (!cut.Ok) return cut;
        bool sdown = false, odown = false;
        var watch = TimeSpan.FromMilliseconds(downAfter * 3);
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            stop.CancelAfter(watch);
            try
            {
                await foreach (LabSnapshot s in c.Store.WatchAsync(stop.Token))
                {
                    sdown |= s.Sentinel(lone)?.SDown == true;
                    odown |= s.Sentinels.Any(x => x.ODown);
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
        }
        LabSnapshot after = c.Store.Current;
        bool failover = Promoted(after, failoversBefore) || ActionRules.CurrentMaster(after) != master;
        LabActionResult healed = await c.Network.HealAsync();
        string verdict = failover ? "a failover happened (it should not have: see the timeline)" : $"no failover within 3 × down-after ({watch.TotalSeconds:0.#} s)";
        return new LabActionResult(!failover && !odown,
            $"{lone} alone: {(sdown ? $"+sdown on {master}" : "never even +sdown")}, {(odown ? "+odown seen" : "never +odown")}: {verdict}\n" +
            $"{cut.Message}\n{healed.Message}\nOne sentinel is below the quorum ({c.Lab.Sentinels.Max(x => x.Quorum)}): it may believe, it may not act.");
    }

    private static async Task<LabActionResult> ReplicaCutAsync(FaultContext c, CancellationToken ct)
    {
        LabSnapshot s0 = c.Store.Current;
        string master = ActionRules.CurrentMaster(s0)!, replica = Replica(s0);
        int maxLag = MaxLag(s0), failoversBefore = s0.Failovers.Length;
        WriteLoad a = WriteLoad.Start(c.Lab, c.Store, new LoadOptions(c.Lab.Load.Rate, Client: "A"));
        try
        {
            await WaitAsync(c, s => s.Loads.LastOrDefault(l => l.Client == "A")?.Acked > 0, TimeSpan.FromSeconds(10), ct);
            DateTimeOffset cutAt = c.Store.Time.GetUtcNow();
            LabActionResult cut = c.Network!.Partition($"{replica} / {master}");
            if (!cut.Ok) return cut;
            bool refused = await WaitAsync(c, s => s.Loads.LastOrDefault(l => l.Client == "A")?.ErrorCount(WriteErrorKind.NoReplicas) > 0,
                TimeSpan.FromSeconds(maxLag + 10), ct);
            TimeSpan refusedAfter = c.Store.Time.GetUtcNow() - cutAt;
            DateTimeOffset healAt = c.Store.Time.GetUtcNow();
            LabActionResult healed = await c.Network.HealAsync();
            bool resumed = await WaitAsync(c, s => s.Loads.LastOrDefault(l => l.Client == "A")?.ResumedAt > healAt, TimeSpan.FromSeconds(20), ct);
            LoadLedger ledger = await a.StopAsync();
            bool failover = Promoted(c.Store.Current, failoversBefore);
            return new LabActionResult(refused && resumed && !failover,
                $"{master} {(refused ? $"refused writes (NOREPLICAS) {refusedAfter.TotalSeconds:0.#} s after the cut" : "never refused")}; " +
                $"{(failover ? "a failover happened (it should not have)" : "no failover: the master was fine")}; writes {(resumed ? "accepted again after the heal" : "not accepted again within 20 s")}\n" +
                $"{cut.Message}\n{healed.Message}\nclient A: acknowledged {ledger.Acked}, refused {ledger.Failed}, lost {ledger.Lost?.ToString() ?? "?"}");
        }
        finally { await a.DisposeAsync(); }
    }

    /// <summary>
    /// Whether a failover since record <paramref name="before"/> promoted anyone. The stopwatch opens a record at the
    /// master's first +sdown, which a minority sentinel does raise: a record alone is not a failover.
    /// </summary>
    private static bool Promoted(LabSnapshot s, int before) =>
        s.Failovers.Skip(before).Any(f => f.NewMaster is not null || f.PhaseTime(FailoverPhaseKind.Promoted) is not null);

    private static async Task SetMinReplicasAsync(FaultContext c, string node, string value, CancellationToken ct)
    {
        await c.Actions.RunCommandAsync(node, $"config set min-replicas-to-write {value}", ct);
        await c.Actions.RunCommandAsync(node, "config rewrite", ct);
    }

    /// <summary>True when the store showed the condition within the time; false when it did not (the lesson then says so).</summary>
    private static async Task<bool> WaitAsync(FaultContext c, Func<LabSnapshot, bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
        wait.CancelAfter(timeout);
        try
        {
            await c.Store.WaitForAsync(condition, wait.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { return false; }
    }
}
