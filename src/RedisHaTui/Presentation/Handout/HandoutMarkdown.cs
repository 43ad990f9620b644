using System.Globalization;
using System.Text;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation.Handout;

/// <summary>
/// The handout a student keeps: what happened in the session (the timeline), what each failover took (its
/// stopwatch) and what it cost the application (the write-load ledgers, with a writes-per-second text chart).
/// A pure function of the snapshot; times in <c>zone</c>.
/// </summary>
public static class HandoutMarkdown
{
    /// <summary>The widest bar of the chart, in characters.</summary>
    public const int ChartWidth = 50;

    public static string Render(LabSnapshot s, TimeZoneInfo zone, DateTimeOffset now)
    {
        var md = new StringBuilder();
        string Time(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, zone).ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);
        md.Append($"# Redis HA lab: session handout ({s.MasterName})\n\n");
        md.Append($"Written {TimeZoneInfo.ConvertTime(now, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} ({zone.Id}) by redis-ha-tui: ");
        md.Append($"{CountText.Of(s.Failovers.Length, "failover")}, {CountText.Of(s.Loads.Length, "write-load run")}, {CountText.Of(s.Timeline.Length, "timeline entry", "timeline entries")}.\n");
        Failovers(md, s, Time);
        Loads(md, s, Time);
        Timeline(md, s, Time);
        return md.ToString();
    }

    private static void Failovers(StringBuilder md, LabSnapshot s, Func<DateTimeOffset, string> time)
    {
        md.Append("\n## Failovers\n\n");
        if (s.Failovers.IsEmpty)
        {
            md.Append("No failover this session.\n");
            return;
        }
        foreach (FailoverRecord f in s.Failovers)
        {
            string who = f.NewMaster is null ? (f.OldMaster ?? "?") : $"{f.OldMaster ?? "?"} → {f.NewMaster}";
            md.Append($"### Failover {f.Number}: {Cell(who)}\n\n");
            md.Append($"Started {time(f.StartedAt)} by {Cell(f.Cause)}; {(f.Complete ? "complete" : "still under way when this was written")}.\n\n");
            md.Append("| phase | after the start |\n|---|---:|\n");
            foreach (FailoverPhase p in f.Phases) md.Append($"| {Cell(PhaseText.Name(p))} | {Seconds(p.After)} |\n");
            if (f.Phases.IsEmpty) md.Append("| (no phase reached yet) | |\n");
            md.Append('\n');
        }
    }

    private static void Loads(StringBuilder md, LabSnapshot s, Func<DateTimeOffset, string> time)
    {
        md.Append("\n## What the application lived through (write load)\n\n");
        if (s.Loads.IsEmpty)
        {
            md.Append("No write load ran this session (`w` in the app, or `redis-ha-tui load`).\n");
            return;
        }
        foreach (LoadLedger l in s.Loads)
        {
            string end = l.EndedAt is { } e ? time(e) : "still running";
            md.Append($"### Write load {l.Number}{(l.Who is { } who ? $" ({who})" : "")}: {l.Rate} writes/s, {time(l.StartedAt)} to {end}\n\n");
            md.Append("| | |\n|---|---:|\n");
            md.Append($"| writes acknowledged | {l.Acked} |\n| writes failed | {l.Failed} |\n");
            foreach (WriteErrorCount c in l.Errors.Where(c => c.Count > 0)) md.Append($"| … failed with {WriteErrorText.Name(c.Kind)} ({WriteErrorText.Meaning(c.Kind)}) | {c.Count} |\n");
            if (Core.Load.OutageText.Sentence(l) is { } outage)
                md.Append($"| longest outage | {Cell(outage)} ({(l.OutageStart is { } a ? time(a) : "?")} to {(l.OutageEnd is { } b ? time(b) : l.Running ? "now" : "the end")}) |\n");
            if (l.Present is { } present) md.Append($"| acknowledged writes on the final master | {present} |\n");
            if (l.Lost is { } lost) md.Append($"| acknowledged writes lost | {lost}{(l.LostSequences.IsEmpty ? "" : $" (e.g. {string.Join(", ", l.LostSequences.Take(10))})")} |\n");
            if (l.Indeterminate is { } ind) md.Append($"| failed on the client, on the server anyway | {ind} |\n");
            if (l.VerifiedOn is { } node) md.Append($"| read back from | {node} |\n");
            if (l.Present is null) md.Append($"| read back | {(l.Running ? "when the load ends" : "not done")} |\n");
            md.Append('\n');
            Chart(md, s, l, time);
        }
    }

    /// <summary>Bars per second: # acknowledged, x refused; a failover's phases marked on the second they fell in.</summary>
    private static void Chart(StringBuilder md, LabSnapshot s, LoadLedger l, Func<DateTimeOffset, string> time)
    {
        if (l.PerSecond.IsEmpty) return;
        int most = Math.Max(1, l.PerSecond.Max(p => p.Acked + p.Failed));
        md.Append($"Writes per second (`#` acknowledged, `x` failed; the widest bar is {most}):\n\n```\n");
        foreach (WriteSecond p in l.PerSecond)
        {
            int acked = Bar(p.Acked, most), failed = Bar(p.Failed, most);
            string bar = new string('#', acked) + new string('x', failed);
            string marks = string.Join(", ", s.Failovers.SelectMany(f => f.Phases
                .Where(ph => f.StartedAt + ph.After >= p.At && f.StartedAt + ph.After < p.At.AddSeconds(1))
                .Select(ph => PhaseText.Short(ph))));
            md.Append($"{time(p.At)[..8]} |{bar.PadRight(ChartWidth)}| {p.Acked,5} ok {p.Failed,5} failed{(marks.Length > 0 ? "  ◀ " + marks : "")}\n");
        }
        md.Append("```\n\n");
    }

    private static void Timeline(StringBuilder md, LabSnapshot s, Func<DateTimeOffset, string> time)
    {
        md.Append("\n## Timeline\n\n");
        if (s.Timeline.IsEmpty)
        {
            md.Append("Nothing happened yet.\n");
            return;
        }
        md.Append("| time | since failover | from | event | what | seen by |\n|---|---:|---|---|---|---|\n");
        foreach (TimelineEntry e in s.Timeline)
            md.Append($"| {time(e.At)} | {(e.SinceFailover is { } t ? "+" + Seconds(t) : "")} | {e.Source.ToString().ToLowerInvariant()} | {Cell(e.Name)} | {Cell(Core.State.Timeline.LateText(e) is { } late ? $"{e.Text} ({late})" : e.Text)} | {Cell(string.Join(", ", e.SeenBy))} |\n");
    }

    /// <summary>A bar's length: a non-zero count never rounds down to nothing.</summary>
    private static int Bar(int count, int most) => count == 0 ? 0 : Math.Max(1, (int)Math.Round((double)count * ChartWidth / most));

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";

    /// <summary>Text in a table cell: a pipe or a line break would end the cell.</summary>
    private static string Cell(string text) => text.Replace("|", "\\|").ReplaceLineEndings(" ");
}
