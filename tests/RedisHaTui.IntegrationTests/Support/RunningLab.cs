using System.Text.Json.Nodes;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>A real lab (redis-server and redis-sentinel processes on free loopback ports) for one test; stopped and deleted on dispose.</summary>
public sealed class RunningLab : IAsyncDisposable
{
    private RunningLab(TempLab files, LabDefinition lab, LabSession session)
    {
        Files = files;
        Lab = lab;
        Session = session;
    }

    public TempLab Files { get; }
    public LabDefinition Lab { get; }
    public LabSession Session { get; }
    public LabSnapshot Now => Session.Store.Current;

    /// <param name="edit">Changes to the generated lab.json (e.g. Lab:Auth, hosts).</param>
    public static async Task<RunningLab> StartAsync(int nodes = 2, int sentinels = 3, int downAfterMs = 2000, Action<JsonObject>? edit = null)
    {
        var files = TempLab.Create(nodes, sentinels, downAfterMs, edit: edit);
        LabDefinition lab = files.Load();
        LabSession session = await LabSession.OpenAsync(lab);
        try
        {
            await session.StartLabAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await session.Monitor.FirstRead.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch
        {
            await session.DisposeAsync();
            files.Dispose();
            throw;
        }
        return new RunningLab(files, lab, session);
    }

    /// <summary>Waits on the store for a snapshot that satisfies a condition; fails with the last snapshot's problems after the timeout.</summary>
    public async Task<LabSnapshot> WaitForAsync(Func<LabSnapshot, bool> condition, TimeSpan timeout, string what)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try { return await Session.Store.WaitForAsync(condition, cancel.Token); }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        LabSnapshot last = Now;
        throw new TimeoutException($"not within {timeout.TotalSeconds:0} s: {what}. Problems: {string.Join("; ", last.Consensus.Problems)}. " +
            $"Timeline: {string.Join(" | ", last.Timeline.TakeLast(12).Select(t => $"{t.Name} {t.Text}"))}");
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        Files.Dispose();
    }
}
