namespace RedisHaTui.Core.Drift;

/// <summary>How a working config's line differs from its template under lab/.</summary>
public enum DriftChange
{
    /// <summary>Redis or Sentinel wrote it (CONFIG REWRITE, Sentinel's config save): real drift.</summary>
    Added,
    /// <summary>Redis or Sentinel took it out while rewriting the file: real drift.</summary>
    Removed,
    /// <summary>redis-ha-tui wrote it into the working copy when the lab started (from lab.json): not drift.</summary>
    WrittenByApp,
    /// <summary>A template line redis-ha-tui replaced with lab.json's value when the lab started: not drift.</summary>
    ReplacedByApp,
}

/// <summary>One differing line, with the reason it differs in one sentence.</summary>
/// <param name="Line">The directive line (show it with <see cref="ConfigLine.Display"/>: passwords redacted).</param>
/// <param name="Why">Why the line is there (or gone), in plain words.</param>
public sealed record DriftLine(DriftChange Change, ConfigLine Line, string Why)
{
    /// <summary>True for what Redis or Sentinel changed; false for what the app wrote when the lab started.</summary>
    public bool IsDrift => Change is DriftChange.Added or DriftChange.Removed;
}
