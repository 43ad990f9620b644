using System.Diagnostics;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;
using static RedisHaTui.Benchmarks.ScreenBenchmarks;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// JIT, ReadyToRun and NativeAOT side by side in one run (issue 9's table): --version, first frame, idle CPU and
/// memory on the default lab at 160x45, and memory after a log flood.
/// </summary>
public static class BuildsBenchmark
{
    public static async Task Run(int runs)
    {
        Console.WriteLine("| build | --version | first frame | idle CPU (default lab, 160x45) | peak RSS idle |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach ((string name, string app) in Builds)
        {
            var version = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                using Process p = Process.Start(new ProcessStartInfo(app, "--version") { RedirectStandardOutput = true })!;
                await p.StandardOutput.ReadToEndAsync();
                await p.WaitForExitAsync();
                version.Add(clock.Elapsed.TotalMilliseconds);
            }
            List<double> frames = await FirstFrames(app, runs);
            (List<double> idle, double rss) = await Idle(app);
            Console.WriteLine($"| {name} | {Figures.Summary(version, "ms", "0")} | {Figures.Summary(frames, "ms", "0")} | {Figures.Summary(idle, "%", "0.00")} | {rss:0} MB |");
        }
    }

    /// <summary>The default lab.json (shifted ports) at 160x45, nothing happening: 6 windows of 10 s after a 10 s warm-up.</summary>
    public static async Task<(List<double> Cpu, double PeakMb)> Idle(string app, int windows = 6, params string[] extra)
    {
        using TmuxTerminal t = TmuxTerminal.Start(160, 45, [app, "--lab", Path.Combine(Repo.Root, "lab.json"), "--port-offset", IdleBenchmark.PortOffset, .. extra]);
        await Healthy(t);
        int pid = t.AppPid;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var cpu = new List<double>();
        for (int i = 0; i < windows; i++) cpu.Add(await ScreenBenchmarks.CpuPercent(pid, TimeSpan.FromSeconds(10)));
        double rss = PeakMb(pid);
        await Quit(t);
        using Process reset = Process.Start(app, ["reset", "--lab", Path.Combine(Repo.Root, "lab.json"), "--port-offset", IdleBenchmark.PortOffset]);
        await reset.WaitForExitAsync();
        return (cpu, rss);
    }
}
