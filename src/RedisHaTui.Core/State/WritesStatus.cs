namespace RedisHaTui.Core.State;

/// <summary>
/// Whether the current master accepts writes and, if not, why: derived from what the monitor already reads
/// (role, reachability, min_slaves_good_slaves, min-replicas-to-write), so a student sees what a client lives
/// through, not only what Sentinel believes.
/// </summary>
public sealed record WritesStatus
{
    /// <summary>The node clients write to: the one with role master, else the sentinels' choice.</summary>
    public string? Master { get; init; }
    public bool Accepted { get; init; }
    /// <summary>The error a client gets ("NOREPLICAS"), or a short cause ("no master", "down"); null when accepted.</summary>
    public string? Refusal { get; init; }
    public int? GoodReplicas { get; init; }
    /// <summary>min-replicas-to-write on the master; 0: none required; null: not known (CONFIG not allowed).</summary>
    public int? Required { get; init; }
    public int? MaxLagSeconds { get; init; }
    /// <summary>The verdict in plain words, for the master's pane and the health line.</summary>
    public string Text { get; init; } = "writes: not read yet";

    public static readonly WritesStatus Unknown = new();

    public static WritesStatus Of(LabSnapshot s)
    {
        if (!s.Consensus.Read) return Unknown;
        string? name = s.Consensus.MasterByRoles ?? s.Consensus.MasterBySentinels;
        if (name is null || s.Node(name) is not { } master)
            return new() { Refusal = "no master", Text = "writes refused: no reachable node is master" };
        if (!master.Reachable)
            return new() { Master = name, Refusal = "down", Text = $"writes refused: the master {name} is down" };
        if (master.Role != NodeRole.Master)
            return new() { Master = name, Refusal = "READONLY", Text = $"writes refused: READONLY, {name} is a replica" };
        int? required = master.MinReplicasToWrite;
        int good = master.GoodReplicas ?? master.Replicas.Count(r => r.State == "online");
        var status = new WritesStatus { Master = name, GoodReplicas = good, Required = required, MaxLagSeconds = master.MinReplicasMaxLag };
        if (required is null)
            return status with { Accepted = true, Text = $"writes accepted by {name} (min-replicas-to-write unknown)" };
        if (required == 0 || master.MinReplicasMaxLag == 0)
            return status with { Accepted = true, Text = $"writes accepted by {name} (no replica required)" };
        if (good < required)
            return status with
            {
                Refusal = "NOREPLICAS",
                Text = $"writes refused: NOREPLICAS, {good} of {required} required replicas (min-replicas-to-write {required})",
            };
        return status with { Accepted = true, Text = $"writes accepted by {name}: {good} of {required} required replicas" };
    }
}
