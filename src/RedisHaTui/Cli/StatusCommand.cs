using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;

namespace RedisHaTui.Cli;

/// <summary>`status`: one read of the running lab, whoever started it; exit 0 when healthy.</summary>
public static class StatusCommand
{
    /// <summary>How often the lab is read while --wait-ready waits for it to become healthy.</summary>
    private static readonly TimeSpan WaitPollInterval = TimeSpan.FromMilliseconds(200);

    /// <param name="waitFailoverReadySeconds">Wait for <see cref="FailoverReadiness.Ready"/> (healthy, and Sentinel would accept a failover) instead.</param>
    /// <param name="time">The session's clock, on which --wait-ready's seconds are counted (a test passes a fake one).</param>
    public static async Task<int> RunAsync(WatchTarget target, bool json, double? waitReadySeconds, double? waitFailoverReadySeconds = null, TimeProvider? time = null)
    {
        // The same monitor as the screen's: one way to read a lab, here watched until healthy (or ready) or out of time.
        await using LabSession session = await target.AttachAsync(time);
        LabDefinition lab = session.Lab;
        await session.Monitor.FirstRead;
        LabSnapshot s = session.Store.Current;
        bool failoverReady = waitFailoverReadySeconds is not null;
        Func<LabSnapshot, bool> done = failoverReady ? x => x.Readiness.Ready : x => x.Consensus.Healthy;
        if (!done(s) && (failoverReady ? waitFailoverReadySeconds : waitReadySeconds) is > 0 and var wait)
        {
            using IDisposable hurry = session.Monitor.Hurry(WaitPollInterval);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(wait), session.Store.Time);
            try { s = await session.Store.WaitForAsync(done, timeout.Token); }
            catch (OperationCanceledException) { s = session.Store.Current; }
        }
        var run = new RunDirectory(lab);
        var pids = lab.Processes.ToDictionary(p => p.Name, p => target.IsLocalLab ? ExternalProcess.FindRedis(p, run) : null);
        // Redis writes a log file in the run directory once it runs: a lab with none has never been started here.
        bool ranBefore = target.IsLocalLab && lab.Processes.Any(p => File.Exists(run.LogPath(p)));
        Console.Write(json ? StatusPrinter.JsonDocument(lab, s, pids) + "\n" : StatusPrinter.Text(lab, s, pids, ranBefore));
        return done(s) ? ExitCodes.Ok : ExitCodes.NotHealthy;
    }
}
