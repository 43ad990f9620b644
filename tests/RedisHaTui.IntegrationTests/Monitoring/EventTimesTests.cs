using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>The timeline's times against Redis's own: each sentinel's log says when it published an event.</summary>
[Collection(LabCollection.Name)]
public class EventTimesTests
{
    /// <summary>Issue 19: the figure a presenter compares with `tail -f sentinel1.log`.</summary>
    private static readonly TimeSpan Agree = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Each_sentinel_event_on_the_timeline_is_stamped_within_50_ms_of_the_sentinels_own_log_line()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        // A client writing through the failover, as in a workshop: the app is busy while the events come.
        await using WriteLoad load = WriteLoad.Start(lab.Lab, lab.Session.Store, new LoadOptions(200));
        await lab.WaitForAsync(s => s.LastLoad is { Acked: > 100 }, TimeSpan.FromSeconds(30), "the load writes");

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Failover, null)).Ok);
        LabSnapshot s = await lab.WaitForAsync(x => x.Timeline.Any(t => t.Kind == "+switch-master" && t.SeenBy.Length == lab.Lab.Sentinels.Count()),
            TimeSpan.FromSeconds(30), "every sentinel published +switch-master");

        IReadOnlyList<SentinelLogLine> logged = SentinelLogs.Read(lab.Lab);
        var compared = new List<string>();
        foreach (TimelineEntry entry in s.Timeline.Where(t => t.Source == TimelineSource.Sentinel))
        {
            // The entry's time is its first sentinel's: the same event in that sentinel's log, said the same way.
            string first = entry.SeenBy[0];
            SentinelLogLine[] same = [.. logged.Where(l => l.Sentinel == first && l.Name == entry.Kind && SentinelEvent.Parse(l.Name, l.Payload).Describe() == entry.Text)];
            if (same.Length == 0) continue; // published only (-role-change is not logged at the default level)
            SentinelLogLine line = same.MinBy(l => (l.At - entry.At).Duration())!;
            TimeSpan off = entry.At - line.At;
            compared.Add($"{entry.Kind} {first} {off.TotalMilliseconds:0} ms");
            Assert.True(off.Duration() <= Agree, $"{entry.Kind} from {first}: timeline {entry.At:HH:mm:ss.fff}, log {line.At:HH:mm:ss.fff}. All: {string.Join("; ", compared)}");
        }
        Assert.Contains(compared, c => c.StartsWith("+switch-master"));
        Assert.Contains(compared, c => c.StartsWith("+promoted-slave"));
        Console.WriteLine(string.Join("\n", compared));
    }
}
