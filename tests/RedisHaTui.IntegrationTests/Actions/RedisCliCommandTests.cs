using RedisHaTui.Core.Actions;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Actions;

/// <summary>The tutorial's commands through the `:` prompt's code path, on a real lab.</summary>
public class RedisCliCommandTests
{
    [Fact]
    public async Task The_tutorial_commands_reply_as_redis_cli_prints_them()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        ILabActions actions = lab.Session.Actions;

        Assert.Equal("OK", (await actions.RunCommandAsync("node1", "set k1 val1")).Message);
        Assert.Equal("\"val1\"", (await actions.RunCommandAsync("node1", "get k1")).Message);
        Assert.Equal("(nil)", (await actions.RunCommandAsync("node1", "get nothing")).Message);
        Assert.Equal("(integer) 1", (await actions.RunCommandAsync("node1", "exists k1")).Message);
        string info = (await actions.RunCommandAsync("node2", "info replication")).Message;
        Assert.StartsWith("# Replication\nrole:slave\nmaster_host:127.0.0.1", info);
        string master = (await actions.RunCommandAsync("sentinel1", "sentinel master myMaster")).Message;
        Assert.StartsWith(" 1) \"name\"\n 2) \"myMaster\"\n 3) \"ip\"", master);
        LabActionResult error = await actions.RunCommandAsync("node2", "set k2 v2");
        Assert.False(error.Ok);
        Assert.StartsWith("(error) READONLY", error.Message);
        Assert.Contains("streams forever", (await actions.RunCommandAsync("node1", "monitor")).Message);
    }

    [Fact]
    public async Task Actions_that_cannot_run_say_why_instead_of_throwing()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        ILabActions actions = lab.Session.Actions;

        Assert.Equal("node1 is already running", lab.Now.WhyNot(LabActionKind.Start, "node1"));
        Assert.Equal("node1 is not paused", lab.Now.WhyNot(LabActionKind.Resume, "node1"));
        await actions.RunAsync(LabActionKind.Stop, "node2");
        await lab.WaitForAsync(s => !s.Node("node2")!.Reachable, TimeSpan.FromSeconds(20), "node2 stopped");

        // Sentinel's reason, from its own SENTINEL REPLICAS: its link to node2 is gone (then, after down-after, s_down).
        LabSnapshot refusing = await lab.WaitForAsync(s => s.WhyNot(LabActionKind.Failover, null)?.Contains("NOGOODSLAVE") == true, TimeSpan.FromSeconds(5), "failover refused");
        Assert.Matches("^no replica to promote: sentinel1 (has no connection to node2|sees node2 down \\(s_down\\)) \\(Sentinel would answer NOGOODSLAVE\\)$",
            refusing.WhyNot(LabActionKind.Failover, null));
        LabActionResult refused = await actions.RunAsync(LabActionKind.Kill, "node2");
        Assert.False(refused.Ok);
        Assert.Equal("node2 is not running (s starts it)", refused.Message);
        Assert.Contains(lab.Now.Timeline, t => t.Text.Contains("refused: node2 is not running"));
        // The seed tutorial's teaching moment: with its only replica gone, the master refuses writes.
        Assert.StartsWith("(error) NOREPLICAS", (await actions.RunCommandAsync("node1", "set k v")).Message);
    }

    [Fact]
    public async Task Debug_sleep_silences_one_node_without_stalling_the_rest()
    {
        await using RunningLab lab = await RunningLab.StartAsync();

        LabActionResult result = await lab.Session.Actions.RunAsync(LabActionKind.DebugSleep, "node2");

        Assert.True(result.Ok, result.Message);
        // Seen while it sleeps (a poll times out within it); the wait outlasts the sleep only for a loaded machine.
        LabSnapshot during = await lab.WaitForAsync(s => !s.Node("node2")!.Reachable, TimeSpan.FromSeconds(LabActions.DebugSleepSeconds + 10), "node2 not answering");
        Assert.Contains("timeout", during.Node("node2")!.Error);
        Assert.True(during.Node("node1")!.Reachable, "node1 still read while node2 sleeps");
        Assert.All(during.Sentinels, x => Assert.True(x.Reachable, $"{x.Name} still read while node2 sleeps"));
        await lab.WaitForAsync(s => s.Node("node2")!.Reachable, TimeSpan.FromSeconds(10), "node2 answering again after 5 s");
    }
}
