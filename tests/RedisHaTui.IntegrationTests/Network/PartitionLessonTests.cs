using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using StackExchange.Redis;

namespace RedisHaTui.IntegrationTests.Network;

/// <summary>
/// The partition lessons on real labs: what each says to expect is what Redis and Sentinel then do, and what the
/// ledgers call lost is what the final master, read back directly, does not hold.
/// </summary>
[LongRunning]
public class PartitionLessonTests
{
    private const int DownAfterMs = 2000;
    /// <summary>The tutorial's min-replicas-max-lag (lab/node1/redis.conf).</summary>
    private const int MaxLag = 10;

    private static FaultEntry Entry(string title) => FaultMenu.All.Single(e => e.Title.StartsWith(title, StringComparison.Ordinal));

    private static FaultContext Context(RunningLab lab) =>
        new(lab.Session.Actions, lab.Session.Store, lab.Lab, lab.Session.Log) { Network = lab.Session.Network };

    [Fact]
    public async Task Lesson_1_split_brain_bounded_loses_writes_acknowledged_after_the_cut_and_no_more_than_max_lag_allows()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: DownAfterMs, edit: TempLab.Partitions);
        Assert.Null(FaultMenu.WhyNot(Entry("split brain, bounded"), lab.Now, lab.Lab));

        (LabActionResult result, SplitBrainOutcome? o) = await PartitionLessons.RunSplitBrainAsync(Context(lab), unbounded: false).WaitAsync(TimeSpan.FromSeconds(150));

        Assert.True(result.Ok, result.Message);
        Assert.NotNull(o);
        Assert.Equal("node2", o.NewMaster);
        Assert.True(o.A.ErrorCount(WriteErrorKind.NoReplicas) > 0, "node1 must refuse A once its replica is silent for max-lag: " + result.Message);
        HashSet<long> lost = await LostByReadBackAsync(lab, o);
        Assert.True(o.A.Lost > 0, result.Message);
        Assert.Equal(o.A.Lost, lost.Count);
        // Bounded: only what node1 acknowledged until its replica's lag passed max-lag. Redis counts the lag in whole
        // seconds and refreshes it once a second, so the refusal comes up to 2 s after max-lag from the last ACK.
        var window = o.AckedByA(o.CutAt - TimeSpan.FromSeconds(1), o.CutAt + TimeSpan.FromSeconds(MaxLag + 2));
        Assert.True(lost.Count <= window.Count, $"lost {lost.Count} > {window.Count} acknowledged within max-lag + 2 s of the cut");
        Assert.Subset(window.ToHashSet(), lost);
        Assert.Contains("acknowledged then LOST", result.Message);
        Assert.Equal(0, lab.Session.Network.Counts!.Stalled);
        Assert.Equal("node2", ActionRules.CurrentMaster(lab.Now));
        // The stopwatch ran from the cut to the lost writes.
        FailoverRecord f = lab.Now.Failovers.Single(x => x.Cause.StartsWith("partition ", StringComparison.Ordinal));
        foreach (FailoverPhaseKind phase in new[] { FailoverPhaseKind.Cut, FailoverPhaseKind.SDown, FailoverPhaseKind.Promoted, FailoverPhaseKind.OldMasterRefuses, FailoverPhaseKind.Healed, FailoverPhaseKind.LostCounted })
            Assert.True(f.PhaseTime(phase) is not null, $"{phase} missing: {string.Join(", ", f.Phases.Select(p => p.Kind))}");
    }

    [Fact]
    public async Task Lesson_2_split_brain_unbounded_loses_every_write_the_old_master_acknowledged_after_the_cut()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: DownAfterMs, edit: TempLab.Partitions);

        (LabActionResult result, SplitBrainOutcome? o) = await PartitionLessons.RunSplitBrainAsync(Context(lab), unbounded: true).WaitAsync(TimeSpan.FromSeconds(150));

        Assert.True(result.Ok, result.Message);
        Assert.NotNull(o);
        Assert.Equal(0, o.A.ErrorCount(WriteErrorKind.NoReplicas)); // nothing bounded node1
        HashSet<long> lost = await LostByReadBackAsync(lab, o);
        Assert.Equal(o.A.Lost, lost.Count);
        // Every write node1 acknowledged during the cut is gone; beyond them, at most the few it acknowledged just
        // before the cut and had not yet sent to its replica (replication is asynchronous).
        Assert.Subset(lost, o.AckedByAAfterCut.ToHashSet());
        Assert.Subset(o.AckedByA(o.CutAt - TimeSpan.FromSeconds(1), o.HealAt).ToHashSet(), lost);
        // More than the bounded lesson can lose: node1 kept acknowledging past max-lag.
        Assert.True(lost.Count > lab.Lab.Load.Rate * (MaxLag + 2), $"lost {lost.Count}");
        // The setting went back: the next lesson starts from the tutorial's lab.
        foreach (string node in new[] { "node1", "node2" })
            Assert.Contains("\"1\"", (await lab.Session.Actions.RunCommandAsync(node, "config get min-replicas-to-write")).Message);
        Assert.Equal(0, lab.Session.Network.Counts!.Stalled);
    }

    [Fact]
    public async Task Lesson_3_a_minority_sentinel_sees_the_master_down_but_no_failover_happens_and_nothing_survives_the_heal()
    {
        RunningLab lab = await RunningLab.StartAsync(downAfterMs: DownAfterMs, edit: TempLab.Partitions);
        var network = lab.Session.Network;
        try
        {
            LabActionResult result = await FaultMenu.RunAsync(Entry("minority sentinel"), Context(lab)).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.True(result.Ok, result.Message);
            Assert.StartsWith("sentinel1 alone: +sdown on node1, never +odown: no failover within 3 × down-after (6 s)", result.Message);
            Assert.Contains(lab.Now.Timeline, t => t.Event == SentinelEventKind.SDown && t.SeenBy.Contains("sentinel1"));
            Assert.DoesNotContain(lab.Now.Timeline, t => t.Event is SentinelEventKind.ODown or SentinelEventKind.PromotedSlave or SentinelEventKind.SwitchMaster);
            // The stopwatch opened a record at sentinel1's +sdown; nobody was promoted in it.
            Assert.All(lab.Now.Failovers, f => Assert.Null(f.NewMaster));
            Assert.Equal(0, network.Counts!.Stalled);
            await lab.WaitForAsync(s => s.Consensus.Healthy, TimeSpan.FromSeconds(30), "healthy after the heal");
        }
        finally { await lab.DisposeAsync(); }
        // No socket or task of the relay outlives the lab.
        Assert.Equal(0, network.Counts!.Open);
    }

    [Fact]
    public async Task Lesson_4_a_replica_cut_from_its_master_makes_the_master_refuse_writes_after_max_lag_without_a_failover()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: DownAfterMs, edit: TempLab.Partitions);

        LabActionResult result = await FaultMenu.RunAsync(Entry("replica cut"), Context(lab)).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.True(result.Ok, result.Message);
        Assert.Contains("node1 refused writes (NOREPLICAS)", result.Message);
        Assert.Contains("no failover", result.Message);
        Assert.Contains("lost 0", result.Message);
        Assert.All(lab.Now.Failovers, f => Assert.Null(f.NewMaster));
        Assert.Equal(0, lab.Session.Network.Counts!.Stalled);
    }

    [Fact]
    public void Partition_entries_are_disabled_with_the_reason_and_the_flag_where_partitions_are_off()
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        LabSnapshot off = LabSnapshot.Initial(lab);

        foreach (FaultEntry lesson in PartitionLessons.All)
            Assert.Contains("--Lab:Network:Partitions true", FaultMenu.WhyNot(lesson, off, lab));
    }

    /// <summary>A's acknowledged writes the final master does not hold, read straight from it (not through the relay, not by the load).</summary>
    private static async Task<HashSet<long>> LostByReadBackAsync(RunningLab lab, SplitBrainOutcome o)
    {
        LoadLedger a = o.A;
        string master = ActionRules.CurrentMaster(lab.Now)!;
        Endpoint at = lab.Lab.Find(master)!.Endpoint;
        await using ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync($"{at},abortConnect=false");
        RedisValue[] held = await mux.GetDatabase().ListRangeAsync(a.Key);
        var onServer = held.Select(v => (long)v).ToHashSet();
        Assert.Equal(a.VerifiedOn, master); // the load's own read-back was on the final master too
        Assert.Equal(a.Acked, o.AcksOfA.Count);
        return [.. o.AcksOfA.Select(x => x.Sequence).Where(n => !onServer.Contains(n))];
    }
}
