using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>The tutorial's stories on real processes. Timeouts come from the measured figures (facts note) with room to spare.</summary>
[LongRunning]
public class FailoverScenarioTests
{
    [Fact]
    public async Task A_manual_failover_moves_the_master_and_the_other_replica_follows()
    {
        await using RunningLab lab = await RunningLab.StartAsync(nodes: 3);

        LabActionResult result = await lab.Session.Actions.RunAsync(LabActionKind.Failover, null);
        Assert.True(result.Ok, result.Message);
        LabSnapshot s = await lab.WaitForAsync(x => x.Consensus.MasterBySentinels is "node2" or "node3"
            && x.Consensus.MasterByRoles == x.Consensus.MasterBySentinels, TimeSpan.FromSeconds(20), "a new master agreed by all");
        string newMaster = s.Consensus.MasterByRoles!;
        string other = newMaster == "node2" ? "node3" : "node2";
        s = await lab.WaitForAsync(x => x.Node(other) is { Role: NodeRole.Replica, LinkStatus: "up" } n && n.FollowsName == newMaster,
            TimeSpan.FromSeconds(30), $"{other} follows {newMaster}");

        FailoverRecord f = s.Failovers.Single();
        Assert.StartsWith("SENTINEL FAILOVER", f.Cause);
        Assert.Equal(("node1", newMaster), (f.OldMaster, f.NewMaster));
        Assert.NotNull(f.PhaseTime(FailoverPhaseKind.SwitchMaster));
        // Sentinel waits at most failover-timeout (10 s in these labs) for the promotion before it gives up, and the
        // monitor reads roles every 500 ms: a bound Redis sets (0.2 s is usual here, a figure only a quiet machine keeps).
        Assert.True(f.PhaseTime(FailoverPhaseKind.NewMasterRole) < TimeSpan.FromSeconds(10.5), $"{f.PhaseTime(FailoverPhaseKind.NewMasterRole)}");
    }

    [Fact]
    public async Task A_crashed_master_is_replaced_and_rejoins_as_a_replica_when_restarted()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);

        LabActionResult kill = await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null);
        Assert.True(kill.Ok, kill.Message);
        LabSnapshot s = await lab.WaitForAsync(x => x.Failovers.FirstOrDefault() is { Complete: true }, TimeSpan.FromSeconds(20), "failover complete");

        FailoverRecord f = s.Failovers.Single();
        Assert.Equal(("kill -9 node1", "node1", "node2"), (f.Cause, f.OldMaster, f.NewMaster));
        TimeSpan sdown = f.PhaseTime(FailoverPhaseKind.SDown)!.Value, promoted = f.PhaseTime(FailoverPhaseKind.NewMasterRole)!.Value;
        // Sentinel declares +sdown down-after (2 s) after the last answer, which came at most one PING period (1 s)
        // before the kill; the upper bound leaves a loaded machine two seconds to deliver the event.
        Assert.InRange(sdown.TotalSeconds, 1.0, 5);
        Assert.True(f.PhaseTime(FailoverPhaseKind.ODown) >= sdown);
        Assert.True(promoted > sdown);
        Assert.NotNull(f.PhaseTime(FailoverPhaseKind.SwitchMaster));
        Assert.Contains(s.Timeline, t => t.Event == SentinelEventKind.SwitchMaster && t.SeenBy.Length >= 2);

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Start, "node1")).Ok);
        s = await lab.WaitForAsync(x => x.Node("node1") is { Role: NodeRole.Replica, LinkStatus: "up", FollowsName: "node2" },
            TimeSpan.FromSeconds(40), "node1 rejoins as a replica of node2");
        Assert.NotNull(s.Failovers.Single().PhaseTime(FailoverPhaseKind.Converted));
        await lab.WaitForAsync(x => x.Consensus.Healthy, TimeSpan.FromSeconds(20), "healthy again");
    }

    [Fact]
    public async Task With_two_of_three_sentinels_stopped_no_failover_happens_and_the_actions_say_why()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 1500);
        await lab.Session.Actions.RunAsync(LabActionKind.Stop, "sentinel2");
        await lab.Session.Actions.RunAsync(LabActionKind.Stop, "sentinel3");

        // sentinel1 counts its peers out only after they miss down-after-milliseconds of PINGs.
        LabActionResult quorum = await lab.Session.Actions.RunAsync(LabActionKind.CheckQuorum, null);
        for (var deadline = DateTime.UtcNow.AddSeconds(10); !quorum.Message.Contains("NOQUORUM") && DateTime.UtcNow < deadline; await Task.Delay(200))
            quorum = await lab.Session.Actions.RunAsync(LabActionKind.CheckQuorum, null);
        LabActionResult kill = await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null);
        await lab.WaitForAsync(x => x.Sentinel("sentinel1")!.SDown, TimeSpan.FromSeconds(10), "sentinel1 sees the master down");
        await Task.Delay(TimeSpan.FromSeconds(4)); // well past down-after + the election: nothing may happen

        Assert.Contains("NOQUORUM", quorum.Message);
        Assert.Contains("quorum lost, 1 of 3 sentinels up", kill.Message);
        LabSnapshot s = lab.Now;
        Assert.Equal(NodeRole.Replica, s.Node("node2")!.Role);
        Assert.Equal("node1", s.Sentinel("sentinel1")!.MasterNodeName);
        Assert.False(s.Sentinel("sentinel1")!.ODown);
        Assert.DoesNotContain(s.Timeline, t => t.Event == SentinelEventKind.SwitchMaster);
    }

    [Fact]
    public async Task A_paused_master_is_seen_subjectively_down()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);

        // Only what follows the pause: on a loaded machine a sentinel may already have marked the master +sdown while the
        // lab started (no answer to its PINGs for down-after), a record of its own that ended when the master answered.
        long mark = lab.Now.Timeline.LastOrDefault()?.Id ?? 0;
        int before = lab.Now.Failovers.Length;
        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Pause, "node1")).Ok);
        LabSnapshot s = await lab.WaitForAsync(x => x.Timeline.Any(t => t.Id > mark && t.Event == SentinelEventKind.SDown && t.Text.Contains("master")),
            TimeSpan.FromSeconds(8), "+sdown of the paused master");
        Assert.Equal(ProcessState.Paused, s.Node("node1")!.Process.State);
        Assert.False(s.Node("node1")!.Reachable);
        // The app caused it: one record since the pause, its stopwatch runs from the pause, and +sdown comes about
        // down-after-milliseconds later.
        FailoverRecord f = Assert.Single(s.Failovers.Skip(before));
        Assert.Equal("pause node1 (SIGSTOP)", f.Cause);
        Assert.InRange(f.PhaseTime(FailoverPhaseKind.SDown)!.Value.TotalSeconds, 1.5, 6);

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Resume, "node1")).Ok);
    }

    [Fact]
    public async Task A_node_killed_outside_the_app_is_shown_down_by_an_attached_watcher()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        await using LabSession watcher = LabSession.Attach(lab.Lab);
        await watcher.Monitor.FirstRead.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(watcher.Store.Current.Node("node2")!.Reachable);
        Assert.Equal(ProcessState.External, watcher.Store.Current.Node("node2")!.Process.State);

        Signals.Send(lab.Session.Supervisor!["node2"].Status.Pid!.Value, Signals.SIGTERM); // a plain `kill`

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)); // polls every 500 ms: a wait, not a figure
        await watcher.Store.WaitForAsync(s => !s.Node("node2")!.Reachable, timeout.Token);
        Assert.Contains("node2 is down", watcher.Store.Current.Consensus.Problems);
    }
}
