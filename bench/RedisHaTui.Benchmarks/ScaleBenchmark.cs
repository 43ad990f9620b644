using System.Diagnostics;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.EndToEnd;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using static RedisHaTui.Benchmarks.ScreenBenchmarks;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// A lab of 1 master, 9 replicas and 5 sentinels (15 processes): ordered start to ready, one poll cycle, a full
/// redraw of the 15-pane screen at 160x45 (headless, the app's own MainWindow over the live session), and the real
/// app's idle CPU in tmux at 160x45, whose screen is printed to judge readability.
/// </summary>
public static class ScaleBenchmark
{
    private const int Nodes = 10, Sentinels = 5;

    /// <param name="pollOnly">Only the start and one poll cycle's figure (`scale-poll`): what a change to the monitor's reads costs.</param>
    public static async Task Run(int runs, bool pollOnly = false)
    {
        var ready = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            using var files = TempLab.Create(nodes: Nodes, sentinels: Sentinels, downAfterMs: 5000, quorum: 3);
            LabDefinition lab = files.Load("--Monitor:PollIntervalMilliseconds", "1000");
            var clock = Stopwatch.StartNew();
            await using LabSession session = await LabSession.OpenAsync(lab);
            await session.StartLabAsync();
            ready.Add(clock.Elapsed.TotalSeconds);
            if (i == runs - 1)
            {
                Console.WriteLine($"15 processes: lab ready (ordered start, every replica linked, every sentinel agreeing): {Figures.Summary(ready, "s")}");
                await PollCycle(lab, session);
                if (!pollOnly) Redraw(session);
            }
        }
        if (pollOnly) return;

        using var idleFiles = TempLab.Create(nodes: Nodes, sentinels: Sentinels, downAfterMs: 5000, quorum: 3, edit: root => root.Remove("Monitor"));
        using TmuxTerminal t = TmuxTerminal.Start(160, 45, [App, "--lab", idleFiles.LabFile]);
        await Until(t, s => s.Contains("│HEALTHY · master"), TimeSpan.FromSeconds(60));
        int pid = t.AppPid;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var cpu = new List<double>();
        for (int i = 0; i < 6; i++) cpu.Add(await ScreenBenchmarks.CpuPercent(pid, TimeSpan.FromSeconds(10)));
        Console.WriteLine($"15 processes: app idle CPU at 160x45, default 1 s polling (10 s windows, % of one core): {Figures.Summary(cpu, "%", "0.00")} · peak RSS {PeakMb(pid):0} MB");
        Console.WriteLine("15 processes at 160x45:");
        Console.WriteLine(t.Text);
        await Quit(t);
    }

    /// <summary>What the monitor does once per interval: INFO from every node, the sentinels' views (CKQUORUM included).</summary>
    private static async Task PollCycle(LabDefinition lab, LabSession session)
    {
        await using var connections = new ProcessConnections(lab);
        var reader = new LabReader(lab, connections);
        for (int i = 0; i < 5; i++) await reader.ReadAllAsync(session.Store.Current, DateTimeOffset.UtcNow); // connect, warm up
        var cycles = new List<double>();
        for (int i = 0; i < 50; i++)
        {
            var clock = Stopwatch.StartNew();
            await reader.ReadAllAsync(session.Store.Current, DateTimeOffset.UtcNow, checkQuorum: true);
            cycles.Add(clock.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"15 processes: one poll cycle (15 reads in parallel, CKQUORUM and SENTINEL REPLICAS included): {Figures.Summary(cycles, "ms", "0.0")}");
    }

    /// <summary>The whole 15-pane screen laid out and drawn from scratch, as after a resize, with the live lab's logs.</summary>
    private static void Redraw(LabSession session)
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1"); // headless: the driver draws into its buffer only
        IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        try
        {
            app.Driver!.SetScreenSize(160, 45);
            using var window = new MainWindow(app, session, Theme.Default, TimeZoneInfo.Utc);
            SessionToken token = app.Begin(window)!;
            for (int i = 0; i < 20; i++) app.LayoutAndDraw(forceRedraw: true); // warm-up
            var draws = new List<double>();
            for (int i = 0; i < 200; i++)
            {
                var clock = Stopwatch.StartNew();
                window.SetNeedsLayout();
                app.LayoutAndDraw(forceRedraw: true);
                draws.Add(clock.Elapsed.TotalMilliseconds);
            }
            app.End(token);
            Console.WriteLine($"15 processes: full layout + redraw at 160x45 (headless, 200 frames): {Figures.Summary(draws, "ms", "0.00")}");
        }
        finally
        {
            app.Dispose();
            Environment.SetEnvironmentVariable("DisableRealDriverIO", null);
        }
    }
}
