using RedisHaTui.Core.Monitoring.Parsing;
using RedisHaTui.Core.State;
using static RedisHaTui.Core.Tests.State.CapturedSentinelReplies;

namespace RedisHaTui.Core.Tests.State;

/// <summary>
/// sentinelSelectSlave's rules (redis 7.0 sentinel.c) over SENTINEL REPLICAS replies captured from a real lab: which
/// replica a sentinel would promote now, and the rule that rules each other one out.
/// </summary>
public class PromotionRulesTests
{
    private static string Label(string ip, int port) => port switch { 24001 => "node1", 24002 => "node2", 24003 => "node3", _ => $"{ip}:{port}" };

    private static PromotionVerdict Evaluate(SentinelMasterInfo master, params SentinelReplicaInfo[] replicas) =>
        PromotionRules.Evaluate("sentinel1", master, replicas, Label);

    [Fact]
    public void The_captured_reply_is_read_field_by_field()
    {
        SentinelReplicaInfo r = Replica(FrozenSDown);

        Assert.Equal(("127.0.0.1", 24001, "9db34e7f92fae667ed97481ce5bb29f4475ba33a"), (r.Ip, r.Port, r.RunId));
        Assert.Equal(["s_down", "slave"], r.Flags);
        Assert.Equal((6136L, 13278L, 0L, "ok", "slave", 100, 159054L),
            (r.LastOkPingReplyMs, r.InfoRefreshMs, r.MasterLinkDownTimeMs, r.MasterLinkStatus, r.RoleReported, r.SlavePriority, r.ReplOffset));
        Assert.True(r.SDown);
        Assert.Equal(5000, MasterInfo().DownAfterMilliseconds);
        Assert.Null(MasterInfo().SDownMilliseconds);
    }

    [Theory]
    [InlineData(nameof(Healthy), null)]
    [InlineData(nameof(PriorityZero), "node1 has replica-priority 0: Sentinel never promotes it")]
    [InlineData(nameof(FrozenPingPastLimit), "node1 last answered sentinel1's PING 5.1 s ago (Sentinel allows 5 s)")]
    // 4.8 s: Sentinel would still take it, but not for the poll it takes us to ask (PromotionRules.SlackMs).
    [InlineData(nameof(FrozenPingNearLimit), "node1 last answered sentinel1's PING 4.8 s ago (Sentinel allows 5 s)")]
    [InlineData(nameof(FrozenSDown), "sentinel1 sees node1 down (s_down)")]
    [InlineData(nameof(LinkDown51s), "node1's link to its master has been down 51 s (Sentinel allows 50 s: 10 × down-after)")]
    [InlineData(nameof(ConvertedDisconnected), "sentinel1 has no connection to node1")]
    // Disconnected comes before "INFO never read" in sentinelSelectSlave's order.
    [InlineData(nameof(NewAfterSwitch), "sentinel1 has no connection to node2")]
    public void Each_captured_state_is_judged_by_the_first_rule_of_sentinel_c_that_rules_it_out(string captured, string? excluded)
    {
        string flat = (string)typeof(CapturedSentinelReplies).GetField(captured)!.GetValue(null)!;

        PromotionVerdict v = Evaluate(MasterInfo(), Replica(flat));

        Assert.Equal(excluded, v.Replicas.Single().Excluded);
        Assert.Equal(excluded is null ? "would promote node1" : $"no replica to promote: {excluded}", v.Summary);
    }

    [Fact]
    public void An_INFO_never_read_rules_a_replica_out_even_though_info_refresh_says_0()
    {
        // The captured new entry once its link is up: the runid stays empty until the first INFO.
        SentinelReplicaInfo linked = Replica(NewAfterSwitch.Replace("flags slave,disconnected", "flags slave"));

        Assert.Equal("no replica to promote: sentinel1 has not read node2's INFO yet", Evaluate(MasterInfo(), linked).Summary);
    }

