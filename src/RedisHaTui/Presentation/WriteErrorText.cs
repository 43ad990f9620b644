using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// The one table of names for why a write failed: the screen's chart, `load`'s ledger, the handout (Markdown and
/// CSV) and the `?` help all say the same word for the same kind. Redis's own error codes stay in capitals,
/// as Redis prints them; the kinds that are no reply of Redis are plain words.
/// </summary>
public static class WriteErrorText
{
    private static readonly IReadOnlyList<(WriteErrorKind Kind, string Name, string Meaning)> Table =
    [
        (WriteErrorKind.NoReplicas, "NOREPLICAS", "the master has fewer good replicas than min-replicas-to-write"),
        (WriteErrorKind.ReadOnly, "READONLY", "the write reached a replica (the old master, demoted)"),
        (WriteErrorKind.Connection, "connection", "refused or reset: nothing listening, or the connection was closed"),
        (WriteErrorKind.Timeout, "timeout", "no answer within the client's timeout"),
        (WriteErrorKind.Other, "other", "any other error"),
    ];

    /// <summary>Every kind, in the order the help lists them.</summary>
    public static IEnumerable<WriteErrorKind> Kinds => Table.Select(t => t.Kind);

    public static string Name(WriteErrorKind kind) => Table.First(t => t.Kind == kind).Name;

    public static string Meaning(WriteErrorKind kind) => Table.First(t => t.Kind == kind).Meaning;

    /// <summary>"NOREPLICAS 1107, connection 2": the non-zero counts by name.</summary>
    public static string Counts(IEnumerable<WriteErrorCount> errors, string separator = ", ") =>
        string.Join(separator, errors.Where(e => e.Count > 0).Select(e => $"{Name(e.Kind)} {e.Count}"));
}
