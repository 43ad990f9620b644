using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>One event in a sentinel's own log file.</summary>
public sealed record LoggedEvent(string Sentinel, DateTimeOffset At, string Name, string Payload);

/// <summary>The events in the sentinels' log files: Redis's record of when each event happened, to hold the app against.</summary>
public static class SentinelLogs
{
    public static IReadOnlyList<LoggedEvent> Read(LabDefinition lab)
    {
        var run = new RunDirectory(lab);
        var events = new List<LoggedEvent>();
        foreach (SentinelDefinition s in lab.Sentinels)
        {
            string path = run.LogPath(s);
            if (!File.Exists(path)) continue;
            using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
                if (SentinelLogLine.Parse(line) is { } e) events.Add(new LoggedEvent(s.Name, e.At, e.Name, e.Payload));
        }
        return events;
    }
}
