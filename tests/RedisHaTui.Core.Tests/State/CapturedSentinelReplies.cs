using RedisHaTui.Core.Monitoring.Parsing;

namespace RedisHaTui.Core.Tests.State;

/// <summary>
/// SENTINEL MASTER and SENTINEL REPLICAS replies captured from a real lab (Redis 7.0.15, the tutorial's two nodes and
/// three sentinels, down-after-milliseconds 5000, ports 24001/24002 and 22001) on 2026-12-07, flattened to
/// "name value name value …" ("" for an empty value). Each says what was done to the lab to get it.
/// </summary>
internal static class CapturedSentinelReplies
{
    /// <summary>sentinel1 on master node2, nothing wrong.</summary>
    public const string Master =
        "name myMaster ip 127.0.0.1 port 24002 runid f7e5ab4674d1873fe20cfaecddeff920a00b1b73 flags master link-pending-commands 0 link-refcount 1 " +
        "last-ping-sent 0 last-ok-ping-reply 477 last-ping-reply 477 down-after-milliseconds 5000 info-refresh 3131 role-reported master " +
        "role-reported-time 116045 config-epoch 20 num-slaves 1 num-other-sentinels 2 quorum 2 failover-timeout 60000 parallel-syncs 1";

    /// <summary>node1, replica of node2, linked and answering.</summary>
    public const string Healthy =
        "name 127.0.0.1:24001 ip 127.0.0.1 port 24001 runid 9db34e7f92fae667ed97481ce5bb29f4475ba33a flags slave link-pending-commands 0 link-refcount 1 " +
        "last-ping-sent 0 last-ok-ping-reply 93 last-ping-reply 93 down-after-milliseconds 5000 info-refresh 5575 role-reported slave role-reported-time 105873 " +
        "master-link-down-time 0 master-link-status ok master-host 127.0.0.1 master-port 24002 slave-priority 100 slave-repl-offset 155218 replica-announced 1";

    /// <summary>node1 after `CONFIG SET replica-priority 0` and the sentinel's next INFO.</summary>
    public const string PriorityZero =
        "name 127.0.0.1:24001 ip 127.0.0.1 port 24001 runid 9db34e7f92fae667ed97481ce5bb29f4475ba33a flags slave link-pending-commands 0 link-refcount 1 " +
        "last-ping-sent 0 last-ok-ping-reply 861 last-ping-reply 861 down-after-milliseconds 5000 info-refresh 6660 role-reported slave role-reported-time 116983 " +
        "master-link-down-time 0 master-link-status ok master-host 127.0.0.1 master-port 24002 slave-priority 0 slave-repl-offset 157272 replica-announced 1";

    /// <summary>node1 frozen (SIGSTOP) 3.8 s ago: no PING reply for 4.8 s, not yet s_down.</summary>
    public const string FrozenPingNearLimit =
        "name 127.0.0.1:24001 ip 127.0.0.1 port 24001 runid 9db34e7f92fae667ed97481ce5bb29f4475ba33a flags slave link-pending-commands 42 link-refcount 1 " +
        "last-ping-sent 3786 last-ok-ping-reply 4810 last-ping-reply 4810 down-after-milliseconds 5000 info-refresh 11952 role-reported slave role-reported-time 132295 " +
        "master-link-down-time 0 master-link-status ok master-host 127.0.0.1 master-port 24002 slave-priority 100 slave-repl-offset 159054 replica-announced 1";

    /// <summary>The same, 0.3 s later: no PING reply for 5.1 s, past Sentinel's 5 × ping period, still not s_down.</summary>
    public const string FrozenPingPastLimit =
        "name 127.0.0.1:24001 ip 127.0.0.1 port 24001 runid 9db34e7f92fae667ed97481ce5bb29f4475ba33a flags slave link-pending-commands 50 link-refcount 1 " +
        "last-ping-sent 4098 last-ok-ping-reply 5122 last-ping-reply 5122 down-after-milliseconds 5000 info-refresh 12264 role-reported slave role-reported-time 132607 " +
        "master-link-down-time 0 master-link-status ok master-host 127.0.0.1 master-port 24002 slave-priority 100 slave-repl-offset 159054 replica-announced 1";

