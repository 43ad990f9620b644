using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Load;

/// <summary>
/// The plain words the timeline uses, once per burst, for what the write load lived through: a table a
/// presenter can read, filled in from the snapshot at the moment the burst began.
/// </summary>
public static class LoadExplanations
{
    /// <param name="master">The node the client was writing to, when known.</param>
    public static string ForBurst(WriteErrorKind kind, LabSnapshot s, string? master, string? otherMessage) => kind switch
    {
        WriteErrorKind.NoReplicas => NoReplicas(s, master),
        WriteErrorKind.ReadOnly => "READONLY: the client still wrote to the old master, now a replica",
        WriteErrorKind.Connection => Connection(s, master),
        WriteErrorKind.Timeout => "writes timed out: the master did not answer in time (paused or busy?)",
        _ => $"writes failed: {otherMessage ?? "an unexpected error"}",
    };

    /// <summary>
    /// A dropped connection means the master is gone only when it is: during a failover with every process up,
    /// Sentinel itself closes the clients' connections (CLIENT KILL) on the nodes it reconfigures.
    /// </summary>
    private static string Connection(LabSnapshot s, string? master)
    {
        master ??= s.Writes.Master;
        bool failingOver = s.CurrentFailover is not null || s.Sentinels.Any(x => x.FailoverInProgress);
        if (master is null || s.Node(master) is not { Reachable: true })
            return "writes failed (connection refused or reset): the master is gone; the client waits for the sentinels to name a new one";
        return failingOver
            ? $"writes failed (connection closed): Sentinel closes clients' connections on the nodes it reconfigures in a failover ({master} is up); the client reconnects to the master the sentinels name"
            : $"writes failed (connection closed or reset) while {master} is up: the client reconnects";
    }

    /// <summary>The count is said only when the snapshot already shows the shortfall; a read from before the refusal would contradict it.</summary>
    private static string NoReplicas(LabSnapshot s, string? master)
    {
        master ??= s.Writes.Master;
        NodeSnapshot? node = master is null ? null : s.Node(master);
        int? required = node?.MinReplicasToWrite ?? s.Writes.Required;
        if (master is null || required is null)
            return "writes refused (NOREPLICAS): the master has fewer good replicas than min-replicas-to-write";
        int good = node is { Role: NodeRole.Master, GoodReplicas: { } g } ? g : 0;
        return good < required
            ? $"writes refused (NOREPLICAS): {master} has {good} of {required} required replicas"
            : $"writes refused (NOREPLICAS): {master} no longer has the {required} good replica(s) it requires (min-replicas-to-write {required})";
    }

    public static string Lost(long lost) =>
        $"acknowledged writes lost ({lost}): the old master accepted them after the promotion, and they were discarded when it became a replica";

    /// <summary>A gap between acknowledged writes: milliseconds while it is short, seconds once it is an outage.</summary>
    public static string Gap(TimeSpan gap) =>
        gap < TimeSpan.FromSeconds(1)
            ? $"{gap.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)} ms"
            : $"{gap.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s";

    /// <summary>The run's closing line: what it cost, in one sentence.</summary>
    public static string Summary(LoadLedger l) =>
        $"write load #{l.Number} ended: {l.Acked} acknowledged, {l.Failed} failed" +
        (OutageText.Sentence(l) is { } outage ? $", {outage}" : "") +
        (l.Lost is { } lost ? $", {lost} acknowledged lost" : "") +
        (l.Indeterminate is { } ind and > 0 ? $", {ind} failed but stored anyway" : "") +
        (l.Problem is { } p ? $" ({p})" : "");
}
