using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Faults;

/// <summary>Issue 17's lessons (the classic Sentinel mistakes) on real labs: what Redis guarantees, then the lab put back.</summary>
[Collection(LabCollection.Name)]
public class LessonsOnRealLabTests
{
    private static FaultEntry Entry(string title) => FaultMenu.All.Single(e => e.Title.StartsWith(title, StringComparison.Ordinal));

    private static FaultContext Context(RunningLab lab) => new(lab.Session.Actions, lab.Session.Store, lab.Lab, lab.Session.Log);

    [Fact]
    public async Task With_quorum_1_a_lone_sentinel_reaches_odown_but_is_not_elected_so_nothing_fails_over()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);
        FaultEntry lesson = Entry("quorum 1 is not a majority");
        Assert.Contains("a majority of the 3 sentinels it knows (2 votes)", lesson.Expect(lab.Now, lab.Lab));

        LabActionResult result = await FaultMenu.RunAsync(lesson, Context(lab)).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(result.Ok, result.Message);
        LabSnapshot s = lab.Now;
        // sentinel3 alone: +odown with quorum 1 of 1, then the abort; no +switch-master, node2 never promoted.
        Assert.Contains(s.Timeline, t => t.Event == SentinelEventKind.ODown && t.SeenBy.Contains("sentinel3"));
        Assert.Contains(s.Timeline, t => t.Event == SentinelEventKind.FailoverAbortNotElected && t.SeenBy.Contains("sentinel3"));
        Assert.DoesNotContain(s.Timeline, t => t.Event == SentinelEventKind.SwitchMaster);
        Assert.Contains("sentinel3 reached +odown alone (quorum 1/1: 1 needed, 1 had)", result.Message);
        Assert.Contains("-failover-abort-not-elected: sentinel3 had 1 vote of the 2 a leader needs (a majority of 3)", result.Message);

        // Put back: node1 is master again (it was never replaced), every sentinel runs with the lab's quorum.
        await lab.WaitForAsync(x => x.Consensus.Healthy && x.Consensus.MasterByRoles == "node1", TimeSpan.FromSeconds(30), "healthy again with node1 master");
        foreach (var x in lab.Lab.Sentinels)
            Assert.Matches("\"quorum\"\n *\\d+\\) \"2\"", (await lab.Session.Actions.RunCommandAsync(x.Name, "sentinel master myMaster")).Message);
    }
}
