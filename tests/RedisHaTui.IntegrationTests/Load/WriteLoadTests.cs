using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Load;

/// <summary>
/// The write load on real labs (two data nodes, min-replicas-to-write 1 as in the tutorial): what a client lives
/// through in a failover, counted and then checked against what the final master really holds.
/// </summary>
[LongRunning]
public class WriteLoadTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_sentinel_failover_refuses_writes_until_the_new_master_has_a_replica_and_the_ledger_adds_up()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        await using WriteLoad load = WriteLoad.Start(lab.Lab, lab.Session.Store, new LoadOptions(200));
        await lab.WaitForAsync(s => s.LastLoad is { Acked: > 200 }, Long, "the load writes");

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Failover, null)).Ok);
        // The new master has no replica until Sentinel converts the old one: the snapshot says so in plain words.
        LabSnapshot refused = await lab.WaitForAsync(s => s.Writes is { Master: "node2", Refusal: "NOREPLICAS" }, Long, "node2 refuses writes");
        Assert.Equal("writes refused: NOREPLICAS, 0 of 1 required replicas (min-replicas-to-write 1)", refused.Writes.Text);
        LabSnapshot back = await lab.WaitForAsync(s => s.Failovers.LastOrDefault()?.PhaseTime(FailoverPhaseKind.WritesAccepted) is not null, Long, "writes accepted again");
        await lab.WaitForAsync(s => s.LastLoad!.Acked > back.LastLoad!.Acked + 100, Long, "writes flow again");
        LoadLedger ledger = await load.StopAsync();

        // What Redis guarantees: node2 acknowledges a write only with a good replica, and node1 becomes one only after a
        // sentinel logs +convert-to-slave (it logs, then sends REPLICAOF). Whether the other sentinels agree before or
        // after that is not promised (the leader may reconfigure the old master while the others still switch).
        NodeDefinition node1 = lab.Lab.Nodes[0];
        DateTimeOffset converted = SentinelLogs.Read(lab.Lab)
            .Where(l => l.Name == "+convert-to-slave" && l.Payload.StartsWith($"slave {node1.Endpoint.Host}:{node1.Endpoint.Port} "))
            .Min(l => l.At);
        FailoverRecord f = back.Failovers[^1];
        DateTimeOffset resumed = f.StartedAt + f.PhaseTime(FailoverPhaseKind.WritesAccepted)!.Value; // the stopwatch's "writes accepted again"
        Assert.True(resumed >= converted, $"writes accepted again at {resumed:HH:mm:ss.fff}, before node1 was converted at {converted:HH:mm:ss.fff}");
        Assert.True(ledger.ErrorCount(WriteErrorKind.NoReplicas) > 0, $"errors: {ledger.Errors}");
        Assert.True(ledger.Outage > TimeSpan.FromSeconds(1), $"outage {ledger.Outage}");
        Assert.True(ledger.OutageStart < ledger.OutageEnd);
        Assert.Contains(lab.Now.Timeline, t => t.Kind == TimelineKind.Writes && t.Text.StartsWith("writes refused (NOREPLICAS)"));
        await AssertAddsUpOnTheMasterAsync(lab, ledger, "node2");
    }

    [Fact]
    public async Task A_killed_master_refuses_writes_until_it_is_restarted_and_no_acknowledged_write_is_lost()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 1500);
        await using WriteLoad load = WriteLoad.Start(lab.Lab, lab.Session.Store, new LoadOptions(100));
        await lab.WaitForAsync(s => s.LastLoad is { Acked: > 100 }, Long, "the load writes");

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null)).Ok);
        await lab.WaitForAsync(s => s.Failovers.LastOrDefault() is { Complete: true, NewMaster: "node2" }, Long, "node2 promoted");
        await lab.WaitForAsync(s => s.LastLoad!.ErrorCount(WriteErrorKind.NoReplicas) > 20, Long, "node2 refuses writes without a replica");
        Assert.Null(lab.Now.Failovers[^1].PhaseTime(FailoverPhaseKind.WritesAccepted));

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Start, "node1")).Ok);
        LabSnapshot back = await lab.WaitForAsync(s => s.Failovers[^1].PhaseTime(FailoverPhaseKind.WritesAccepted) is not null, Long, "writes accepted again");
        await lab.WaitForAsync(s => s.LastLoad!.Acked > back.LastLoad!.Acked + 50, Long, "writes flow again");
        LoadLedger ledger = await load.StopAsync();

        Assert.True(ledger.ErrorCount(WriteErrorKind.Connection) + ledger.ErrorCount(WriteErrorKind.Timeout) > 0, $"errors: {ledger.Errors}");
        Assert.True(ledger.Outage > TimeSpan.FromSeconds(1.5), $"outage {ledger.Outage}");
        Assert.Equal(0, ledger.Lost);
        await AssertAddsUpOnTheMasterAsync(lab, ledger, "node2");
    }

    [Fact]
    public async Task Stopping_the_only_replica_makes_the_master_refuse_writes_with_NOREPLICAS()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        await lab.WaitForAsync(s => s.Writes is { Accepted: true, Master: "node1" }, Long, "node1 accepts writes");
        Assert.Equal("writes accepted by node1: 1 of 1 required replicas", lab.Now.Writes.Text);
        await using WriteLoad load = WriteLoad.Start(lab.Lab, lab.Session.Store, new LoadOptions(100));
        await lab.WaitForAsync(s => s.LastLoad is { Acked: > 50 }, Long, "the load writes");

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Stop, "node2")).Ok);
        await lab.WaitForAsync(s => s.LastLoad!.ErrorCount(WriteErrorKind.NoReplicas) > 20, Long, "NOREPLICAS from node1");
        LabSnapshot s = await lab.WaitForAsync(x => x.Writes.Refusal == "NOREPLICAS", Long, "the snapshot says why");
        LoadLedger ledger = await load.StopAsync();

        Assert.Equal("writes refused: NOREPLICAS, 0 of 1 required replicas (min-replicas-to-write 1)", s.Writes.Text);
        Assert.Contains(lab.Now.Timeline, t => t.Text == "writes refused (NOREPLICAS): node1 has 0 of 1 required replicas");
        Assert.Single(lab.Now.Timeline, t => t.Text.StartsWith("writes refused (NOREPLICAS)")); // once per burst, not per write
        await AssertAddsUpOnTheMasterAsync(lab, ledger, "node1");
    }

    [Fact]
    public async Task Writes_to_a_master_turned_replica_under_the_client_fail_with_READONLY()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        await using WriteLoad load = WriteLoad.Start(lab.Lab, lab.Session.Store, new LoadOptions(200));
        await lab.WaitForAsync(s => s.LastLoad is { Acked: > 50 }, Long, "the load writes");

        // Behind Sentinel's back, node1 becomes a replica: the client still holds it for the master.
        NodeDefinition node1 = lab.Lab.Nodes[0], node2 = lab.Lab.Nodes[1];
        await using (ConnectionMultiplexer? mux = await RedisConnections.TryConnectAsync(node1.Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(2), sentinel: false))
            await mux!.GetServer(node1.Endpoint.Host, node1.Endpoint.Port).ExecuteAsync("REPLICAOF", node2.Endpoint.Host, node2.Endpoint.Port.ToString());
        await lab.WaitForAsync(s => s.LastLoad!.ErrorCount(WriteErrorKind.ReadOnly) > 0, Long, "READONLY refusals");
        LoadLedger ledger = await load.StopAsync();

        Assert.True(ledger.ErrorCount(WriteErrorKind.ReadOnly) > 0);
        Assert.Contains(lab.Now.Timeline, t => t.Text == "READONLY: the client still wrote to the old master, now a replica");
        // With two replicas chained to each other there may be no master left to read back from: then the ledger says so.
        Assert.True(ledger.Present is null ? ledger.Problem is not null : ledger.Acked == ledger.Present + ledger.Lost, $"{ledger}");
    }

    /// <summary>acked = present + lost, nothing negative, and every write called lost is really absent from the master.</summary>
    private static async Task AssertAddsUpOnTheMasterAsync(RunningLab lab, LoadLedger ledger, string master)
    {
        Assert.False(ledger.Running);
        Assert.Null(ledger.Problem);
        Assert.Equal(master, ledger.VerifiedOn);
        Assert.NotNull(ledger.Present);
        Assert.Equal(ledger.Acked, ledger.Present + ledger.Lost);
        Assert.All(new long?[] { ledger.Acked, ledger.Failed, ledger.Present, ledger.Lost, ledger.Indeterminate }, n => Assert.True(n >= 0));
        Assert.Equal(ledger.Failed, ledger.Errors.Sum(e => e.Count));
        Assert.Equal(ledger.Acked + ledger.Failed, ledger.PerSecond.Sum(w => (long)w.Acked + w.Failed));

        NodeDefinition node = lab.Lab.Nodes.Single(n => n.Name == master);
        await using ConnectionMultiplexer? mux = await RedisConnections.TryConnectAsync(node.Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(2), sentinel: false);
        RedisValue[] held = await mux!.GetDatabase().ListRangeAsync(ledger.Key);
        var onMaster = held.Select(v => (long)v).ToHashSet();
        Assert.Equal(ledger.Present, onMaster.Count - ledger.Indeterminate);
        Assert.All(ledger.LostSequences, seq => Assert.DoesNotContain(seq, onMaster));
    }
}
