using System.Drawing;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>One column of the chart: how many rows of acknowledged and of failed writes it shows, from the bottom.</summary>
internal sealed record ChartColumn(DateTimeOffset Second, int AckedRows, int FailedRows);

/// <summary>The write-load panel's rows, top to bottom: ledger lines, the errors line, bars, the marks, the legend.</summary>
internal sealed record ChartRows(int Ledger, int Errors, int Bars, int Marks, int Legend);

/// <summary>
/// The write-load panel's words and shapes, pure: the running ledger in a line, one bar per second (acknowledged
/// at the bottom, refused stacked above, so the outage is a gap you see), and the failover's phases marked
/// under the seconds they happened in.
/// </summary>
internal static class LoadChartText
{
    /// <summary>Every mark the chart can show under its bars, with what it means: the legend names them all, shown or not.</summary>
    public static readonly IReadOnlyList<(char Mark, string Meaning)> Legend =
    [
        ('F', "failover"), ('M', "new master"), ('A', "all agree"), ('W', "writes back"), ('C', "old master converted"),
    ];

    /// <summary>The legend on as few lines of <paramref name="width"/> as it takes, each entry whole ("F failover  M new master").</summary>
    public static IReadOnlyList<string> LegendLines(int width) =>
        Headline.Fit([new HeadlineForm(null, [.. Legend.Select(l => $"{l.Mark} {l.Meaning}")], Separator: "  ")], width, Legend.Count);

    /// <summary>
    /// The runs the panel draws, top to bottom: the latest, and before it the one that wrote at the same time, if any
    /// (lesson 4's sentinel-aware client above its pinned one), so two clients read side by side. Never more than two.
    /// </summary>
    public static IReadOnlyList<LoadLedger> Shown(IReadOnlyList<LoadLedger> loads)
    {
        if (loads.Count == 0) return [];
        LoadLedger last = loads[^1];
        return loads.Count > 1 && loads[^2].Overlaps(last) ? [loads[^2], last] : [last];
    }

    /// <summary>"NOREPLICAS 997 · connection 107 · timeout 1", or null when nothing failed.</summary>
    public static string? Errors(LoadLedger l) => l.Errors.IsEmpty ? null : WriteErrorText.Counts(l.Errors, " · ");

    /// <summary>
    /// How the panel's rows are shared, top to bottom: the ledger, the errors by kind, the bars, the marks, the legend.
    /// The ledger (as many lines as keep its figures whole) and the marks always; then the legend (on its own rows) as long as two rows of bars
    /// remain; then a second ledger line and the errors while three remain. Bars take the rest.
    /// </summary>
    /// <param name="ledgerRowsNeeded">The rows the ledger's most compact form needs to be whole: given before anything else.</param>
    /// <param name="ledgerRowsWanted">The rows its fullest form would like (a second line of words).</param>
    public static ChartRows Plan(int rows, int ledgerRowsNeeded, int ledgerRowsWanted, int legendRows, bool errors)
    {
        if (rows <= 0) return new ChartRows(0, 0, 0, 0, 0);
        int ledger = Math.Clamp(ledgerRowsNeeded, 1, Math.Max(1, rows - 2)), marks = rows >= 3 ? 1 : 0;
        int left = Math.Max(0, rows - ledger - marks);
        int legend = legendRows > 0 && left - legendRows >= 2 ? legendRows : 0;
        left -= legend;
        if (ledgerRowsWanted > ledger && left - 1 >= 3) { ledger++; left--; }
        int errorRows = errors && left - 1 >= 3 ? 1 : 0;
        left -= errorRows;
        return new ChartRows(ledger, errorRows, Math.Max(0, left), marks, legend);
    }

    /// <summary>The newest <paramref name="width"/> seconds, scaled so the busiest second fills <paramref name="height"/> rows.</summary>
    public static IReadOnlyList<ChartColumn> Columns(IReadOnlyList<WriteSecond> seconds, int width, int height)
    {
        if (width <= 0 || height <= 0) return [];
        WriteSecond[] shown = [.. seconds.Skip(Math.Max(0, seconds.Count - width))];
        int max = Math.Max(1, shown.Select(s => s.Acked + s.Failed).DefaultIfEmpty(0).Max());
        return [.. shown.Select(s =>
        {
            int total = Rows(s.Acked + s.Failed, max, height);
            int failed = Math.Min(total, Rows(s.Failed, max, height));
            return new ChartColumn(s.At, total - failed, failed);
        })];
    }

    /// <summary>A letter under each column in which a phase of a failover happened (the later phase wins a shared second).</summary>
    public static string Marks(IReadOnlyList<ChartColumn> columns, IEnumerable<FailoverRecord> failovers)
    {
        var marks = new char[columns.Count];
        Array.Fill(marks, ' ');
        if (columns.Count == 0) return "";
        var index = columns.Select((c, i) => (c.Second, i)).ToDictionary(x => x.Second, x => x.i);
        foreach (FailoverRecord f in failovers)
        {
            Put(f.StartedAt, 'F');
            foreach (FailoverPhase p in f.Phases)
            {
                char? mark = p.Kind switch
                {
                    FailoverPhaseKind.SwitchMaster => 'M',
                    FailoverPhaseKind.AllAgree => 'A',
                    FailoverPhaseKind.Converted => 'C',
                    FailoverPhaseKind.WritesAccepted => 'W',
                    _ => null,
                };
                if (mark is { } m) Put(f.StartedAt + p.After, m);
            }
        }
        return new string(marks);

        void Put(DateTimeOffset at, char mark)
        {
            var second = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
            if (index.TryGetValue(second, out int i)) marks[i] = mark;
        }
    }

    /// <summary>
    /// Where the panel goes in the timeline's area: the right part, wide enough for a minute of bars, the timeline
    /// keeping the rest. (Timeline, Chart) rectangles.
    /// </summary>
    public static (Rectangle Timeline, Rectangle Chart) Split(Rectangle area)
    {
        int chart = Math.Clamp(area.Width * 45 / 100, Math.Min(area.Width / 2, 32), 90);
        return (new Rectangle(area.X, area.Y, area.Width - chart, area.Height), new Rectangle(area.Right - chart, area.Y, chart, area.Height));
    }

    // Any count above zero shows at least one row: a single refused write in a second must not vanish.
    private static int Rows(int count, int max, int height) => count <= 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * height / max));
}
