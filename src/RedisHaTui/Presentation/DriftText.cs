using RedisHaTui.Core.Drift;

namespace RedisHaTui.Presentation;

/// <summary>What a line of the drift text is, so the screen can colour it and the CLI can leave it plain.</summary>
internal enum DriftTextKind { Heading, Added, Removed, App, Why, Note }

/// <summary>One line of the drift text.</summary>
internal sealed record DriftText(string Text, DriftTextKind Kind);

/// <summary>
/// The drift of a process as lines, for `drift` and the `v` overlay alike: Redis's and Sentinel's changes first,
/// each with its reason on the next line, then the lines redis-ha-tui wrote itself, marked as not drift.
/// Pure: paths are shown through <paramref name="relative"/>, times in <paramref name="zone"/>.
/// </summary>
internal static class DriftTexts
{
    public static IReadOnlyList<DriftText> Lines(ProcessDrift d, Func<string, string> relative, TimeZoneInfo zone)
    {
        var lines = new List<DriftText>();
        string against = $"{relative(d.WorkingPath)} against {relative(d.TemplatePath)}";
        switch (d.State)
        {
            case DriftState.NeverRan:
                lines.Add(new($"{d.Process}: the lab has never run here (no run directory): nothing has drifted yet", DriftTextKind.Heading));
                return lines;
            case DriftState.NoWorkingCopy:
                lines.Add(new($"{d.Process}: no working copy yet ({relative(d.WorkingPath)}): it has not been started since the last reset", DriftTextKind.Heading));
                return lines;
            case DriftState.Unreadable:
                lines.Add(new($"{d.Process}: cannot read its config: {d.Problem}", DriftTextKind.Heading));
                return lines;
        }
        ConfigComparison c = d.Comparison!;
        string when = d.WrittenAt is { } at ? $", written {TimeZoneInfo.ConvertTime(at, zone):HH:mm:ss}" : "";
        lines.Add(new($"{d.Process}: {against}{when}", DriftTextKind.Heading));
        DriftLine[] drift = [.. c.Drift];
        if (drift.Length == 0)
            lines.Add(new("  no drift: neither Redis nor Sentinel has changed this file since the lab started", DriftTextKind.Note));
        else
            lines.Add(new($"  {drift.Length} line{(drift.Length == 1 ? "" : "s")} changed by {(d.WorkingPath.EndsWith("sentinel.conf", StringComparison.Ordinal) ? "Sentinel" : "Redis (at Sentinel's request)")}" +
                          (c.Rewritten ? $"; the file has a `{ConfigDiff.RewriteMarker}` block, appended by the rewrite" : ""), DriftTextKind.Note));
        foreach (DriftLine l in drift)
        {
            lines.Add(new($"  {(l.Change == DriftChange.Added ? "+" : "-")} {l.Line.Display}", l.Change == DriftChange.Added ? DriftTextKind.Added : DriftTextKind.Removed));
            lines.Add(new($"      {l.Why}", DriftTextKind.Why));
        }
        DriftLine[] app = [.. c.Lines.Where(l => !l.IsDrift)];
        if (app.Length > 0)
        {
            lines.Add(new($"  {DriftExplanations.AppPrefix.TrimEnd(' ', ':')} (from lab.json, not drift):", DriftTextKind.Note));
            foreach (DriftLine l in app)
            {
                string why = l.Why.StartsWith(DriftExplanations.AppPrefix, StringComparison.Ordinal) ? l.Why[DriftExplanations.AppPrefix.Length..] : l.Why;
                lines.Add(new($"  {(l.Change == DriftChange.ReplacedByApp ? "~" : "·")} {l.Line.Display}  ({why})", DriftTextKind.App));
            }
        }
        return lines;
    }
}
