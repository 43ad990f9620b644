using System.Diagnostics;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;
using static RedisHaTui.Benchmarks.ScreenBenchmarks;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// A classroom on one server (issue 18): ten screens, each on its own default lab (ports shifted by 10 per student),
/// all idle at once. CPU of the screens, of their Redis processes and of the tmux servers drawing them, and per
/// student; once with the screens sleeping, once polling as Terminal.Gui does by default.
/// </summary>
public static class TenScreensBenchmark
{
    public static async Task Run(string app, int screens, int windows)
    {
        int baseOffset = int.Parse(IdleBenchmark.PortOffset);
        string lab = Path.Combine(Repo.Root, "lab.json");
        foreach ((string mode, string[] extra) in IdleBenchmark.Modes)
        {
            var terminals = new List<TmuxTerminal>();
            try
            {
                for (int i = 0; i < screens; i++)
                {
                    // One after the other: ten labs starting at once on two cores would time out their own readiness checks.
                    TmuxTerminal t = TmuxTerminal.Start(120, 40, [app, "--lab", lab, "--port-offset", (baseOffset + 10 * i).ToString(), .. extra]);
                    terminals.Add(t);
                    await Healthy(t);
                }
                await Task.Delay(TimeSpan.FromSeconds(15)); // warm-up
                int[] apps = [.. terminals.Select(t => t.AppPid)];
                int[] redis = [.. apps.SelectMany(Children)];
                int[] tmux = [.. terminals.Select(t => t.ServerPid)];
                var screenCpu = new List<double>(); var redisCpu = new List<double>(); var tmuxCpu = new List<double>(); var perStudent = new List<double>();
                for (int w = 0; w < windows; w++)
                {
                    TimeSpan a0 = Sum(apps), r0 = Sum(redis), t0 = Sum(tmux);
                    var wall = Stopwatch.StartNew();
                    await Task.Delay(TimeSpan.FromSeconds(20));
                    double ms = wall.Elapsed.TotalMilliseconds;
                    double s = (Sum(apps) - a0).TotalMilliseconds / ms * 100, r = (Sum(redis) - r0).TotalMilliseconds / ms * 100, x = (Sum(tmux) - t0).TotalMilliseconds / ms * 100;
                    screenCpu.Add(s); redisCpu.Add(r); tmuxCpu.Add(x); perStudent.Add((s + r + x) / screens);
                }
                Console.WriteLine($"## {screens} screens, {mode} ({redis.Length} Redis processes; 20 s windows, % of one core)");
                Console.WriteLine($"screens together: {Figures.Summary(screenCpu, "%", "0.00")}");
                Console.WriteLine($"Redis together:   {Figures.Summary(redisCpu, "%", "0.00")}");
                Console.WriteLine($"tmux servers:     {Figures.Summary(tmuxCpu, "%", "0.00")}");
                Console.WriteLine($"per student (screen + lab + tmux): {Figures.Summary(perStudent, "%", "0.00")}");
            }
            finally
            {
                foreach (TmuxTerminal t in terminals)
                {
                    try { await Quit(t); } catch (TimeoutException e) { Console.WriteLine($"a screen did not quit: {e.Message[..Math.Min(200, e.Message.Length)]}"); }
                    t.Dispose();
                }
                for (int i = 0; i < screens; i++)
                {
                    using Process reset = Process.Start(app, ["reset", "--lab", lab, "--port-offset", (baseOffset + 10 * i).ToString()]);
                    await reset.WaitForExitAsync();
                }
            }
        }
    }

    private static IEnumerable<int> Children(int pid) =>
        Directory.EnumerateDirectories($"/proc/{pid}/task")
            .SelectMany(task => File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(int.Parse);

    /// <summary>CPU of processes still alive (one that exited counts nothing from then on).</summary>
    private static TimeSpan Sum(IEnumerable<int> pids) =>
        pids.Where(p => File.Exists($"/proc/{p}/stat")).Aggregate(TimeSpan.Zero, (sum, p) => sum + CpuTime(p));
}
