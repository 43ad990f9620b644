using System.Globalization;
using System.Text;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation.Handout;

/// <summary>
/// The handout for a spreadsheet: one row per timeline entry (type "event"), then one per failover phase
/// (type "failover-phase") and one per write-load run (type "load"), in the same columns so one sheet holds
/// them (README: "Handout"). RFC 4180 quoting; times in UTC (ISO 8601), durations in seconds.
/// </summary>
public static class HandoutCsv
{
    public static readonly string[] Columns =
        ["type", "at", "source", "kind", "text", "seen_by", "since_failover_s", "failover", "seconds", "acked", "failed", "lost", "outage_s", "outage_open"];

    public static string Render(LabSnapshot s)
    {
        var csv = new StringBuilder(string.Join(',', Columns)).Append("\r\n");
        foreach (TimelineEntry e in s.Timeline)
            Row(csv, "event", Iso(e.At), e.Source.ToString().ToLowerInvariant(), e.Name, e.Text, string.Join(' ', e.SeenBy),
                e.SinceFailover is { } t ? Num(t.TotalSeconds) : "", FailoverOf(s, e.At), "", "", "", "", "", "");
        foreach (FailoverRecord f in s.Failovers)
        foreach (FailoverPhase p in f.Phases)
            Row(csv, "failover-phase", Iso(f.StartedAt + p.After), "app", PhaseText.Name(p),
                $"{f.Cause}: {f.OldMaster ?? "?"} → {f.NewMaster ?? "?"}", "", Num(p.After.TotalSeconds), f.Number.ToString(CultureInfo.InvariantCulture),
                Num(p.After.TotalSeconds), "", "", "", "", "");
        foreach (LoadLedger l in s.Loads)
            Row(csv, "load", Iso(l.StartedAt), "app", l.Who is { } who ? $"load #{l.Number} ({who})" : $"load #{l.Number}",
                $"{l.Rate} writes/s{(l.Running ? ", running" : "")}; " + WriteErrorText.Counts(l.Errors, "; ")
                + (Core.Load.OutageText.Sentence(l) is { } outage ? $"; {outage}" : ""),
                "", "", "", l.EndedAt is { } end ? Num((end - l.StartedAt).TotalSeconds) : "",
                Int(l.Acked), Int(l.Failed), l.Lost is { } lost ? Int(lost) : "", l.Outage is { } o ? Num(o.TotalSeconds) : "",
                l.Outage is null ? "" : l.OutageOpen ? "true" : "false");
        return csv.ToString();
    }

    /// <summary>The failover an entry belongs to: the latest one started at or before it.</summary>
    private static string FailoverOf(LabSnapshot s, DateTimeOffset at) =>
        s.Failovers.LastOrDefault(f => f.StartedAt <= at) is { } f ? f.Number.ToString(CultureInfo.InvariantCulture) : "";

    private static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";

    private static string Iso(DateTimeOffset t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static string Num(double d) => Math.Round(d, 3).ToString("0.###", CultureInfo.InvariantCulture);

    private static string Int(long n) => n.ToString(CultureInfo.InvariantCulture);
}
