using System.Text;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// Turns a pristine template from lab/ into the working config: the template's own settings stay, and every
/// fact lab.json owns (port, bind, dir, replicaof, the monitored master, timings) is replaced, so a port or a
/// replica relation is changed in one place only.
/// </summary>
public static class ConfigWriter
{
    // Passwords are lab.json's too (Lab:Auth): a template's own would lock the app out of its lab.
    private static readonly string[] NodeOwned =
    [
        "port", "bind", "dir", "daemonize", "logfile", "pidfile", "replicaof", "slaveof", "supervised", "replica-announce-ip",
        "requirepass", "masterauth", "masteruser",
    ];

    // Sentinel's own state (myid, epochs, known-*) is dropped too: a fresh start must not resurrect an old topology.
    private static readonly string[] SentinelOwned =
    [
        "port", "bind", "dir", "daemonize", "logfile", "pidfile", "supervised",
        "sentinel monitor", "sentinel down-after-milliseconds", "sentinel failover-timeout", "sentinel parallel-syncs",
        "sentinel myid", "sentinel current-epoch", "sentinel config-epoch", "sentinel leader-epoch",
        "sentinel known-replica", "sentinel known-slave", "sentinel known-sentinel", "sentinel resolve-hostnames", "sentinel announce-hostnames",
        "sentinel announce-ip",
        "requirepass", "sentinel auth-pass", "sentinel auth-user", "sentinel sentinel-pass", "sentinel sentinel-user",
    ];

    // With partitions on, who a process is on the network is lab.json's too (Lab:Network).
    private static readonly string[] NetworkOwned = ["bind-source-addr", "protected-mode"];

    public static string Node(string template, NodeDefinition node, LabDefinition lab, string folder, Version? redis = null)
    {
        var text = new StringBuilder(Strip(template, lab.Network.Partitions ? [.. NodeOwned, .. NetworkOwned] : NodeOwned));
        Header(text);
        text.Append($"port {node.Port}\nbind {node.Endpoint.Host}\ndaemonize no\nlogfile \"\"\ndir {Quote(folder)}\n");
        if (lab.Network.Partitions) Identity(text, lab.Network.Reach(node).Host, "replica-announce-ip");
        // Connections between loopback addresses leave from 127.0.0.1 whatever the bind: say our own address, or the
        // master lists this replica (and sentinels find it) at 127.0.0.1.
        else if (node.Endpoint.Host != Endpoint.DefaultHost) text.Append($"replica-announce-ip {node.Endpoint.Host}\n");
        if (node.ReplicaOf is { } of)
            text.Append($"replicaof {Address(lab.Network.Reach(lab.Nodes.First(n => n.Name == of)))}\n");
        if (lab.Security.Credentials is { } credentials)
        {
            // requirepass: clients (the app included) must AUTH; masterauth: this node, when a replica, authenticates
            // to its master — every node may become one after a failover, so every node gets both.
            string password = Quote(credentials.Password.Reveal());
            text.Append($"requirepass {password}\nmasterauth {password}\n");
        }
        // The DEBUG SLEEP action (a node that stops answering) needs DEBUG, which Redis 7 refuses by default and
        // 6.2 neither refuses nor knows the directive for. "local": loopback clients only.
        if (redis is { Major: >= 7 } && !System.Text.RegularExpressions.Regex.IsMatch(template, @"(?m)^\s*enable-debug-command\b"))
            text.Append("enable-debug-command local\n");
        return text.ToString();
    }

    public static string Sentinel(string template, SentinelDefinition sentinel, LabDefinition lab, string folder)
    {
        var text = new StringBuilder(Strip(template, lab.Network.Partitions ? [.. SentinelOwned, .. NetworkOwned] : SentinelOwned));
        Header(text);
        string m = lab.MasterName;
        text.Append($"port {sentinel.Port}\nbind {sentinel.Endpoint.Host}\ndaemonize no\nlogfile \"\"\ndir {Quote(folder)}\n");
        if (lab.Network.Partitions) Identity(text, lab.Network.Reach(sentinel).Host, "sentinel announce-ip");
        // As for nodes: other sentinels would otherwise learn this one at 127.0.0.1, where nothing listens.
        else if (sentinel.Endpoint.Host != Endpoint.DefaultHost) text.Append($"sentinel announce-ip {sentinel.Endpoint.Host}\n");
        text.Append($"sentinel monitor {m} {Address(lab.Network.Reach(lab.InitialMaster))} {sentinel.Quorum}\n");
        text.Append($"sentinel down-after-milliseconds {m} {sentinel.DownAfterMilliseconds}\n");
        text.Append($"sentinel failover-timeout {m} {sentinel.FailoverTimeoutMilliseconds}\n");
        text.Append($"sentinel parallel-syncs {m} {sentinel.ParallelSyncs}\n");
        if (lab.Security.Credentials is { } credentials)
        {
            // auth-pass: what this sentinel sends to the master and replicas. requirepass: its own port wants the
            // password too. Sentinels then also authenticate to each other: with no `sentinel sentinel-pass`, a
            // sentinel sends its own requirepass to the other sentinels (sentinel.c, for compatibility), and since
            // every sentinel of the lab has the same one, that is enough. Verified on Redis 7.0.15: all three see
            // 2 other sentinels, CKQUORUM is OK and a kill -9 of the master fails over.
            string password = Quote(credentials.Password.Reveal());
            text.Append($"sentinel auth-pass {m} {password}\nrequirepass {password}\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// A process of a partitionable lab: its connections leave from its identity address (the relay reads who connects
    /// from it), it announces that address (so the others reach it through the relay), and it takes connections from
    /// addresses other than 127.0.0.1 — protected mode would refuse them, and it only ever binds loopback (LabValidator).
    /// </summary>
    private static void Identity(StringBuilder text, string identity, string announce) =>
        text.Append($"bind-source-addr {identity}\n{announce} {identity}\nprotected-mode no\n");

    /// <summary>"127.0.0.1 7001": host and port as redis.conf and sentinel.conf take them.</summary>
    private static string Address(Endpoint e) => $"{e.Host} {e.Port}";

    private static void Header(StringBuilder text) =>
        text.Append("\n# --- Written by redis-ha-tui from lab.json: change lab.json, not these lines. ---\n");

    /// <summary>Drops the directives lab.json owns, and the block CONFIG REWRITE appends.</summary>
    private static string Strip(string template, string[] owned)
    {
        var kept = new StringBuilder();
        foreach (string raw in template.ReplaceLineEndings("\n").Split('\n'))
        {
            string line = string.Join(' ', raw.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
            if (line.StartsWith("# generated by config rewrite", StringComparison.Ordinal)) break;
            if (owned.Any(d => line == d || line.StartsWith(d + " ", StringComparison.Ordinal))) continue;
            kept.Append(raw).Append('\n');
        }
        return kept.ToString().TrimEnd('\n') + "\n";
    }

    private static string Quote(string path) => "\"" + path.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
