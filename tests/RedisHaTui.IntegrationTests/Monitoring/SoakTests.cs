using RedisHaTui.Core.Tests.Support;
using Xunit.Abstractions;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>
/// Issue 10 §4, the short version (the long one is `bench … soak 30`): it keeps working through every kind of
/// failover, the picture matches Redis after each, and nothing piles up.
/// </summary>
[Collection(AloneCollection.Name)]
public class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Failovers_of_every_kind_and_restarts_keep_the_picture_right_and_leak_nothing()
    {
        SoakReport r = await SoakRunner.RunAsync(new SoakOptions
        {
            Failovers = 3, // one of each kind, a sentinel stopped and started between them
            Restarts = 10,
            TimelineLines = 60, // small, so the bound is reached in a short run
            Progress = output.WriteLine,
        }).WaitAsync(TimeSpan.FromMinutes(2));
        output.WriteLine($"took {r.Duration.TotalSeconds:0.0} s; writer acks {r.WriterAcks}, errors {string.Join(", ", r.WriterErrors.Select(e => $"{e.Key} {e.Value}"))}; " +
            $"unobserved task exceptions {r.UnobservedExceptions.Count}; sentinel stop+start {string.Join(" ", r.SentinelBounceSeconds.Select(x => x.ToString("0.0")))} s; " +
            $"restarts {string.Join(" ", r.RestartSeconds.Select(x => x.ToString("0.0")))} s");

        Assert.True(r.Ok, string.Join("\n", r.Failures));
        Assert.Equal(3, r.Failovers.Count);
        Assert.Equal([SoakFailoverKind.SentinelFailover, SoakFailoverKind.KillMaster, SoakFailoverKind.PauseMaster], r.Failovers.Select(f => f.Kind));
        Assert.Equal(10, r.RestartSeconds.Count);
        Assert.Empty(r.ActionExceptions);
        // One connection and one subscription per process, for the whole run.
        Assert.All(r.Failovers, f => Assert.Equal((5, 3), (f.Counters.Connections, f.Counters.Subscriptions)));
        Assert.Equal(r.BeforeChurn, r.AfterChurn);
        Assert.InRange(r.TimelineMax, 1, r.TimelineLines);
        Assert.Equal(r.TimelineLines, r.TimelineMax); // the bound was reached, and held
        Assert.InRange(r.ProcessAfterChurn!.Threads, 1, r.ProcessAtStart!.Threads + 10);
        Assert.True(r.WriterAcks > 0, "the writer never got a write through");
    }
}
