using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.State;

/// <summary>The lab-wide answer to "may I fail over now?", from each sentinel's verdict, and Sentinel's refusals in plain words.</summary>
public class FailoverReadinessTests
{
    private static readonly Consensus Healthy = new() { MasterByRoles = "node1", MasterBySentinels = "node1", Healthy = true };

    private static SentinelSnapshot Sentinel(string name, PromotionVerdict? verdict, bool reachable = true, bool inProgress = false) => new()
    {
        Name = name, Endpoint = Endpoint.Loopback(5000), Reachable = reachable, MasterNodeName = reachable ? "node1" : null,
        FailoverInProgress = inProgress, FailoverState = inProgress ? "wait_promotion" : null, Promotion = verdict,
    };

    private static readonly PromotionVerdict PromotesNode2 = new("node2", [new PromotionCandidate("node2")]);
    private static readonly PromotionVerdict NoLink = new(null, [new PromotionCandidate("node2", "sentinel1 has no connection to node2")]);

    [Fact]
    public void One_sentinel_that_would_promote_is_enough_and_it_is_the_one_asked()
    {
        FailoverReadiness r = FailoverReadiness.Of([Sentinel("sentinel1", NoLink), Sentinel("sentinel2", PromotesNode2)], Healthy);

        Assert.Equal(new FailoverReadiness(true, "sentinel2 would promote node2", null, "sentinel2"), r);
    }

    [Fact]
    public void When_no_sentinel_would_promote_the_first_ones_reason_is_the_answer_sentinel_would_give()
    {
        FailoverReadiness r = FailoverReadiness.Of([Sentinel("sentinel1", NoLink), Sentinel("sentinel2", null)], Healthy);

        Assert.False(r.Ready);
        Assert.Equal("no replica to promote: sentinel1 has no connection to node2 (Sentinel would answer NOGOODSLAVE)", r.Blocker);
        Assert.Equal(r.Blocker, r.Reason);
    }

    [Fact]
    public void A_failover_in_progress_comes_before_the_replicas_as_in_sentinel_c()
    {
        FailoverReadiness r = FailoverReadiness.Of([Sentinel("sentinel1", PromotesNode2), Sentinel("sentinel2", PromotesNode2, inProgress: true)], Healthy);

        Assert.Equal("a failover is in progress (sentinel2: wait_promotion); Sentinel answers INPROG until it ends", r.Blocker);
    }

    [Fact]
    public void No_sentinel_answering_is_its_own_reason() =>
        Assert.Equal("no sentinel reachable", FailoverReadiness.Of([Sentinel("sentinel1", null, reachable: false)], Healthy).Blocker);

    [Fact]
    public void An_unhealthy_lab_is_not_ready_for_a_drill_but_the_failover_itself_is_not_blocked()
    {
        var sick = new Consensus { MasterByRoles = "node1", MasterBySentinels = "node1", Problems = ["sentinel3 is down"] };

        FailoverReadiness r = FailoverReadiness.Of([Sentinel("sentinel1", PromotesNode2)], sick);

        Assert.False(r.Ready);
        Assert.Null(r.Blocker);
        Assert.Equal("not healthy: sentinel3 is down (a failover would still run: sentinel1 would promote node2)", r.Reason);
    }

    [Fact]
    public void A_sentinel_that_still_reads_the_candidate_as_a_master_would_turn_it_back_so_the_failover_would_stall()
    {
        // Seen live (round 8 of 12): sentinel3's INFO of node1 was from before node1's +convert-to-slave; node1 was
        // promoted, and sentinel3 sent it REPLICAOF again 0.7 s later; sentinel1 sat in wait_promotion until the timeout.
        var stale = new PromotionVerdict("node1", [new PromotionCandidate("node1", ReportsMaster: true)]);
        var fresh = new PromotionVerdict("node1", [new PromotionCandidate("node1")]);

        FailoverReadiness r = FailoverReadiness.Of([Sentinel("sentinel1", fresh), Sentinel("sentinel2", fresh), Sentinel("sentinel3", stale)], Healthy);

        Assert.False(r.Ready);
        Assert.Equal("sentinel3's last INFO of node1 says role master: promoted now, node1 would be turned back into a replica " +
            "(+convert-to-slave) and the failover would stall; wait for a fresh INFO (every 10 s)", r.Blocker);
    }

    [Theory]
    [InlineData("NOGOODSLAVE No suitable replica to promote",
        "sentinel1: NOGOODSLAVE No suitable replica to promote — sentinel1 found no replica it may promote: sentinel1 has no connection to node2")]
    [InlineData("INPROG Failover already in progress",
        "sentinel1: INPROG Failover already in progress — sentinel1 is still running a failover; wait for +failover-end (or failover-timeout) and try again")]
    [InlineData("NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the specified quorum for this master",
        "sentinel1: NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the specified quorum for this master — sentinel1 counts 1 usable " +
        "sentinel(s) (itself and those it does not see down): fewer than the quorum, so they cannot agree the master is down (+odown); a stopped sentinel " +
        "stays counted until SENTINEL RESET (SENTINEL FAILOVER, asking nobody, still works)")]
    [InlineData("NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the specified quorum for this master. Not enough available Sentinels to reach the majority and authorize a failover",
        "sentinel1: NOQUORUM 1 usable Sentinels. Not enough available Sentinels to reach the specified quorum for this master. Not enough available Sentinels " +
        "to reach the majority and authorize a failover — sentinel1 counts 1 usable sentinel(s) (itself and those it does not see down): fewer than the " +
        "quorum, so they cannot agree the master is down (+odown); and fewer than a majority of the 3 it counts (itself and 2 known: 2 votes), so no leader " +
        "can be elected; a stopped sentinel stays counted until SENTINEL RESET (SENTINEL FAILOVER, asking nobody, still works)")]
    [InlineData("NOQUORUM 2 usable Sentinels. Not enough available Sentinels to reach the majority and authorize a failover",
        "sentinel1: NOQUORUM 2 usable Sentinels. Not enough available Sentinels to reach the majority and authorize a failover — sentinel1 counts 2 usable " +
        "sentinel(s) (itself and those it does not see down): fewer than a majority of the 3 it counts (itself and 2 known: 2 votes), so no leader can be " +
        "elected; a stopped sentinel stays counted until SENTINEL RESET (SENTINEL FAILOVER, asking nobody, still works)")]
    [InlineData("ERR No such master with specified name.", "sentinel1: ERR No such master with specified name. — sentinel1 does not monitor myMaster (SENTINEL RESET or a restart without its config?)")]
    [InlineData("IDONTKNOW not a reply of redis 7.0", "sentinel1: IDONTKNOW not a reply of redis 7.0")]
    [InlineData("ERR No such master with that name", "sentinel1: ERR No such master with that name — sentinel1 does not monitor myMaster (SENTINEL RESET or a restart without its config?)")]
    [InlineData("ERR something new", "sentinel1: ERR something new")]
    public void Sentinels_refusals_are_explained_with_the_fact_behind_them(string reply, string explained)
    {
        var s = new LabSnapshot { MasterName = "myMaster", Sentinels = [Sentinel("sentinel1", NoLink) with { KnownSentinels = 2 }] };

        Assert.Equal(explained, SentinelRefusals.Explain("sentinel1", reply, s));
    }
}
