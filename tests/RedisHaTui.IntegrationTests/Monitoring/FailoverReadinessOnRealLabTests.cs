using RedisHaTui.Core.Actions;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>What Sentinel would do next, predicted from its own SENTINEL REPLICAS, against what it then does.</summary>
public class FailoverReadinessOnRealLabTests
{
    [Fact]
    public async Task A_failover_right_after_the_last_one_is_predicted_not_ready_then_ready_and_then_it_succeeds()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);
        LabSnapshot ready = await lab.WaitForAsync(x => x.Readiness.Ready, TimeSpan.FromSeconds(20), "ready to fail over after the start");
        Assert.All(ready.Sentinels, x => Assert.Equal("node2", x.Promotion?.Promotes));

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Failover, null)).Ok);
        LabSnapshot done = await lab.WaitForAsync(x => x.Failovers.LastOrDefault() is { Complete: true, NewMaster: "node2" }, TimeSpan.FromSeconds(20), "node2 promoted");

        // node1, demoted, still says role:master until a sentinel converts it (~10 s): no sentinel may hand it the
        // master role back yet, and `f` says why instead of letting Sentinel refuse or stall.
        Assert.False(done.Readiness.Ready);
        Assert.NotNull(done.WhyNot(LabActionKind.Failover));
        LabActionResult early = await lab.Session.Actions.RunAsync(LabActionKind.Failover, null);
        Assert.False(early.Ok);
        Assert.Equal(done.Failovers.Length, lab.Now.Failovers.Length); // refused before Sentinel was asked: nothing started

        // node1 rejoins (+convert-to-slave, sync), every sentinel reads it again: ready, and the prediction holds.
        LabSnapshot again = await lab.WaitForAsync(x => x.Readiness.Ready, TimeSpan.FromSeconds(45), "ready to fail over after the rejoin");
        Assert.Equal(NodeRole.Replica, again.Node("node1")!.Role);
        Assert.Contains("would promote node1", again.Readiness.Reason);
        LabActionResult result = await lab.Session.Actions.RunAsync(LabActionKind.Failover, null);
        Assert.True(result.Ok, result.Message);
        await lab.WaitForAsync(x => x.Failovers.LastOrDefault() is { Complete: true, NewMaster: "node1" }, TimeSpan.FromSeconds(20), "node1 promoted");
    }

    [Fact]
    public async Task A_replica_that_will_not_be_promoted_is_named_with_sentinels_reason_and_sentinel_agrees()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);
        await lab.WaitForAsync(x => x.Readiness.Ready, TimeSpan.FromSeconds(20), "ready to fail over");

        // replica-priority 0: Sentinel never promotes it. It learns that from its next INFO of node2 (every 10 s).
        LabActionResult set = await lab.Session.Actions.RunCommandAsync("node2", "config set replica-priority 0");
        Assert.True(set.Ok, set.Message);
        LabSnapshot s = await lab.WaitForAsync(x => x.Sentinels.All(y => y.Promotion is { Promotes: null }), TimeSpan.FromSeconds(25), "no sentinel would promote node2");

        Assert.Equal("no replica to promote: node2 has replica-priority 0: Sentinel never promotes it (Sentinel would answer NOGOODSLAVE)", s.WhyNot(LabActionKind.Failover));
        // Sentinel itself, asked directly (not through the app, which refuses): NOGOODSLAVE.
        var sentinel = lab.Lab.Sentinels[0];
        await using var probe = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(
            Core.Redis.RedisConnections.Options(sentinel.Endpoint, Core.Lab.ConnectionSecurity.None, TimeSpan.FromSeconds(2), sentinel: true));
        var refused = await Assert.ThrowsAsync<StackExchange.Redis.RedisServerException>(() =>
            probe.GetServer(sentinel.Endpoint.Host, sentinel.Port).ExecuteAsync("SENTINEL", "FAILOVER", lab.Lab.MasterName));
        Assert.StartsWith("NOGOODSLAVE", refused.Message);
        Assert.Equal("sentinel1: NOGOODSLAVE No suitable replica to promote — sentinel1 found no replica it may promote: node2 has replica-priority 0: Sentinel never promotes it",
            SentinelRefusals.Explain("sentinel1", refused.Message, lab.Now));
    }
}
