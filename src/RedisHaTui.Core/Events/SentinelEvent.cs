using System.Text.Json.Serialization;

namespace RedisHaTui.Core.Events;

/// <summary>
/// One Sentinel pub/sub event: the channel is the event name, the payload has the common shape
/// "&lt;type&gt; &lt;name&gt; &lt;ip&gt; &lt;port&gt; [@ &lt;master-name&gt; &lt;master-ip&gt; &lt;master-port&gt;] [extra]",
/// with a few events of their own (+new-epoch, +vote-for-leader, +switch-master, +tilt).
/// Parsing never throws: an unknown shape keeps its raw payload.
/// </summary>
public sealed record SentinelEvent
{
    /// <summary>Sentinel's name for the event (its channel), e.g. +sdown.</summary>
    public required string Name { get; init; }
    /// <summary>The payload as published, kept whole: an unknown shape keeps it and nothing else.</summary>
    public required string Payload { get; init; }
    /// <summary>master, slave or sentinel: what the event is about.</summary>
    public string? InstanceType { get; init; }
    public string? InstanceName { get; init; }
    public string? Ip { get; init; }
    public int? Port { get; init; }
    /// <summary>The master the instance belongs to ("@ name ip port"), or the instance itself when it is the master.</summary>
    public string? MasterName { get; init; }
    public string? MasterIp { get; init; }
    public int? MasterPort { get; init; }
    /// <summary>What follows the common shape ("#quorum 2/2", a role change's words), or a payload of another shape.</summary>
    public string? Extra { get; init; }
    /// <summary>+odown's "#quorum votes/needed".</summary>
    public int? QuorumVotes { get; init; }
    public int? QuorumNeeded { get; init; }
    /// <summary>+new-epoch's and +vote-for-leader's epoch.</summary>
    public long? Epoch { get; init; }
    /// <summary>+vote-for-leader: the run id of the sentinel voted for.</summary>
    public string? LeaderRunId { get; init; }
    /// <summary>+switch-master: the address the master had and the one it has now.</summary>
    public string? OldMasterIp { get; init; }
    public int? OldMasterPort { get; init; }
    public string? NewMasterIp { get; init; }
    public int? NewMasterPort { get; init; }

    /// <summary>The event, typed; <see cref="SentinelEventKind.Other"/> for names this app does not know. Follows from the name.</summary>
    [JsonIgnore]
    public SentinelEventKind Kind => SentinelEventNames.KindOf(Name);

    public static SentinelEvent Parse(string channel, string payload)
    {
        var e = new SentinelEvent { Name = channel, Payload = payload };
        string[] w = payload.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        switch (channel)
        {
            case "+new-epoch":
                return e with { Epoch = w.Length > 0 && long.TryParse(w[0], out long epoch) ? epoch : null };
            case "+vote-for-leader":
                return e with { LeaderRunId = w.ElementAtOrDefault(0), Epoch = w.Length > 1 && long.TryParse(w[1], out long v) ? v : null };
            case "+switch-master" when w.Length >= 5:
                return e with
                {
                    MasterName = w[0], OldMasterIp = w[1], OldMasterPort = Int(w[2]), NewMasterIp = w[3], NewMasterPort = Int(w[4]),
                    InstanceType = "master", InstanceName = w[0], Ip = w[3], Port = Int(w[4]),
                };
            case "+tilt" or "-tilt":
                return e with { Extra = payload };
        }
        if (w.Length < 4 || w[0] is not ("master" or "slave" or "sentinel")) return e with { Extra = payload.Length > 0 ? payload : null };

        e = e with { InstanceType = w[0], InstanceName = w[1], Ip = w[2], Port = Int(w[3]) };
        int rest = 4;
        if (w.Length >= 8 && w[4] == "@")
        {
            e = e with { MasterName = w[5], MasterIp = w[6], MasterPort = Int(w[7]) };
            rest = 8;
        }
        else if (w[0] == "master")
        {
            e = e with { MasterName = w[1], MasterIp = w[2], MasterPort = Int(w[3]) };
        }
        string? extra = rest < w.Length ? string.Join(' ', w[rest..]) : null;
        e = e with { Extra = extra };
        if (extra is not null && extra.StartsWith("#quorum ", StringComparison.Ordinal))
        {
            string[] q = extra[8..].Split('/');
            if (q.Length == 2) e = e with { QuorumVotes = Int(q[0]), QuorumNeeded = Int(q[1]) };
        }
        return e;
    }

