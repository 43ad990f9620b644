using System.Globalization;
using System.Text.RegularExpressions;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>One event as a sentinel wrote it in its own log: the time Sentinel stamped, the event's name and payload.</summary>
public sealed record SentinelLogLine(string Sentinel, DateTimeOffset At, string Name, string Payload);

/// <summary>
/// The events in the sentinels' own log files: Redis's record of when each event happened, to hold the app's
/// timeline against. Sentinel logs and publishes the same text (sentinelEvent in sentinel.c), so the payload matches.
/// </summary>
public static partial class SentinelLogs
{
    // "12345:X 07 Dec 2026 19:05:56.123 # +switch-master myMaster 127.0.0.1 7001 127.0.0.1 7002"
    [GeneratedRegex(@"^\d+:X (?<at>\d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2}\.\d{3}) [.\-*#] (?<name>[+\-][a-z\-]+)(?: (?<payload>.*))?$")]
    private static partial Regex EventLine();

    public static IReadOnlyList<SentinelLogLine> Read(LabDefinition lab)
    {
        var run = new RunDirectory(lab);
        var lines = new List<SentinelLogLine>();
        foreach (SentinelDefinition s in lab.Sentinels)
        {
            string path = run.LogPath(s);
            if (!File.Exists(path)) continue;
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                if (EventLine().Match(line) is not { Success: true } m) continue;
                // Redis stamps its log in local time, to the millisecond.
                var local = DateTime.ParseExact(m.Groups["at"].Value, "dd MMM yyyy HH:mm:ss.fff", CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal);
                lines.Add(new SentinelLogLine(s.Name, new DateTimeOffset(local), m.Groups["name"].Value, m.Groups["payload"].Value));
            }
        }
        return lines;
    }
}
