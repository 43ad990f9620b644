using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Faults;

/// <summary>Fault menu entries on real labs: what each said to expect is what the lab then does.</summary>
public class FaultMenuOnRealLabTests
{
    private static FaultEntry Entry(string title) => FaultMenu.All.Single(e => e.Title.StartsWith(title, StringComparison.Ordinal));

    private static FaultContext Context(RunningLab lab) => new(lab.Session.Actions, lab.Session.Store, lab.Lab, lab.Session.Log);

    [Fact]
    public async Task Stopping_two_sentinels_leaves_no_quorum_CKQUORUM_says_so_and_a_killed_master_stays_down()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);
        FaultEntry stopTwo = Entry("stop two sentinels");
        Assert.Contains("Only 1 of 3 sentinels remain: below the quorum (2)", stopTwo.Expect(lab.Now, lab.Lab));

        LabActionResult result = await FaultMenu.RunAsync(stopTwo, Context(lab)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Ok, result.Message);
        Assert.StartsWith("sentinel1 and sentinel2 stopped. SENTINEL CKQUORUM now says:", result.Message);
        Assert.True(result.Message.Contains("sentinel3: NOQUORUM"), result.Message); // Sentinel's own words for why
        Assert.Contains(lab.Now.Timeline, t => t.Source == TimelineSource.App && t.Text == "fault: stop two sentinels: no automatic failover");
        Assert.Equal("needs two running sentinels (1 running)", FaultMenu.WhyNot(stopTwo, lab.Now, lab.Lab));

        LabActionResult kill = await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null);
        Assert.Contains("quorum lost, 1 of 3 sentinels up, so no failover will happen", kill.Message);
        await lab.WaitForAsync(s => s.Sentinel("sentinel3")!.SDown, TimeSpan.FromSeconds(20), "sentinel3 sees node1 down");
        // The lone sentinel can only believe it is down: it never reaches +odown, and nobody is promoted.
        await Assert.ThrowsAsync<TimeoutException>(() => lab.WaitForAsync(
            s => s.Sentinels.Any(x => x.ODown) || s.Node("node2")!.Role == NodeRole.Master, TimeSpan.FromSeconds(6), "a failover (there must be none)"));
    }

    [Fact]
    public async Task A_restarted_replica_resyncs_and_the_result_says_full_or_partial_and_why()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        Assert.Equal("OK", (await lab.Session.Actions.RunCommandAsync("node1", "set k1 val1")).Message);

        LabActionResult result = await FaultMenu.RunAsync(Entry("restart a replica"), Context(lab)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Ok, result.Message);
        Assert.Matches(@"^node2 restarted and linked to node1 again with a (FULL|PARTIAL) resync", result.Message);
        // Redis's own line, quoted: with AOF on, the restarted replica has no cached master, so the sync is full.
        Assert.Contains("Why: Partial resynchronization not possible (no cached master): ", result.Message);
        Assert.Contains("a FULL resync", result.Message);
    }

    [Fact]
    public async Task A_master_killed_and_restarted_before_down_after_causes_no_failover()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 4000);

        LabActionResult result = await FaultMenu.RunAsync(Entry("kill the master, restart"), Context(lab)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Ok, result.Message);
        Assert.Contains("before down-after, so no failover", result.Message);
        LabSnapshot s = await lab.WaitForAsync(x => x.Failovers.LastOrDefault() is { Complete: true }, TimeSpan.FromSeconds(30), "the stopwatch closes");
        FailoverRecord f = s.Failovers.Single();
        // When Sentinel acted after all, say what it did and when the restart came: the premise is the restart beating down-after.
        Assert.True(f.PhaseTime(FailoverPhaseKind.NoFailover) is not null, $"{result.Message}; phases: " +
            string.Join(", ", f.Phases.Select(p => $"{p.Kind} {p.After.TotalSeconds:0.00} s {p.Detail}")) +
            $"; timeline: {string.Join(" | ", s.Timeline.TakeLast(15).Select(t => $"{t.At:HH:mm:ss.fff} {t.Name} {t.Text}"))}");
        Assert.Null(f.PhaseTime(FailoverPhaseKind.SwitchMaster));
        Assert.Equal("node1", s.Consensus.MasterByRoles);
    }
}