    private static int? Int(string s) => int.TryParse(s, out int v) ? v : null;

    private string Address => Ip is null ? InstanceName ?? "?" : $"{Ip}:{Port}";

    private string Subject => InstanceType switch
    {
        "master" => $"master {InstanceName} {Address}",
        "slave" => $"replica {Address}",
        "sentinel" => $"sentinel {Address}",
        _ => Payload,
    };

    /// <summary>A short sentence for the timeline.</summary>
    public string Describe() => Name switch
    {
        "+sdown" => $"{Subject} subjectively down",
        "-sdown" => $"{Subject} no longer subjectively down",
        "+odown" => $"{Subject} objectively down" + (QuorumVotes is null ? "" : $" (quorum {QuorumVotes}/{QuorumNeeded})"),
        "-odown" => $"{Subject} no longer objectively down",
        "+new-epoch" => $"new epoch {Epoch}",
        "+try-failover" => $"trying to fail over {MasterName ?? InstanceName}",
        "+vote-for-leader" => $"voted for leader {Short(LeaderRunId)} in epoch {Epoch}",
        "+elected-leader" => $"elected leader for the failover of {MasterName ?? InstanceName}",
        "+failover-state-select-slave" => "selecting a replica to promote",
        "+selected-slave" => $"selected replica {Address}",
        "+failover-state-send-slaveof-noone" => $"sending REPLICAOF NO ONE to {Address}",
        "+failover-state-wait-promotion" => $"waiting for {Address} to be promoted",
        "+promoted-slave" => $"replica {Address} promoted",
        "+failover-state-reconf-slaves" => "reconfiguring the other replicas",
        "+slave-reconf-sent" => $"told replica {Address} to follow the new master",
        "+slave-reconf-inprog" => $"replica {Address} is syncing with the new master",
        "+slave-reconf-done" => $"replica {Address} follows the new master",
        "+failover-end" => $"failover of {MasterName ?? InstanceName} ended",
        // The aborts and the timeout with their cause (sentinel.c, sentinelFailover*): the screen says why, not only that.
        "+failover-end-for-timeout" => $"failover of {MasterName ?? InstanceName} timed out: not every replica was told to follow the new master within failover-timeout (it ends anyway)",
        "+switch-master" => $"{MasterName} switched {OldMasterIp}:{OldMasterPort} → {NewMasterIp}:{NewMasterPort}",
        "+convert-to-slave" => $"{Address} converted to a replica of {MasterIp}:{MasterPort}",
        "+role-change" or "-role-change" => $"{Address} {Extra ?? "role changed"}",
        "+slave" => $"knows replica {Address}",
        "+sentinel" => $"knows sentinel {Address}",
        "+config-update-from" => $"config updated from sentinel {Address}",
        "+reboot" => $"{Subject} rebooted",
        "+fix-slave-config" => $"fixing the config of replica {Address}",
        "-failover-abort-no-good-slave" => "failover aborted: no good replica to promote (none passes Sentinel's rules: link down too long, INFO too old, no PING reply, " +
                                           "priority 0 or s_down; readiness says which); the next try waits 2 × failover-timeout",
        "-failover-abort-not-elected" => "failover aborted: not elected leader (it needs the votes of a majority of the sentinels it knows; the quorum " +
                                         "only marks +odown); the next try waits 2 × failover-timeout",
        "-failover-abort-slave-timeout" => "failover aborted: the selected replica did not report role master within failover-timeout after REPLICAOF NO ONE",
        "+tilt" => "entered TILT mode (the clock jumped)",
        "-tilt" => "left TILT mode",
        "+reset-master" => $"{Subject} reset",
        "+monitor" => $"now monitoring {Subject}",
        "-monitor" => $"stopped monitoring {Subject}",
        _ => $"{Name} {Payload}",
    };

    private static string Short(string? runId) => runId is null ? "?" : runId[..Math.Min(8, runId.Length)];
}
