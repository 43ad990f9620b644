using RedisHaTui.Core.Events;
using RedisHaTui.Core.Monitoring.Parsing;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>Every event payload of the facts note's crash failover, as the sentinels published them.</summary>
public class EventParsingTests
{
    [Theory]
    [InlineData("+sdown", "master myMaster 127.0.0.1 7001", "master myMaster 127.0.0.1:7001 subjectively down")]
    [InlineData("+odown", "master myMaster 127.0.0.1 7001 #quorum 2/2", "master myMaster 127.0.0.1:7001 objectively down (quorum 2/2)")]
    [InlineData("+new-epoch", "1", "new epoch 1")]
    [InlineData("+try-failover", "master myMaster 127.0.0.1 7001", "trying to fail over myMaster")]
    [InlineData("+vote-for-leader", "0101a5a4e0c8f1b2d3c4b5a69788a9b0c1d2e3f4 1", "voted for leader 0101a5a4 in epoch 1")]
    [InlineData("+elected-leader", "master myMaster 127.0.0.1 7001", "elected leader for the failover of myMaster")]
    [InlineData("+failover-state-select-slave", "master myMaster 127.0.0.1 7001", "selecting a replica to promote")]
    [InlineData("+selected-slave", "slave 127.0.0.1:7002 127.0.0.1 7002 @ myMaster 127.0.0.1 7001", "selected replica 127.0.0.1:7002")]
    [InlineData("+failover-state-send-slaveof-noone", "slave 127.0.0.1:7002 127.0.0.1 7002 @ myMaster 127.0.0.1 7001", "sending REPLICAOF NO ONE to 127.0.0.1:7002")]
    [InlineData("+failover-state-wait-promotion", "slave 127.0.0.1:7002 127.0.0.1 7002 @ myMaster 127.0.0.1 7001", "waiting for 127.0.0.1:7002 to be promoted")]
    [InlineData("-role-change", "slave 127.0.0.1:7002 127.0.0.1 7002 @ myMaster 127.0.0.1 7001 new reported role is master", "127.0.0.1:7002 new reported role is master")]
    [InlineData("+promoted-slave", "slave 127.0.0.1:7002 127.0.0.1 7002 @ myMaster 127.0.0.1 7001", "replica 127.0.0.1:7002 promoted")]
    [InlineData("+failover-state-reconf-slaves", "master myMaster 127.0.0.1 7001", "reconfiguring the other replicas")]
    [InlineData("+slave-reconf-sent", "slave 127.0.0.1:7003 127.0.0.1 7003 @ myMaster 127.0.0.1 7001", "told replica 127.0.0.1:7003 to follow the new master")]
    [InlineData("-odown", "master myMaster 127.0.0.1 7001", "master myMaster 127.0.0.1:7001 no longer objectively down")]
    [InlineData("+slave-reconf-inprog", "slave 127.0.0.1:7003 127.0.0.1 7003 @ myMaster 127.0.0.1 7001", "replica 127.0.0.1:7003 is syncing with the new master")]
    [InlineData("+slave-reconf-done", "slave 127.0.0.1:7003 127.0.0.1 7003 @ myMaster 127.0.0.1 7001", "replica 127.0.0.1:7003 follows the new master")]
    [InlineData("+failover-end", "master myMaster 127.0.0.1 7001", "failover of myMaster ended")]
    [InlineData("+switch-master", "myMaster 127.0.0.1 7001 127.0.0.1 7002", "myMaster switched 127.0.0.1:7001 → 127.0.0.1:7002")]
    [InlineData("+slave", "slave 127.0.0.1:7003 127.0.0.1 7003 @ myMaster 127.0.0.1 7002", "knows replica 127.0.0.1:7003")]
    [InlineData("+config-update-from", "sentinel 0101a5a4e0c8f1b2d3c4b5a69788a9b0c1d2e3f4 127.0.0.1 5001 @ myMaster 127.0.0.1 7001", "config updated from sentinel 127.0.0.1:5001")]
    [InlineData("+convert-to-slave", "slave 127.0.0.1:7001 127.0.0.1 7001 @ myMaster 127.0.0.1 7002", "127.0.0.1:7001 converted to a replica of 127.0.0.1:7002")]
    [InlineData("+sentinel", "sentinel abe60c6d 127.0.0.1 5002 @ myMaster 127.0.0.1 7001", "knows sentinel 127.0.0.1:5002")]
    [InlineData("+tilt", "#tilt mode entered", "entered TILT mode (the clock jumped)")]
    [InlineData("-failover-abort-no-good-slave", "master myMaster 127.0.0.1 7001", "failover aborted: no good replica to promote (none passes Sentinel's rules: " +
        "link down too long, INFO too old, no PING reply, priority 0 or s_down; readiness says which); the next try waits 2 × failover-timeout")]
    [InlineData("-failover-abort-not-elected", "master myMaster 127.0.0.1 7001", "failover aborted: not elected leader (it needs the votes of a majority of the " +
        "sentinels it knows; the quorum only marks +odown); the next try waits 2 × failover-timeout")]
    [InlineData("-failover-abort-slave-timeout", "master myMaster 127.0.0.1 7001",
        "failover aborted: the selected replica did not report role master within failover-timeout after REPLICAOF NO ONE")]
    [InlineData("+failover-end-for-timeout", "master myMaster 127.0.0.1 7001",
        "failover of myMaster timed out: not every replica was told to follow the new master within failover-timeout (it ends anyway)")]
    [InlineData("+something-new", "some payload", "+something-new some payload")]
    public void Each_captured_event_reads_as_a_sentence(string channel, string payload, string sentence)
    {
        Assert.Equal(sentence, SentinelEvent.Parse(channel, payload).Describe());
    }

