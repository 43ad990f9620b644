using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>
/// The command line's waits count on the session's clock: a test moves a fake clock past them instead of waiting
/// them out. Nothing runs on the lab's ports here (no Redis started): the wait can only end by running out.
/// </summary>
public class CliClockTests
{
    [Fact]
    public async Task Status_wait_ready_gives_up_when_the_sessions_clock_passes_its_seconds_not_the_walls()
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load("--Lab:PortOffset", $"{files.FreeOffset()}");
        var time = new FakeTimeProvider();
        DateTimeOffset began = time.GetUtcNow();
        const double wait = 600; // ten minutes of the wall's would time this test out

        Task<int> status = StatusCommand.RunAsync(WatchTarget.OfLab(lab), json: true, waitReadySeconds: wait, time: time);
        using var real = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!status.IsCompleted && !real.IsCancellationRequested)
        {
            time.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(status, Task.Delay(TimeSpan.FromMilliseconds(20)));
        }

        Assert.Equal(ExitCodes.NotHealthy, await status.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(time.GetUtcNow() - began >= TimeSpan.FromSeconds(wait), $"gave up after {time.GetUtcNow() - began} of the session's clock");
    }
}