    [Theory]
    // Master fine: Sentinel trusts an INFO for 3 × its 10 s period.
    [InlineData(false, 29_600, "node1's INFO is 29 s old, sentinel1 waits for a fresh one (it trusts 30 s)")]
    [InlineData(false, 12_264, null)]
    // Master s_down: replicas are read every second then, and trusted for 5 s only.
    [InlineData(true, 4_200, "node1's INFO is 4.2 s old, sentinel1 waits for a fresh one (it trusts 5 s while the master is down)")]
    [InlineData(true, 2_500, null)]
    public void How_old_an_INFO_may_be_depends_on_whether_the_master_is_down(bool masterSDown, long infoAgeMs, string? excluded)
    {
        SentinelMasterInfo master = MasterInfo(masterSDown ? Master.Replace("flags master", "flags s_down,master") + " s-down-time 3000" : Master);
        SentinelReplicaInfo r = Replica(Healthy) with { InfoRefreshMs = infoAgeMs };

        Assert.Equal(excluded, Evaluate(master, r).Replicas.Single().Excluded);
    }

    [Fact]
    public void While_the_master_is_down_a_replica_link_may_have_been_down_that_much_longer()
    {
        // max_master_down_time = (now - s_down_since) + 10 × down-after: 20 s of s_down + 50 s.
        SentinelMasterInfo down = MasterInfo(Master.Replace("flags master", "flags s_down,master") + " s-down-time 20000");
        SentinelReplicaInfo r = Replica(LinkDown51s) with { InfoRefreshMs = 500 };

        Assert.Null(Evaluate(down, r).Replicas.Single().Excluded);
        Assert.Equal("node1's link to its master has been down 70 s (Sentinel allows 70 s: 10 × down-after + the time the master is down)",
            Evaluate(down, r with { MasterLinkDownTimeMs = 70_000 }).Replicas.Single().Excluded);
    }

    [Fact]
    public void Among_eligible_replicas_the_lower_priority_then_the_larger_offset_then_the_smaller_run_id_wins()
    {
        SentinelReplicaInfo node1 = Replica(Healthy);
        SentinelReplicaInfo node3 = node1 with { Port = 24003, RunId = "0aaa" + node1.RunId[4..] };

        // Same priority and offset: compareSlavesForPromotion falls back on strcasecmp of the run ids.
        PromotionVerdict byRunId = Evaluate(MasterInfo(), node1, node3);
        Assert.Equal("node3", byRunId.Promotes);
        Assert.Equal(new PromotionCandidate("node1", Behind: "node3 goes first: same priority and offset, smaller run id"), byRunId.Replicas[1]);

        PromotionVerdict byOffset = Evaluate(MasterInfo(), node1 with { ReplOffset = node1.ReplOffset + 14 }, node3);
        Assert.Equal("node1", byOffset.Promotes);
        Assert.Equal("node1 goes first: same priority, it has replicated more", byOffset.Replicas[1].Behind);

        PromotionVerdict byPriority = Evaluate(MasterInfo(), node1 with { ReplOffset = node1.ReplOffset + 14 }, node3 with { SlavePriority = 10 });
        Assert.Equal("node3", byPriority.Promotes);
        Assert.Equal("node3 goes first: lower replica-priority (10 < 100)", byPriority.Replicas[1].Behind);
    }

    [Fact]
    public void The_chosen_replica_comes_first_then_the_eligible_then_the_ruled_out()
    {
        PromotionVerdict v = Evaluate(MasterInfo(), Replica(FrozenSDown) with { Port = 24002 }, Replica(Healthy));

        Assert.Equal(["node1", "node2"], v.Replicas.Select(r => r.Name));
        Assert.Equal("would promote node1", v.Summary);
        Assert.Equal("sentinel1 sees node2 down (s_down)", v.Replicas[1].Excluded);
    }

    [Fact]
    public void A_sentinel_that_lists_no_replica_says_so() =>
        Assert.Equal("no replica to promote: it lists no replica", Evaluate(MasterInfo()).Summary);

    [Fact]
    public void A_demoted_master_not_yet_converted_is_marked_as_reporting_master() =>
        Assert.True(Evaluate(MasterInfo(), Replica(ConvertedDisconnected)).Replicas.Single().ReportsMaster);
}