    /// <summary>The same, 1 s later: s_down (down-after 5000).</summary>
    public const string FrozenSDown =
        "name 127.0.0.1:24001 ip 127.0.0.1 port 24001 runid 9db34e7f92fae667ed97481ce5bb29f4475ba33a flags s_down,slave link-pending-commands 79 link-refcount 1 " +
        "last-ping-sent 5112 last-ok-ping-reply 6136 last-ping-reply 6136 s-down-time 56 down-after-milliseconds 5000 info-refresh 13278 role-reported slave " +
        "role-reported-time 133621 master-link-down-time 0 master-link-status ok master-host 127.0.0.1 master-port 24002 slave-priority 100 " +
        "slave-repl-offset 159054 replica-announced 1";

    /// <summary>node1's replication link failing for 51 s (`CONFIG SET masterauth` to a wrong password, `CLIENT KILL TYPE master`).</summary>
    public const string LinkDown51s =
        "name 127.0.0.1:24001 ip 127.0.0.1 port 24001 runid 9db34e7f92fae667ed97481ce5bb29f4475ba33a flags slave link-pending-commands 0 link-refcount 1 " +
        "last-ping-sent 0 last-ok-ping-reply 369 last-ping-reply 369 down-after-milliseconds 5000 info-refresh 536 role-reported slave role-reported-time 192347 " +
        "master-link-down-time 51000 master-link-status err master-host 127.0.0.1 master-port 24002 slave-priority 100 slave-repl-offset 163434 replica-announced 1";

    /// <summary>
    /// node1, the old master, 0.1 s after sentinel1's +convert-to-slave: Sentinel's SLAVEOF comes with CLIENT KILL, so
    /// every sentinel's link to it is down for up to a second (the NOGOODSLAVE after a rejoin). Its INFO is 10 s old and
    /// from before the conversion: role-reported master.
    /// </summary>
    public const string ConvertedDisconnected =
        "name 127.0.0.1:24001 ip 127.0.0.1 port 24001 runid 9db34e7f92fae667ed97481ce5bb29f4475ba33a flags slave,disconnected link-pending-commands 0 link-refcount 1 " +
        "last-ping-sent 0 last-ok-ping-reply 779 last-ping-reply 779 down-after-milliseconds 5000 info-refresh 10062 role-reported master role-reported-time 10062 " +
        "master-link-down-time 0 master-link-status err master-host ? master-port 0 slave-priority 100 slave-repl-offset 0 replica-announced 1";

    /// <summary>node2 as sentinel1 lists it right after a +switch-master: a new entry, its link not yet up and its INFO never read.</summary>
    public const string NewAfterSwitch =
        "name 127.0.0.1:24002 ip 127.0.0.1 port 24002 runid \"\" flags slave,disconnected link-pending-commands 0 link-refcount 1 last-ping-sent 53 " +
        "last-ok-ping-reply 53 last-ping-reply 53 down-after-milliseconds 5000 info-refresh 0 role-reported slave role-reported-time 53 master-link-down-time 0 " +
        "master-link-status err master-host ? master-port 0 slave-priority 100 slave-repl-offset 0 replica-announced 1";

    public static IReadOnlyDictionary<string, string> Fields(string flat) =>
        SentinelReply.ToFields([.. flat.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => t == "\"\"" ? "" : t)]);

    public static SentinelMasterInfo MasterInfo(string flat = Master) => SentinelMasterInfo.From(Fields(flat));

    public static SentinelReplicaInfo Replica(string flat) => SentinelReplicaInfo.From(Fields(flat));
}
