using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Cli;

/// <summary>`failover`: the `f` key without the screen — SENTINEL FAILOVER, then wait for every sentinel to agree.</summary>
public static class FailoverCommand
{
    private static readonly TimeSpan FirstReadTimeout = TimeSpan.FromSeconds(15);

    /// <param name="time">The session's clock, on which the first read's wait and --timeout are counted.</param>
    public static async Task<int> RunAsync(WatchTarget target, TimeSpan timeout, string? confirm = null, TimeProvider? time = null)
    {
        await using LabSession session = await target.AttachAsync(time);
        TimeProvider clock = session.Store.Time;
        LabDefinition lab = session.Lab;
        // The first read connects to every process: on a loaded 2-core machine that took more than 5 s (2 of 24 drill
        // rounds refused for it), while the lab was fine. Give it room; a dead lab still answers "not answering" fast.
        if (await Task.WhenAny(session.Monitor.FirstRead, Task.Delay(FirstReadTimeout, clock)) != session.Monitor.FirstRead)
        {
            Console.Error.WriteLine($"redis-ha-tui: the lab did not answer within {FirstReadTimeout.TotalSeconds:0} s");
            return ExitCodes.NotHealthy;
        }
        if (session.Policy.ConfirmFailoverByName && Confirmed(session.Lab.MasterName, confirm) is { } why)
        {
            Console.Error.WriteLine($"redis-ha-tui: failover refused: {why}");
            return ExitCodes.NotHealthy;
        }
        LabSnapshot before = session.Store.Current;
        string? old = before.Consensus.MasterBySentinels ?? before.Consensus.MasterByRoles;
        long asked = clock.GetTimestamp();
        LabActionResult result = await session.Actions.RunAsync(LabActionKind.Failover, null);
        if (!result.Ok)
        {
            Console.Error.WriteLine($"redis-ha-tui: failover refused: {result.Message}");
            return ExitCodes.NotHealthy;
        }
        Console.WriteLine(result.Message);
        using var deadline = new CancellationTokenSource(Max(TimeSpan.Zero, timeout - clock.GetElapsedTime(asked)), clock);
        try
        {
            LabSnapshot s = await session.Store.WaitForAsync(x => x.Failovers.LastOrDefault() is { Complete: true, NewMaster: { } nm } && nm != old, deadline.Token);
            FailoverRecord f = s.Failovers[^1];
            Console.WriteLine($"{Describe(lab, old)} → {Describe(lab, f.NewMaster)}");
            Console.WriteLine(string.Join("\n", f.Phases.Select(p => $"  {p.After.TotalSeconds,6:0.00} s  {PhaseText.Name(p)}")));
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) { }
        Console.Error.WriteLine($"redis-ha-tui: the sentinels did not agree on a new master within {timeout.TotalSeconds:0} s; see `{(target.Lab is { } own ? ShellForms.ThisMachine.Verb(own, "status") : "redis-ha-tui status")}`");
        return ExitCodes.NotHealthy;
    }

    /// <summary>Someone else's deployment fails over only on its master's name, typed or given: null when it was; else why not.</summary>
    private static string? Confirmed(string master, string? confirm)
    {
        if (confirm is not null) return confirm == master ? null : $"--confirm {confirm} is not the master name ({master})";
        if (Console.IsInputRedirected) return $"a deployment fails over only on its master's name: add --confirm {master} (or run it in a terminal)";
        Console.Error.Write($"This fails over a deployment this app did not start. Type its master name ({master}) to go on: ");
        return Console.ReadLine()?.Trim() == master ? null : "the name typed was not the master's";
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Describe(LabDefinition lab, string? node) =>
        node is not null && lab.Find(node) is { } p ? $"{p.Name} ({p.Endpoint})" : node ?? "?";
}
