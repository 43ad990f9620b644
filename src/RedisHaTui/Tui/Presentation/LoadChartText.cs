using System.Drawing;
using System.Globalization;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;

namespace RedisHaTui.Tui.Presentation;

/// <summary>One column of the chart: how many rows of acknowledged and of failed writes it shows, from the bottom.</summary>
internal sealed record ChartColumn(DateTimeOffset Second, int AckedRows, int FailedRows);

/// <summary>
/// The write-load panel's words and shapes, pure: the running ledger in a line, one bar per second (acknowledged
/// at the bottom, refused stacked above, so the outage is a gap you see), and the failover's phases marked
/// under the seconds they happened in.
/// </summary>
internal static class LoadChartText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The marks under the bars, with what each means (the panel's legend).</summary>
    public static readonly IReadOnlyList<(char Mark, string Meaning)> Legend =
    [
        ('F', "failover"), ('M', "new master"), ('A', "all agree"), ('C', "old master converted"), ('W', "writes back"),
    ];

    /// <summary>"load #1 100/s running · acked 210 · failed 1239 · no write acknowledged for 12.4 s, still refused (NOREPLICAS)".</summary>
    public static Fact Ledger(LoadLedger l)
    {
        string state = l.Running ? "running" : "ended";
        string text = $"load #{l.Number} {l.Rate}/s {state} · acked {l.Acked} · failed {l.Failed}" +
                      (OutageText.Sentence(l) is { } outage ? $" · {outage}" : "") +
                      (l.Lost is { } lost ? $" · lost {lost}" : "") +
                      (l.Indeterminate is > 0 ? $" · indeterminate {l.Indeterminate}" : "") +
                      (l.Problem is { } p ? $" · {p}" : "");
        Tone tone = l.Problem is not null || l.Lost is > 0 ? Tone.Bad : l.Running && l.PerSecond.LastOrDefault() is { Failed: > 0 } ? Tone.Warn : Tone.Strong;
        return new Fact(text, tone);
    }

    /// <summary>"NOREPLICAS 997 · connection 107 · timeout 1", or null when nothing failed.</summary>
    public static string? Errors(LoadLedger l) =>
        l.Errors.IsEmpty ? null : string.Join(" · ", l.Errors.Select(e => $"{Name(e.Kind)} {e.Count}"));

    public static string Name(WriteErrorKind kind) => kind switch
    {
        WriteErrorKind.NoReplicas => "NOREPLICAS",
        WriteErrorKind.ReadOnly => "READONLY",
        WriteErrorKind.Connection => "connection",
        WriteErrorKind.Timeout => "timeout",
        _ => "other",
    };

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
