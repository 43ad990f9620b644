using RedisHaTui.Core.Monitoring.Parsing;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// How a deployment's sentinels watch the master, as SENTINEL MASTER reports it: the figures a deployment really
/// has, where a lab has its lab file's. The sentinel asked speaks for all: SENTINEL SET on a single sentinel changes
/// only that one, and the others are not asked.
/// </summary>
public sealed record MonitorFigures
{
    public required int Quorum { get; init; }
    public required int DownAfterMilliseconds { get; init; }
    public required int FailoverTimeoutMilliseconds { get; init; }
    public required int ParallelSyncs { get; init; }

    /// <summary>The figures of a SENTINEL MASTER reply, or null with the first one it lacks (Sentinel always sends all four).</summary>
    public static MonitorFigures? From(SentinelMasterInfo m, out string? missing)
    {
        missing = m.Quorum is null ? "quorum"
            : m.DownAfterMilliseconds is not (>= 0 and <= int.MaxValue) ? "down-after-milliseconds"
            : m.FailoverTimeoutMilliseconds is not (>= 0 and <= int.MaxValue) ? "failover-timeout"
            : m.ParallelSyncs is null ? "parallel-syncs"
            : null;
        return missing is not null ? null : new MonitorFigures
        {
            Quorum = m.Quorum!.Value,
            DownAfterMilliseconds = (int)m.DownAfterMilliseconds!.Value,
            FailoverTimeoutMilliseconds = (int)m.FailoverTimeoutMilliseconds!.Value,
            ParallelSyncs = m.ParallelSyncs!.Value,
        };
    }

    /// <summary>"quorum 2 → 3, parallel-syncs 1 → 2": what changed since <paramref name="before"/>, empty when nothing did.</summary>
    public string ChangesSince(MonitorFigures before) => string.Join(", ", new[]
    {
        ("quorum", before.Quorum, Quorum),
        ("down-after-milliseconds", before.DownAfterMilliseconds, DownAfterMilliseconds),
        ("failover-timeout", before.FailoverTimeoutMilliseconds, FailoverTimeoutMilliseconds),
        ("parallel-syncs", before.ParallelSyncs, ParallelSyncs),
    }.Where(f => f.Item2 != f.Item3).Select(f => $"{f.Item1} {f.Item2} → {f.Item3}"));
}
