using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;

namespace RedisHaTui.Benchmarks;

public static partial class ScreenBenchmarks
{
    /// <summary>
    /// What the write load costs the app with its screen: CPU idle, then with `w` running at each rate (the chart
    /// redrawing), and the `?` key's latency while it writes. The Release build in tmux, on a fresh lab.
    /// </summary>
    public static async Task WriteLoad(int[] rates, int keyRuns)
    {
        string app = File.Exists(Published) ? Published : Built;
        foreach (int rate in rates)
        {
            using var files = TempLab.Create(downAfterMs: 5000);
            using TmuxTerminal t = LaunchApp(app, files.LabFile, "--Load:Rate", rate.ToString());
            await Healthy(t);
            int pid = t.AppPid;
            await Task.Delay(TimeSpan.FromSeconds(10)); // warm-up: JIT, first polls
            var idle = new List<double>();
            for (int i = 0; i < 2; i++) idle.Add(await CpuPercent(pid, TimeSpan.FromSeconds(10)));
            List<double> idleKeys = await KeyLatencies(t, keyRuns);
            t.Send("w");
            await Until(t, s => s.Contains($"load #1 {rate}/s running"), TimeSpan.FromSeconds(15));
            await Task.Delay(TimeSpan.FromSeconds(5));
            var busy = new List<double>();
            for (int i = 0; i < 3; i++) busy.Add(await CpuPercent(pid, TimeSpan.FromSeconds(10)));
            List<double> keys = await KeyLatencies(t, keyRuns);
            t.Send("w");
            await Until(t, s => s.Contains($"load #1 {rate}/s ended"), TimeSpan.FromSeconds(30));
            string ledger = t.Screen.FirstOrDefault(l => l.Contains("load #1")) ?? "";
            Console.WriteLine($"app ({Path.GetFileName(Path.GetDirectoryName(app))}) idle CPU: {Figures.Summary(idle, "%", "0.0")} · " +
                              $"with the write load at {rate}/s: {Figures.Summary(busy, "%", "0.0")} (10 s windows, % of one core)");
            Console.WriteLine($"  key ? → help on screen, idle: {Figures.Summary(idleKeys, "ms", "0")} · during the load: {Figures.Summary(keys, "ms", "0")}");
            Console.WriteLine($"  {ledger.Trim('│', ' ', '║').Split("││").Last().Trim('│', ' ')}");
            await Quit(t);
        }
    }
}
