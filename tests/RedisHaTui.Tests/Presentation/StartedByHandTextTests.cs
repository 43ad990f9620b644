using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Presentation;

/// <summary>A process started by hand on a lab the app owns: its pane says so, with its pid, under its real role.</summary>
public sealed class StartedByHandTextTests
{
    private static readonly ProcessStatus ByHand = new(ProcessState.External, 4242, Detail: ProcessStatus.StartedByHandDetail);

    private static string Text(IEnumerable<Fact> facts) => string.Join(" | ", facts.Select(f => f.Text));

    public static TheoryData<string, ProcessStatus, bool, string, string> Rows => new()
    {
        // what, process, reachable, badge, facts
        { "taken in with its pid", ByHand, true, "REPLICA", "started by hand | pid 4242 | follows node1 | link up | offset 1230 | lag 4 B | keys 3" },
        { "answering, pid not known yet", ByHand with { Pid = null }, true, "REPLICA", "started by hand | follows node1 | link up | offset 1230 | lag 4 B | keys 3" },
        { "attached (--no-start): nothing to say", new ProcessStatus(ProcessState.External), true, "REPLICA", "follows node1 | link up | offset 1230 | lag 4 B | keys 3" },
        { "paused by pid", ByHand with { State = ProcessState.Paused }, true, "PAUSED", "pid 4242 | SIGSTOP: answers nothing" },
        { "gone: killed by hand", new ProcessStatus(ProcessState.Exited, 4242, Detail: "pid 4242 gone (started by hand)"), false, "DOWN", "pid 4242 gone (started by hand)" },
        { "stopped by this app, by pid", new ProcessStatus(ProcessState.Exited, 4242, Detail: "stopped (pid 4242, started by hand)"), false, "DOWN", "stopped (pid 4242, started by hand)" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void A_replica_started_by_hand_reads(string what, ProcessStatus process, bool reachable, string badge, string facts)
    {
        NodeSnapshot node = FakeLab.Replica("node2", 7002) with { Process = process };
        if (!reachable) node = node.Unreachable(null);
        Assert.True(badge == Badge.For(node).Text, what);
        Assert.Equal(facts, Text(PaneFacts.For(node)));
    }

    [Fact]
    public void A_sentinel_started_by_hand_says_so_before_what_it_knows() =>
        Assert.Equal("started by hand | pid 4242 | master node1 | sdown no | odown no | would promote node2 | replicas 1 | sentinels 2 | epoch 0",
            Text(PaneFacts.For(FakeLab.Sentinel("sentinel1", 27001) with { Process = ByHand })));

    /// <summary>The old master restarted by hand after a failover was "DOWN follows node2 link up": it runs, it follows.</summary>
    [Fact]
    public void The_old_master_restarted_by_hand_is_a_replica_not_DOWN() =>
        Assert.Equal(BadgeKind.Replica, Badge.For(FakeLab.Replica("node1", 7001, follows: "node2") with { Process = ByHand }).Kind);
}
