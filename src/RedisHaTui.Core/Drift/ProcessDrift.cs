namespace RedisHaTui.Core.Drift;

/// <summary>Whether a process's drift could be computed, and if not, why.</summary>
public enum DriftState
{
    /// <summary>Compared: <see cref="ProcessDrift.Comparison"/> is set.</summary>
    Compared,
    /// <summary>The lab never ran here: there is no run directory.</summary>
    NeverRan,
    /// <summary>The run directory exists but holds no working copy for this process (never started since a reset, or new in lab.json).</summary>
    NoWorkingCopy,
    /// <summary>A file could not be read: <see cref="ProcessDrift.Problem"/> says which and why.</summary>
    Unreadable,
}

/// <summary>The drift of one process of the lab: its working config against its template under lab/.</summary>
/// <param name="TemplatePath">The pristine config under lab/.</param>
/// <param name="WorkingPath">The working copy in the run directory.</param>
/// <param name="WrittenAt">When the working copy was last written (by the app at start, or by a rewrite).</param>
public sealed record ProcessDrift(
    string Process,
    DriftState State,
    string TemplatePath,
    string WorkingPath,
    ConfigComparison? Comparison = null,
    DateTimeOffset? WrittenAt = null,
    string? Problem = null)
{
    /// <summary>How many lines Redis or Sentinel changed (0 when not compared).</summary>
    public int DriftCount => Comparison?.Drift.Count() ?? 0;
}
