using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>The timeline's times against Redis's own: each sentinel's log says when it published an event.</summary>
public class EventTimesTests
{
    /// <summary>Issue 19: the figure a presenter compares with `tail -f sentinel1.log`.</summary>
    private static readonly TimeSpan Agree = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task Each_sentinel_event_on_the_timeline_is_within_50_ms_of_the_sentinels_own_log_line_or_says_how_late_it_arrived()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        // A client writing through the failover, as in a workshop: the app is busy while the events come.
        await using WriteLoad load = WriteLoad.Start(lab.Lab, lab.Session.Store, new LoadOptions(200));
        await lab.WaitForAsync(s => s.LastLoad is { Acked: > 100 }, TimeSpan.FromSeconds(30), "the load writes");

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Failover, null)).Ok);
        await lab.WaitForAsync(x => x.Timeline.Any(t => t.Event == SentinelEventKind.SwitchMaster && t.SeenBy.Length == lab.Lab.Sentinels.Count()),
            TimeSpan.FromSeconds(30), "every sentinel published +switch-master");
        // The app reads the same lines from the sentinels' panes and notes each on the entry it belongs to.
        LabSnapshot s = await lab.WaitForAsync(x => x.Timeline.Where(t => t.Event is SentinelEventKind.PromotedSlave or SentinelEventKind.SwitchMaster).All(t => t.LoggedAt is not null),
            TimeSpan.FromSeconds(10), "the sentinels' own times noted");

        IReadOnlyList<LoggedEvent> logged = SentinelLogs.Read(lab.Lab);
        var compared = new List<string>();
        foreach (TimelineEntry entry in s.Timeline.Where(t => t.Source == TimelineSource.Sentinel))
        {
            // The entry's time is its first sentinel's: the same event in that sentinel's log, said the same way.
            string first = entry.SeenBy[0];
            LoggedEvent[] same = [.. logged.Where(l => l.Sentinel == first && l.Name == entry.Name && SentinelEvent.Parse(l.Name, l.Payload).Describe() == entry.Text)];
            if (same.Length == 0) continue; // published only (-role-change is not logged at the default level)
            LoggedEvent line = same.MinBy(l => (l.At - entry.At).Duration())!;
            TimeSpan off = entry.At - line.At;
            compared.Add($"{entry.Name} {first} {off.TotalMilliseconds:0} ms");
            string all = string.Join("; ", compared);
            // Stamped when it arrives: never before Sentinel logged it (the log is to the millisecond, truncated).
            Assert.True(off > TimeSpan.FromMilliseconds(-1), $"{entry.Name} from {first} stamped before it was logged. All: {all}");
            // Within 50 ms, or the screen says how late it came (Sentinel may hold it behind a config fsync).
            if (off > Timeline.LateAfter)
            {
                TimelineEntry noted = (await lab.WaitForAsync(x => x.Timeline.FirstOrDefault(t => t.Id == entry.Id)?.LoggedAt is not null,
                    TimeSpan.FromSeconds(10), $"{entry.Name}'s log time noted")).Timeline.First(t => t.Id == entry.Id);
                Assert.True(noted.LoggedAt == line.At && Timeline.LateText(noted) is not null, $"{entry.Name} from {first} {off.TotalMilliseconds:0} ms late, not said. All: {all}");
            }
        }
        Assert.Contains(compared, c => c.StartsWith("+switch-master"));
        Assert.Contains(compared, c => c.StartsWith("+promoted-slave"));
        TimelineEntry promoted = s.Timeline.First(t => t.Event == SentinelEventKind.PromotedSlave);
        Assert.Equal(logged.Single(l => l.Name == "+promoted-slave").At, promoted.LoggedAt);
    }
}
