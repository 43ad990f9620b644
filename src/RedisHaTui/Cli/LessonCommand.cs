using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;

namespace RedisHaTui.Cli;

/// <summary>
/// `lesson [NAME]`: one of the classic Sentinel mistakes played on the lab without the screen, as the fault menu plays
/// it: the lab is started (it needs to stop and kill processes, so it must own them), the lesson says what to expect,
/// runs, prints what happened, puts the lab back, and the lab is stopped again.
/// </summary>
public static class LessonCommand
{
    public static async Task<int> RunAsync(LabDefinition lab, string? name)
    {
        if (name is null)
        {
            int width = FaultMenu.Lessons.Max(l => l.Name.Length);
            foreach (Lesson l in FaultMenu.Lessons) Console.WriteLine($"{l.Name.PadRight(width)}  {l.Entry.Title}");
            return ExitCodes.Ok;
        }
        FaultEntry? entry = FaultMenu.LessonNamed(name)?.Entry;
        if (entry is null)
        {
            Console.Error.WriteLine($"redis-ha-tui: no lesson named '{name}': {string.Join(", ", FaultMenu.Lessons.Select(l => l.Name))}");
            return ExitCodes.BadInput;
        }
        (CancellationTokenSource cancel, IDisposable signals) = Terminal.CancelOnSignals();
        using var _ = signals;
        await using LabSession session = await LabSession.OpenAsync(lab, m => Console.Error.WriteLine($"redis-ha-tui | {m}"));
        AppDomain.CurrentDomain.UnhandledException += (_, _) => session.KillAllNow();
        try
        {
            await session.StartLabAsync(cancel.Token);
            var context = new FaultContext(session.Actions, session.Store, lab, session.Log);
            if (FaultMenu.WhyNot(entry, session.Store.Current, lab) is { } why)
            {
                Console.Error.WriteLine($"redis-ha-tui: {entry.Title}: {why}");
                return ExitCodes.NotHealthy;
            }
            Console.WriteLine($"{entry.Title}\n{entry.Expect(session.Store.Current, lab)}\n");
            LabActionResult result = await FaultMenu.RunAsync(entry, context, cancel.Token);
            Console.WriteLine(result.Message);
            return result.Ok ? ExitCodes.Ok : ExitCodes.NotHealthy;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Console.Error.WriteLine("redis-ha-tui | interrupted: stopping the lab");
            return ExitCodes.NotHealthy;
        }
    }
}
