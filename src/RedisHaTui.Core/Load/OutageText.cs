using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Load;

/// <summary>
/// The outage in words, one function for every place that says it (the chart, the handout, `load`, the timeline),
/// so the figure a student reads is the same everywhere: "no write acknowledged for 12.4 s, still refused (NOREPLICAS)".
/// </summary>
public static class OutageText
{
    /// <summary>The full sentence; null while there is nothing to say (no write answered yet).</summary>
    public static string? Sentence(LoadLedger l)
    {
        if (l.Outage is not { } o) return null;
        string figure = $"no write acknowledged for {LoadExplanations.Gap(o)}";
        return l.OutageOpen ? $"{figure}, {StillFailing(l.OutageError, l.Running)}" : figure;
    }

    /// <summary>A compact form for narrow places: "outage 12.4 s, open" or "outage 22 ms".</summary>
    public static string? Compact(LoadLedger l) =>
        l.Outage is { } o ? $"outage {LoadExplanations.Gap(o)}{(l.OutageOpen ? ", open" : "")}" : null;

    /// <summary>How the writes are failing while no write is acknowledged: still, or until the run stopped.</summary>
    private static string StillFailing(WriteErrorKind? kind, bool running)
    {
        string how = kind switch
        {
            WriteErrorKind.NoReplicas => "refused (NOREPLICAS)",
            WriteErrorKind.ReadOnly => "refused (READONLY)",
            WriteErrorKind.Connection => "failing (connection refused or reset)",
            WriteErrorKind.Timeout => "timing out",
            _ => "failing",
        };
        return running ? $"still {how}" : $"{how} until the load stopped";
    }
}
