namespace RedisHaTui.Presentation.Cast;

/// <summary>Which recorded moments a cast draws: a log flood records thousands a second, a player shows ten.</summary>
public static class CastMoments
{
    /// <summary>The default gap: ten frames a second, as smooth as a terminal recording needs.</summary>
    public static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The moments at least <paramref name="gap"/> after the last one kept, the first and the last always kept; a
    /// moment left out is drawn anyway by the next one kept (it shows everything up to it).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Thin(IReadOnlyList<DateTimeOffset> moments, TimeSpan gap)
    {
        var kept = new List<DateTimeOffset>();
        foreach (DateTimeOffset m in moments)
            if (kept.Count == 0 || m - kept[^1] >= gap) kept.Add(m);
        if (moments.Count > 0 && kept[^1] != moments[^1]) kept.Add(moments[^1]);
        return kept;
    }
}
