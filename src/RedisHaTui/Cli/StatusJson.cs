namespace RedisHaTui.Cli;

// The document `status --json` prints (README: "status --json prints one document"). Field names come from the
// property names through the camelCase policy of CliJson; the order of the parameters is the order printed.

public sealed record StatusDocument(
    string Lab,
    string MasterName,
    int PortOffset,
    bool Healthy,
    bool FailoverReady,
    string FailoverReadyReason,
    MasterClaims Master,
    IReadOnlyList<string> Disagreements,
    IReadOnlyList<string> Problems,
    IReadOnlyList<NodeStatus> Nodes,
    IReadOnlyList<SentinelStatus> Sentinels);

/// <summary>Who is master according to the sentinels and according to the nodes' own roles.</summary>
public sealed record MasterClaims(string? BySentinels, string? ByRoles);

public sealed record NodeStatus(
    string Name,
    string Host,
    int Port,
    bool Up,
    int? Pid,
    string? Role,
    string? Follows,
    int? FollowsPort,
    string? Link,
    int? LastIoSecondsAgo,
    bool SyncInProgress,
    long? Offset,
    long? LagBytes,
    IReadOnlyList<ReplicaStatus> Replicas,
    int? GoodReplicas,
    long? Keys,
    string? Aof,
    string? Error);

/// <summary>A replica as its master lists it.</summary>
public sealed record ReplicaStatus(string? Name, string Ip, int Port, string State, long Offset, int LagSeconds);

public sealed record SentinelStatus(
    string Name,
    string Host,
    int Port,
    bool Up,
    int? Pid,
    string? Master,
    string? MasterAddress,
    bool SDown,
    bool ODown,
    bool FailoverInProgress,
    int? KnownReplicas,
    int? KnownSentinels,
    long? Epoch,
    string? Quorum,
    bool? QuorumOk,
    string? WouldPromote,
    string? Promotion,
    string? Error);
