namespace RedisHaTui.Core.Drift;

/// <summary>
/// Why a config line changed, as a table matched by directive (and, where it matters, by whether the line was
/// added or removed): teaching content as data, which a presenter can read top to bottom. The first entry
/// whose directive and change match wins; the last two are the fallbacks for any other directive.
/// </summary>
public static class DriftExplanations
{
    /// <summary>One row: a directive ("sentinel monitor"; "*" for any), the change it explains (null: either) and why.</summary>
    public sealed record Explanation(string Directive, DriftChange? Change, string Why);

    public static readonly IReadOnlyList<Explanation> Redis =
    [
        new("sentinel monitor", DriftChange.Added, "Sentinel now watches the promoted replica as the master: a failover (+switch-master) rewrote the line"),
        new("sentinel monitor", DriftChange.Removed, "the master this sentinel watched before a failover moved it (the new monitor line replaces it)"),
        new("sentinel known-replica", null, "a replica Sentinel found in the master's INFO replication, saved so a restarted sentinel still knows it"),
        new("sentinel known-slave", null, "a replica Sentinel found in the master's INFO replication, saved so a restarted sentinel still knows it"),
        new("sentinel known-sentinel", null, "another sentinel heard on the master's __sentinel__:hello channel (every 2 s), saved with its id"),
        new("sentinel myid", null, "this sentinel's own id, made up at its first start and saved so it keeps it across restarts"),
        new("sentinel current-epoch", null, "the newest epoch this sentinel has seen: every failover's leader election raises it by one"),
        new("sentinel config-epoch", null, "the epoch of the failover that set this master's address: when sentinels disagree, the highest wins"),
        new("sentinel leader-epoch", null, "the epoch in which this sentinel last voted for a leader to run a failover"),
        new("sentinel parallel-syncs", DriftChange.Removed, "Sentinel's rewrite leaves out a setting at its default (parallel-syncs 1): the behaviour is the same"),
        new("replicaof", DriftChange.Added, "Sentinel made this node a replica (REPLICAOF + CONFIG REWRITE): demoted after a failover, or pointed at the new master"),
        new("replicaof", DriftChange.Removed, "Sentinel promoted this node to master (REPLICAOF NO ONE + CONFIG REWRITE): it replicates nobody now"),
        new("slaveof", DriftChange.Added, "Sentinel made this node a replica (SLAVEOF + CONFIG REWRITE): demoted after a failover, or pointed at the new master"),
        new("slaveof", DriftChange.Removed, "Sentinel promoted this node to master (SLAVEOF NO ONE + CONFIG REWRITE): it replicates nobody now"),
        new("protected-mode", DriftChange.Added, "CONFIG REWRITE writes every setting that differs from redis.conf's default; Sentinel runs with protected mode off"),
        new("user", DriftChange.Added, "CONFIG REWRITE writes the ACL default user out (with a password, only its hash, shown redacted)"),
        new("latency-tracking-info-percentiles", DriftChange.Added, "a Redis 7 setting CONFIG REWRITE always writes out, even at its default"),
        new("save", DriftChange.Added, "CONFIG REWRITE writes the snapshot schedule Redis runs with"),
        new("*", DriftChange.Added, "written by CONFIG REWRITE: Redis writes out every setting whose running value differs from its default"),
        new("*", DriftChange.Removed, "left out by CONFIG REWRITE: Redis writes no line for a setting at its default, or one it changed at run time"),
    ];

    /// <summary>What redis-ha-tui's own lines are for, after "written by redis-ha-tui when the lab started".</summary>
    public static readonly IReadOnlyList<Explanation> App =
    [
        new("port", null, "lab.json's port, the port offset applied"),
        new("bind", null, "lab.json's address: the lab listens on loopback only"),
        new("dir", null, "the run directory, so data and rewrites never touch lab/"),
        new("logfile", null, "the log goes to standard output, which the app shows in the pane"),
        new("daemonize", null, "the app supervises the process, so it stays in the foreground"),
        new("replicaof", null, "the replica relation lab.json gives"),
        new("replica-announce-ip", null, "the node's own loopback address (with partitions on: its identity, where the relay listens for it), so its master lists it there"),
        new("bind-source-addr", null, "Lab:Network:Partitions: its connections leave from its own identity address, so the app's relay knows who connects"),
        new("protected-mode", null, "Lab:Network:Partitions: connections come from identity addresses other than 127.0.0.1; it still binds loopback only"),
        new("enable-debug-command", null, "so the DEBUG SLEEP action works; loopback clients only"),
        new("requirepass", null, "Lab:Auth: the lab's password (redacted)"),
        new("masterauth", null, "Lab:Auth: the password this node gives its master when it is a replica (redacted)"),
        new("sentinel monitor", null, "the master lab.json names, and the quorum"),
        new("sentinel down-after-milliseconds", null, "lab.json's timing: unreachable this long = subjectively down"),
        new("sentinel failover-timeout", null, "lab.json's timing"),
        new("sentinel parallel-syncs", null, "lab.json's setting"),
        new("sentinel announce-ip", null, "the sentinel's own loopback address (with partitions on: its identity, where the relay listens for it), so the others find it there"),
        new("sentinel auth-pass", null, "Lab:Auth: the password this sentinel gives the nodes (redacted)"),
        new("*", null, "from lab.json"),
    ];

    /// <summary>How every reason for an app-written line begins, so nobody mistakes it for drift.</summary>
    public const string AppPrefix = "written by redis-ha-tui when the lab started: ";

    /// <summary>The sentence for a line: the first row of the table that matches.</summary>
    public static string For(DriftChange change, string directive)
    {
        if (change is DriftChange.WrittenByApp)
            return AppPrefix + Match(App, change, directive);
        if (change is DriftChange.ReplacedByApp)
            return "replaced by redis-ha-tui with lab.json's value when the lab started";
        return Match(Redis, change, directive);
    }

    private static string Match(IReadOnlyList<Explanation> table, DriftChange change, string directive) =>
        table.First(e => (e.Directive == directive || e.Directive == "*") && (e.Change is null || e.Change == change)).Why;
}
