using System.Globalization;
using System.Text.RegularExpressions;

namespace RedisHaTui.Core.Events;

/// <summary>
/// An event as a sentinel wrote it in its own log, with the time Sentinel stamped it. Sentinel logs and publishes
/// the same text (sentinelEvent in sentinel.c), so the log says when an event happened and pub/sub when it arrived.
/// </summary>
public sealed partial record SentinelLogLine(DateTimeOffset At, string Name, string Payload)
{
    // "12345:X 07 Dec 2026 19:05:56.123 # +switch-master myMaster 127.0.0.1 7001 127.0.0.1 7002"
    [GeneratedRegex(@"^\d+:X (?<at>\d{1,2} [A-Za-z]{3} \d{4} \d\d:\d\d:\d\d\.\d{3}) [.\-*#] (?<name>[+\-][a-z\-]+)(?: (?<payload>.*))?$")]
    private static partial Regex EventLine();

    /// <summary>The event on a sentinel's log line, or null for any other line. Redis stamps its log in local time.</summary>
    public static SentinelLogLine? Parse(string line, TimeZoneInfo? zone = null)
    {
        if (EventLine().Match(line) is not { Success: true } m
            || !DateTime.TryParseExact(m.Groups["at"].Value, "d MMM yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime local))
            return null;
        zone ??= TimeZoneInfo.Local;
        return new SentinelLogLine(new DateTimeOffset(local, zone.GetUtcOffset(local)), m.Groups["name"].Value, m.Groups["payload"].Value);
    }

    public SentinelEvent Event => SentinelEvent.Parse(Name, Payload);
}