    [Fact]
    public void The_common_shape_gives_the_instance_and_its_master()
    {
        SentinelEvent e = SentinelEvent.Parse("+promoted-slave", "slave 127.0.0.1:7002 127.0.0.1 7002 @ myMaster 127.0.0.1 7001");

        Assert.Equal(("slave", "127.0.0.1:7002", "127.0.0.1", 7002), (e.InstanceType, e.InstanceName, e.Ip, e.Port));
        Assert.Equal(("myMaster", "127.0.0.1", 7001), (e.MasterName, e.MasterIp, e.MasterPort));
        Assert.Null(e.Extra);
    }

    [Fact]
    public void Odown_carries_its_quorum_votes()
    {
        SentinelEvent e = SentinelEvent.Parse("+odown", "master myMaster 127.0.0.1 7001 #quorum 2/2");

        Assert.Equal((2, 2), (e.QuorumVotes, e.QuorumNeeded));
        Assert.Equal(("myMaster", 7001), (e.MasterName, e.MasterPort));
    }

    [Fact]
    public void Switch_master_names_the_old_and_the_new_address()
    {
        SentinelEvent e = SentinelEvent.Parse("+switch-master", "myMaster 127.0.0.1 7001 127.0.0.1 7002");

        Assert.Equal(("myMaster", "127.0.0.1", 7001, "127.0.0.1", 7002), (e.MasterName, e.OldMasterIp, e.OldMasterPort, e.NewMasterIp, e.NewMasterPort));
    }

    [Fact]
    public void Votes_carry_the_leader_and_the_epoch()
    {
        SentinelEvent e = SentinelEvent.Parse("+vote-for-leader", "0101a5a4e0c8f1b2d3c4b5a69788a9b0c1d2e3f4 7");

        Assert.Equal(("0101a5a4e0c8f1b2d3c4b5a69788a9b0c1d2e3f4", 7L), (e.LeaderRunId, e.Epoch));
    }

    [Theory]
    [InlineData("+sdown", "")]
    [InlineData("+switch-master", "myMaster 127.0.0.1")]
    [InlineData("+odown", "master myMaster 127.0.0.1 notaport #quorum x/y")]
    public void Malformed_payloads_never_throw(string channel, string payload)
    {
        SentinelEvent e = SentinelEvent.Parse(channel, payload);

        Assert.Equal(channel, e.Name);
        Assert.NotEqual(SentinelEventKind.Other, e.Kind);
        Assert.False(string.IsNullOrEmpty(e.Describe()));
    }

    [Fact]
    public void Every_known_event_kind_has_its_sentinel_name_and_back()
    {
        foreach (SentinelEventKind kind in Enum.GetValues<SentinelEventKind>().Where(k => k != SentinelEventKind.Other))
            Assert.Equal(kind, SentinelEventNames.KindOf(SentinelEventNames.NameOf(kind)));
        Assert.Equal(SentinelEventKind.Other, SentinelEvent.Parse("+some-future-event", "x").Kind);
    }
}
