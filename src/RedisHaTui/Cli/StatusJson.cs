namespace RedisHaTui.Cli;

// The document `status --json` prints (README: "status --json prints one document"). Field names come from the
// property names through the camelCase policy of CliJson; the order of the properties is the order printed.

/// <summary>The whole document: the lab, the verdict, and every process.</summary>
public sealed record StatusDocument
{
    public required string Lab { get; init; }
    public required string MasterName { get; init; }
    public required int PortOffset { get; init; }
    public required bool Healthy { get; init; }
    public required bool FailoverReady { get; init; }
    public required string FailoverReadyReason { get; init; }
    public required MasterClaims Master { get; init; }
    public required IReadOnlyList<string> Disagreements { get; init; }
    public required IReadOnlyList<string> Problems { get; init; }
    public required IReadOnlyList<NodeStatus> Nodes { get; init; }
    public required IReadOnlyList<SentinelStatus> Sentinels { get; init; }
}

/// <summary>Who is master according to the sentinels and according to the nodes' own roles.</summary>
public sealed record MasterClaims(string? BySentinels, string? ByRoles);

/// <summary>A data node as its INFO describes it; the fields past Up are null while it does not answer.</summary>
public sealed record NodeStatus
{
    public required string Name { get; init; }
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required bool Up { get; init; }
    public int? Pid { get; init; }
    public string? Role { get; init; }
    public string? Follows { get; init; }
    public int? FollowsPort { get; init; }
    public string? Link { get; init; }
    public int? LastIoSecondsAgo { get; init; }
    public required bool SyncInProgress { get; init; }
    public long? Offset { get; init; }
    public long? LagBytes { get; init; }
    public required IReadOnlyList<ReplicaStatus> Replicas { get; init; }
    public int? GoodReplicas { get; init; }
    public long? Keys { get; init; }
    public string? Aof { get; init; }
    public string? Error { get; init; }
}

/// <summary>A replica as its master lists it.</summary>
public sealed record ReplicaStatus
{
    public string? Name { get; init; }
    public required string Ip { get; init; }
    public required int Port { get; init; }
    public required string State { get; init; }
    public required long Offset { get; init; }
    public required int LagSeconds { get; init; }
}

/// <summary>A sentinel and what it says about the master; the fields past Up are null (false) while it does not answer.</summary>
public sealed record SentinelStatus
{
    public required string Name { get; init; }
    public required string Host { get; init; }
    public required int Port { get; init; }
    public required bool Up { get; init; }
    public int? Pid { get; init; }
    public string? Master { get; init; }
    public string? MasterAddress { get; init; }
    public required bool SDown { get; init; }
    public required bool ODown { get; init; }
    public required bool FailoverInProgress { get; init; }
    public int? KnownReplicas { get; init; }
    public int? KnownSentinels { get; init; }
    public long? Epoch { get; init; }
    public string? Quorum { get; init; }
    public bool? QuorumOk { get; init; }
    public string? WouldPromote { get; init; }
    public string? Promotion { get; init; }
    public string? Error { get; init; }
}
