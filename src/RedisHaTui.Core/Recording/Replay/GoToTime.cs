using System.Globalization;
using System.Text.RegularExpressions;

namespace RedisHaTui.Core.Recording.Replay;

/// <summary>
/// "Go to time" as a person types it, for the replay's `:` prompt and `replay --at`: a clock time as the timeline
/// shows it (12:03:04, 12:03, 12:03:04.250), an offset from the start of the recording (5m30s, 90s, 1h) or a step
/// from where the replay is (+30s, -2m), or start / end. Pure: the recording's span and the zone are given.
/// </summary>
public static partial class GoToTime
{
    /// <summary>What the prompt and --help say the forms are.</summary>
    public const string Forms = "a clock time (12:03:04), an offset from the start (5m30s), a step (+30s, -2m), start or end";

    /// <summary>The moment <paramref name="text"/> names, or why it names none.</summary>
    /// <param name="position">Where the replay is now: what a step (+30s) starts from.</param>
    public static (DateTimeOffset? At, string? Error) Parse(string text, DateTimeOffset start, DateTimeOffset end, DateTimeOffset position, TimeZoneInfo zone)
    {
        string t = text.Trim().ToLowerInvariant();
        if (t.Length == 0) return (null, $"say where to go: {Forms}");
        if (t == "start") return (start, null);
        if (t == "end") return (end, null);
        if (ClockForm().Match(t) is { Success: true } clock) return AtClock(clock, text, start, end, zone);
        if (DurationForm().Match(t) is { Success: true } d && Duration(d) is { } span)
        {
            DateTimeOffset at = d.Groups["sign"].Value switch { "+" => position + span, "-" => position - span, _ => start + span };
            if (at < start || at > end) return (null, $"{text.Trim()} is outside the recording ({Span(start, end, zone)})");
            return (at, null);
        }
        return (null, $"'{text.Trim()}' is not a time: {Forms}");
    }

    private static (DateTimeOffset?, string?) AtClock(Match m, string text, DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone)
    {
        int hours = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        int minutes = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        int seconds = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        double fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        if (hours > 23 || minutes > 59 || seconds > 59) return (null, $"{text.Trim()} is not a time of day");
        var timeOfDay = new TimeSpan(0, hours, minutes, seconds).Add(TimeSpan.FromSeconds(fraction));
        // The first such clock time at or after the start, in the zone the timeline shows: a recording past midnight has two days.
        DateTimeOffset localStart = TimeZoneInfo.ConvertTime(start, zone);
        DateTimeOffset candidate = new DateTimeOffset(localStart.Date + timeOfDay, localStart.Offset);
        // A clock time within the second the recording started in is that second, not tomorrow's.
        if (candidate < localStart.AddSeconds(-1)) candidate = candidate.AddDays(1);
        DateTimeOffset at = candidate < start ? start : candidate;
        if (at > end) return (null, $"{text.Trim()} is outside the recording ({Span(start, end, zone)})");
        return (at, null);
    }

    private static TimeSpan? Duration(Match m)
    {
        if (!m.Groups["n"].Success) return null;
        TimeSpan total = TimeSpan.Zero;
        for (int i = 0; i < m.Groups["n"].Captures.Count; i++)
        {
            double n = double.Parse(m.Groups["n"].Captures[i].Value, CultureInfo.InvariantCulture);
            string unit = m.Groups["u"].Captures[i].Value;
            total += unit switch { "h" => TimeSpan.FromHours(n), "m" => TimeSpan.FromMinutes(n), _ => TimeSpan.FromSeconds(n) };
        }
        return total;
    }

    /// <summary>"10:00:00–10:58:10", the recording's span as the timeline writes times.</summary>
    public static string Span(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTime(start, zone):HH:mm:ss}–{TimeZoneInfo.ConvertTime(end, zone):HH:mm:ss}";

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})(:(?<s>\d{2})(\.(?<f>\d{1,3}))?)?$")]
    private static partial Regex ClockForm();

    // 90, 90s, 5m30s, 1h2m, +30s, -2m (a bare number is seconds).
    [GeneratedRegex(@"^(?<sign>[+-]?)\s*((?<n>\d+(\.\d+)?)(?<u>h|m|s|))+$")]
    private static partial Regex DurationForm();
}
