namespace RedisHaTui.Cli;

// The document `load --json` prints once, at the end (README: "load"). Field names come from the property names
// through CliJson's camelCase policy; the order of the parameters is the order printed. outageMs counts an outage
// still open when the run stopped (outageOpen true, outageEnd null, outageError how the last write failed).

public sealed record LoadDocument(
    int Rate,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    long Acked,
    long Failed,
    long? Present,
    long? Lost,
    IReadOnlyList<long> LostSequences,
    long? Indeterminate,
    double? OutageMs,
    DateTimeOffset? OutageStart,
    DateTimeOffset? OutageEnd,
    bool OutageOpen,
    string? OutageError,
    LoadErrors Errors,
    string? VerifiedOn,
    string? Key,
    string? Problem,
    string? Client = null,
    string? PinnedTo = null);

/// <summary>Failed writes by kind, every kind always present (0 when none).</summary>
public sealed record LoadErrors(long Connection, long NoReplicas, long ReadOnly, long Timeout, long Other);
