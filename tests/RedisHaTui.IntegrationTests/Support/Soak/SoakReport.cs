namespace RedisHaTui.Core.Tests.Support;

/// <summary>The three ways the soak takes the master away, in round-robin order.</summary>
public enum SoakFailoverKind
{
    /// <summary>SENTINEL FAILOVER: the old master stays up and is converted into a replica.</summary>
    SentinelFailover,
    /// <summary>kill -9 of the master, then a start of the old master once the new one is agreed.</summary>
    KillMaster,
    /// <summary>SIGSTOP of the master until the sentinels fail over, then SIGCONT.</summary>
    PauseMaster,
}

/// <summary>One failover of the soak: how long it took, and what the process held afterwards.</summary>
/// <param name="AgreedSeconds">From the action to every sentinel naming the new master and the new master's role:master.</param>
/// <param name="HealthySeconds">From the action to a healthy lab again, the old master linked as a replica.</param>
public sealed record SoakFailover(
    int Number, SoakFailoverKind Kind, string OldMaster, string NewMaster, double AgreedSeconds, double HealthySeconds,
    ProcessFigures Process, LeakCounters Counters, int TimelineLength);

/// <summary>Everything a soak measured; <see cref="Failures"/> is empty when it kept working and nothing leaked.</summary>
public sealed class SoakReport
{
    public List<SoakFailover> Failovers { get; } = [];
    public List<string> Failures { get; } = [];
    public List<string> ActionExceptions { get; } = [];
    public List<string> UnobservedExceptions { get; } = [];
    public List<double> SentinelBounceSeconds { get; } = [];
    public List<double> RestartSeconds { get; } = [];
    public LeakCounters? AtStart { get; set; }
    public LeakCounters? BeforeChurn { get; set; }
    public LeakCounters? AfterChurn { get; set; }
    public ProcessFigures? ProcessAtStart { get; set; }
    public ProcessFigures? ProcessBeforeChurn { get; set; }
    public ProcessFigures? ProcessAfterChurn { get; set; }
    public int TimelineLines { get; set; }
    public int TimelineMax { get; set; }
    public int FailoverRecords { get; set; }
    public long WriterAcks { get; set; }
    public IReadOnlyDictionary<string, int> WriterErrors { get; set; } = new Dictionary<string, int>();
    public TimeSpan Duration { get; set; }

    public bool Ok => Failures.Count == 0;

    /// <summary>
    /// The resident set after each failover from the sixth on may not exceed the one after the fifth by more than
    /// <paramref name="growth"/> (the first five warm up: JIT, pools, the timeline filling to its bound).
    /// With fewer than six failovers: the last against the first.
    /// </summary>
    public string? RssGrowth(double growth = 0.10)
    {
        if (Failovers.Count < 2) return null;
        int baseIndex = Failovers.Count >= 6 ? 4 : 0;
        long baseline = Failovers[baseIndex].Process.RssBytes;
        SoakFailover worst = Failovers.Skip(baseIndex + 1).MaxBy(f => f.Process.RssBytes)!;
        double grew = (double)worst.Process.RssBytes / baseline - 1;
        return grew <= growth ? null
            : $"RSS grew {grew:P0} after failover #{baseIndex + 1} ({ProcessFigures.Mb(baseline)} → {ProcessFigures.Mb(worst.Process.RssBytes)} at #{worst.Number})";
    }
}
