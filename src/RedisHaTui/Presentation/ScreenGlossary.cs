
namespace RedisHaTui.Presentation;

/// <summary>
/// What the screen's short forms mean, for the `?` help: where a pane is narrow the headlines abbreviate
/// (`z` zooms a pane for the full words), and the chart marks its bars with letters.
/// </summary>
internal static class ScreenGlossary
{
    public static IReadOnlyList<HelpLine> Lines =>
    [
        .. LedgerHeadline.Abbreviations.Select(a => new HelpLine(a.Short, a.Meaning)),
        .. LoadChartText.Legend.Select(l => new HelpLine($"{l.Mark} (chart)", $"under the bars: {l.Meaning}")),
        .. WriteErrorText.Kinds.Select(k => new HelpLine(WriteErrorText.Name(k), WriteErrorText.Meaning(k))),
        new("#1 … 5.83 s", "failover #1's stopwatch: seconds since its cause; … = earlier phases"),
        new("switch", "+switch-master: the sentinels announce the new master"),
        new("converted", "+convert-to-slave: the old master is made a replica of the new one"),
        new("node1≠node2", "NOT HEALTHY: the sentinels name node1 as master, the nodes' roles node2"),
    ];
}
