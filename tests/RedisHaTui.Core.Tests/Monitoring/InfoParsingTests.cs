using RedisHaTui.Core.Monitoring.Parsing;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>INFO and SENTINEL replies as Redis 7.0.15 sends them.</summary>
public class InfoParsingTests
{
    // The tutorial's `info replication` on node1.
    private const string TutorialMaster = "# Replication\r\nrole:master\r\nconnected_slaves:1\r\nmin_slaves_good_slaves:1\r\n" +
        "slave0:ip=127.0.0.1,port=7002,state=online,offset=14,lag=1\r\nmaster_failover_state:no-failover\r\n" +
        "master_replid:3fd1dab495adf9903f9f7435c4f79e76e42576a7\r\nmaster_replid2:0000000000000000000000000000000000000000\r\n" +
        "master_repl_offset:14\r\nsecond_repl_offset:-1\r\nrepl_backlog_active:1\r\nrepl_backlog_size:1048576\r\n" +
        "repl_backlog_first_byte_offset:1\r\nrepl_backlog_histlen:14\r\n";

    private const string ReplicaSyncing = """
        # Server
        redis_version:7.0.15
        redis_mode:standalone
        process_id:4242
        run_id:8d2a0c1b4a5e4c3b2a1908f7e6d5c4b3a2918070
        # Persistence
        loading:0
        aof_enabled:1
        aof_rewrite_in_progress:0
        aof_last_write_status:ok
        # Replication
        role:slave
        master_host:127.0.0.1
        master_port:7001
        master_link_status:down
        master_last_io_seconds_ago:-1
        master_sync_in_progress:1
        slave_read_repl_offset:0
        slave_repl_offset:0
        master_sync_total_bytes:-1
        slave_priority:100
        slave_read_only:1
        connected_slaves:0
        master_repl_offset:0
        # Keyspace
        db0:keys=3,expires=0,avg_ttl=0
        db1:keys=2,expires=1,avg_ttl=1000
        """;

    [Fact]
    public void The_tutorial_master_reports_its_role_offset_and_linked_replica()
    {
        ReplicationInfo info = ReplicationInfo.From(InfoReply.Parse(TutorialMaster));

        Assert.Equal(ReplicationRole.Master, info.Role);
        Assert.Equal(14, info.MasterReplOffset);
        Assert.Equal(1, info.GoodReplicas);
        ConnectedReplica replica = Assert.Single(info.ConnectedReplicas);
        Assert.Equal(new ConnectedReplica { Ip = "127.0.0.1", Port = 7002, State = "online", Offset = 14, Lag = 1 }, replica);
        Assert.Null(info.MasterHost);
    }

    [Fact]
    public void A_replica_with_its_link_down_reports_the_master_it_follows_and_its_sync()
    {
        ReplicationInfo info = ReplicationInfo.From(InfoReply.Parse(ReplicaSyncing));

        Assert.Equal(ReplicationRole.Replica, info.Role);
        Assert.Equal(("127.0.0.1", 7001, "down"), (info.MasterHost, info.MasterPort, info.MasterLinkStatus));
        Assert.Null(info.MasterLastIoSecondsAgo); // -1: never heard from the master
        Assert.True(info.MasterSyncInProgress);
        Assert.Equal(0, info.ReplicaOffset);
        Assert.Empty(info.ConnectedReplicas);
        Assert.Equal(5, info.Keys);
        Assert.True(info.AofEnabled);
        Assert.Equal("ok", info.AofStatus);
        Assert.Equal(("standalone", 4242, "7.0.15"), (info.ServerMode, info.ProcessId, info.Version));
    }

    [Fact]
    public void Sections_are_kept_by_lower_case_name()
    {
        InfoReply reply = InfoReply.Parse(ReplicaSyncing);

        Assert.Equal("1", reply.Sections["persistence"]["aof_enabled"]);
        Assert.Equal("slave", reply.Get("role"));
        Assert.Equal(7001, reply.GetInt("master_port"));
        Assert.Null(reply.GetLong("no_such_field"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage without colons\n#\n:\nrole")]
    [InlineData("slave0:ip=127.0.0.1,port=notaport")]
    public void Odd_text_gives_unknowns_not_exceptions(string text)
    {
        ReplicationInfo info = ReplicationInfo.From(InfoReply.Parse(text));

        Assert.Equal(ReplicationRole.Unknown, info.Role);
        Assert.Empty(info.ConnectedReplicas);
        Assert.Equal(0, info.Keys);
    }

    [Fact]
    public void Sentinel_master_fields_give_flags_counts_and_epoch()
    {
        string?[] flat =
        [
            "name", "myMaster", "ip", "127.0.0.1", "port", "7001", "runid", "abc", "flags", "master,s_down,o_down,failover_in_progress",
            "num-slaves", "1", "num-other-sentinels", "2", "quorum", "2", "config-epoch", "3", "failover-state", "wait_promotion",
        ];

        SentinelMasterInfo m = SentinelMasterInfo.From(SentinelReply.ToFields(flat));

        Assert.True(m.SDown && m.ODown && m.FailoverInProgress);
        Assert.Equal(("myMaster", "127.0.0.1", 7001), (m.Name, m.Ip, m.Port));
        Assert.Equal((1, 2, 2, 3L), (m.NumSlaves, m.NumOtherSentinels, m.Quorum, m.ConfigEpoch));
        Assert.Equal("wait_promotion", m.FailoverState);
    }

    [Fact]
    public void A_healthy_master_has_no_down_flags()
    {
        SentinelMasterInfo m = SentinelMasterInfo.From(SentinelReply.ToFields(["flags", "master", "num-slaves", "1"]));

        Assert.False(m.SDown || m.ODown || m.FailoverInProgress);
        Assert.Null(m.ConfigEpoch);
    }
}
