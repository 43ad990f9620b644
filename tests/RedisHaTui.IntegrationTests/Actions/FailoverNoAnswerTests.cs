using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Actions;

/// <summary>A sentinel that takes SENTINEL FAILOVER and does not answer in time has not refused it.</summary>
public class FailoverNoAnswerTests
{
    [Fact]
    public async Task A_failover_a_stalled_sentinel_did_not_answer_is_reported_as_possibly_under_way_and_its_record_kept()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        LabSnapshot ready = await lab.WaitForAsync(x => x.Readiness.Ready, TimeSpan.FromSeconds(30), "ready to fail over");
        string via = ready.Readiness.Via ?? ready.Sentinels.First(x => x.Reachable).Name; // the sentinel asked first
        int pid = lab.Session.Supervisor![via].Status.Pid!.Value;
        // A loaded machine may keep it stopped over 2 s, after which its timer would go into TILT for 30 s and stall the failover.
        LabActionResult noTilt = await lab.Session.Actions.RunCommandAsync(via, "sentinel debug tilt-trigger 60000");
        Assert.True(noTilt.Ok, noTilt.Message);
        // Stopped behind the app's back (a stalled machine): it still holds the connection, and reads the command when it runs again.
        Assert.True(Signals.Send(pid, Signals.SIGSTOP));
        LabActionResult result;
        try { result = await lab.Session.Actions.RunAsync(LabActionKind.Failover, null); }
        finally { Signals.Send(pid, Signals.SIGCONT); }

        Assert.True(result.Ok, result.Message);
        Assert.Contains($"may be under way (no answer from {via} within 1 s)", result.Message);
        FailoverRecord kept = Assert.Single(lab.Now.Failovers);
        Assert.Equal($"SENTINEL FAILOVER via {via}", kept.Cause);

        // Running again, it reads the command it was sent: the failover the app said may be under way happens, timed from the request.
        LabSnapshot s = await lab.WaitForAsync(x => x.Failovers.LastOrDefault() is { Complete: true, NewMaster: "node2" }, TimeSpan.FromSeconds(30),
            "the failover asked of the stalled sentinel completes");
        FailoverRecord f = Assert.Single(s.Failovers);
        Assert.Equal(kept.StartedAt, f.StartedAt);
    }
}
