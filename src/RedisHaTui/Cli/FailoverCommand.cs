using System.Diagnostics;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>`failover`: the `f` key without the screen — SENTINEL FAILOVER, then wait for every sentinel to agree.</summary>
public static class FailoverCommand
{
    public static async Task<int> RunAsync(WatchTarget target, TimeSpan timeout)
    {
        await using LabSession session = await target.AttachAsync();
        LabDefinition lab = session.Lab;
        if (await Task.WhenAny(session.Monitor.FirstRead, Task.Delay(TimeSpan.FromSeconds(5))) != session.Monitor.FirstRead)
        {
            Console.Error.WriteLine("redis-ha-tui: the lab did not answer within 5 s");
            return ExitCodes.NotHealthy;
        }
        LabSnapshot before = session.Store.Current;
        string? old = before.Consensus.MasterBySentinels ?? before.Consensus.MasterByRoles;
        var clock = Stopwatch.StartNew();
        LabActionResult result = await session.Actions.RunAsync(LabActionKind.Failover, null);
        if (!result.Ok)
        {
            Console.Error.WriteLine($"redis-ha-tui: failover refused: {result.Message}");
            return ExitCodes.NotHealthy;
        }
        Console.WriteLine(result.Message);
        using var deadline = new CancellationTokenSource(timeout - clock.Elapsed);
        try
        {
            LabSnapshot s = await session.Store.WaitForAsync(x => x.Failovers.LastOrDefault() is { Complete: true, NewMaster: { } nm } && nm != old, deadline.Token);
            FailoverRecord f = s.Failovers[^1];
            Console.WriteLine($"{Describe(lab, old)} → {Describe(lab, f.NewMaster)}");
            Console.WriteLine(string.Join("\n", f.Phases.Select(p => $"  {p.After.TotalSeconds,6:0.00} s  {PhaseText.Name(p)}")));
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) { }
        Console.Error.WriteLine($"redis-ha-tui: the sentinels did not agree on a new master within {timeout.TotalSeconds:0} s; see `redis-ha-tui status`");
        return ExitCodes.NotHealthy;
    }

    private static string Describe(LabDefinition lab, string? node) =>
        node is not null && lab.Find(node) is { } p ? $"{p.Name} ({p.Endpoint})" : node ?? "?";
}
