namespace RedisHaTui.Core.State;

// The write load's facts as the store holds them (issue 8). The writer (Core/Load) is one more producer feeding
// the store through Update; the screen's chart, the walkthrough's "load ran", `load --json` and the handout read this.

/// <summary>Why a write was not acknowledged, as the client saw it.</summary>
public enum WriteErrorKind
{
    /// <summary>Connection refused, reset or not available.</summary>
    Connection,
    /// <summary>NOREPLICAS: the master has fewer good replicas than min-replicas-to-write.</summary>
    NoReplicas,
    /// <summary>READONLY: the write reached a replica (the old master, demoted).</summary>
    ReadOnly,
    /// <summary>No answer within the client's timeout.</summary>
    Timeout,
    /// <summary>Anything else; the ledger keeps its first message.</summary>
    Other,
}

/// <summary>How many writes failed with one kind of error.</summary>
public sealed record WriteErrorCount(WriteErrorKind Kind, long Count);

/// <summary>Acknowledged and refused writes in one wall-clock second: one bar pair of the chart.</summary>
public sealed record WriteSecond(DateTimeOffset At, int Acked, int Failed);

/// <summary>
/// One run of the write load: the running counts while it writes, and after it stops, what the final master
/// really holds. Invariants: Acked = Present + Lost once verified, and no count is negative.
/// </summary>
public sealed record LoadLedger
{
    public required int Number { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public bool Running { get; init; }
    /// <summary>The rate asked for, writes per second.</summary>
    public int Rate { get; init; }
    public long Acked { get; init; }
    public long Failed { get; init; }
    public ValueArray<WriteErrorCount> Errors { get; init; }
    /// <summary>
    /// The longest time without an acknowledged write, the one still going on included (from the last acknowledged
    /// write to now, or to the end of the run, when writes have failed since): issue 14. Null until it can be said.
    /// </summary>
    public TimeSpan? Outage { get; init; }
    /// <summary>The last acknowledged write before the outage (or the first failure, when none was ever acknowledged).</summary>
    public DateTimeOffset? OutageStart { get; init; }
    /// <summary>The first acknowledged write after it; null while it is still open.</summary>
    public DateTimeOffset? OutageEnd { get; init; }
    /// <summary>True when the longest outage had not ended when the ledger was filled: no write acknowledged since.</summary>
    public bool OutageOpen { get; init; }
    /// <summary>While the outage is open, how the latest write failed (NOREPLICAS until the old master rejoins).</summary>
    public WriteErrorKind? OutageError { get; init; }
    /// <summary>The last seconds, oldest first (bounded: the chart and the handout read them).</summary>
    public ValueArray<WriteSecond> PerSecond { get; init; }
    /// <summary>Set when the run ended and the final master was read back: acknowledged writes it holds.</summary>
    public long? Present { get; init; }
    /// <summary>Acknowledged writes the final master does not hold.</summary>
    public long? Lost { get; init; }
    /// <summary>The first lost sequence numbers (bounded).</summary>
    public ValueArray<long> LostSequences { get; init; }
    /// <summary>Writes that failed on the client but are on the server anyway.</summary>
    public long? Indeterminate { get; init; }
    /// <summary>Which node answered the read-back.</summary>
    public string? VerifiedOn { get; init; }
    /// <summary>When the last write failed, if any did.</summary>
    public DateTimeOffset? LastFailureAt { get; init; }
    /// <summary>The first acknowledged write after the latest failure: when writes were accepted again.</summary>
    public DateTimeOffset? ResumedAt { get; init; }
    /// <summary>Why the run could not start or could not be verified, in a few words; null when all went well.</summary>
    public string? Problem { get; init; }
    /// <summary>The list the run appended to.</summary>
    public string? Key { get; init; }
    /// <summary>The client of a partitionable lab it wrote as (A, B), or "pinned"; null for the plain load.</summary>
    public string? Client { get; init; }
    /// <summary>The node whose address a pinned client wrote to without asking the sentinels ("node1"); null otherwise.</summary>
    public string? PinnedTo { get; init; }

    /// <summary>Who wrote, for a heading: "client A", "pinned to node1"; null for the plain load (it asks the sentinels, as clients should).</summary>
    public string? Who => PinnedTo is { } node ? $"pinned to {node}" : Client is { } name ? $"client {name}" : null;

    /// <summary>Whether this run and <paramref name="other"/> wrote at the same time (two clients side by side).</summary>
    public bool Overlaps(LoadLedger other) =>
        StartedAt <= (other.EndedAt ?? DateTimeOffset.MaxValue) && other.StartedAt <= (EndedAt ?? DateTimeOffset.MaxValue);

    public long ErrorCount(WriteErrorKind kind) => Errors.FirstOrDefault(e => e.Kind == kind)?.Count ?? 0;
}
