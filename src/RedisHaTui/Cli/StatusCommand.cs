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

    public static async Task<int> RunAsync(WatchTarget target, bool json, double? waitReadySeconds)
    {
        // The same monitor as the screen's: one way to read a lab, here watched until healthy or out of time.
        await using LabSession session = await target.AttachAsync();
        LabDefinition lab = session.Lab;
        await session.Monitor.FirstRead;
        LabSnapshot s = session.Store.Current;
        if (!s.Consensus.Healthy && waitReadySeconds is > 0 and var wait)
        {
            using IDisposable hurry = session.Monitor.Hurry(WaitPollInterval);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(wait));
            try { s = await session.Store.WaitForAsync(x => x.Consensus.Healthy, timeout.Token); }
            catch (OperationCanceledException) { s = session.Store.Current; }
        }
        var run = new RunDirectory(lab);
        var pids = lab.Processes.ToDictionary(p => p.Name, p => target.IsLocalLab ? ExternalProcess.FindRedis(p, run) : null);
        Console.Write(json ? StatusPrinter.JsonDocument(lab, s, pids) + "\n" : StatusPrinter.Text(lab, s, pids));
        return s.Consensus.Healthy ? ExitCodes.Ok : ExitCodes.NotHealthy;
    }
}
