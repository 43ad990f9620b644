using System.Diagnostics;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;
using static RedisHaTui.Benchmarks.ScreenBenchmarks;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// Issue 18: the sleeping screen against Terminal.Gui's polling one (--Ui:PollWhenIdle true) on the same build and
/// the same default lab: idle CPU, where it goes thread by thread, and whether keys got slower.
/// </summary>
public static class IdleBenchmark
{
    /// <summary>The port offset of the benchmark's default lab (BENCH_PORT_OFFSET, 3100 unless set: two people benchmarking at once set it apart).</summary>
    internal static string PortOffset => Environment.GetEnvironmentVariable("BENCH_PORT_OFFSET") ?? "3100";

    internal static readonly (string Name, string[] Extra)[] Modes =
    [
        ("polling (Terminal.Gui's own loops, --Ui:PollWhenIdle true)", ["--Ui:PollWhenIdle", "true"]),
        ("sleeping (the default)", []),
    ];

    public static async Task Compare(string app, int windows, int keyRuns)
    {
        foreach ((string mode, string[] extra) in Modes)
        {
            string lab = Path.Combine(Repo.Root, "lab.json");
            using TmuxTerminal t = TmuxTerminal.Start(160, 45, [app, "--lab", lab, "--port-offset", PortOffset, .. extra]);
            await Healthy(t);
            int pid = t.AppPid;
            // Warm-up: first polls, and ReadyToRun code re-jitted at tier 1 (which a sleeping loop reaches later, calling less often).
            await Task.Delay(TimeSpan.FromSeconds(20));
            var cpu = new List<double>();
            for (int i = 0; i < windows; i++) cpu.Add(await ScreenBenchmarks.CpuPercent(pid, TimeSpan.FromSeconds(10)));
            string threads = await ThreadTable(pid, TimeSpan.FromSeconds(30));
            List<double> help = await KeyLatencies(t, keyRuns);
            List<double> tab = await TabLatencies(t, keyRuns);
            Console.WriteLine($"## {mode}");
            Console.WriteLine($"idle CPU (default lab, 160x45, 10 s windows, % of one core): {Figures.Summary(cpu, "%", "0.00")} · peak RSS {PeakMb(pid):0} MB");
            Console.WriteLine($"key ? → help on screen: {Figures.Summary(help, "ms", "0")} · Tab → selection moved: {Figures.Summary(tab, "ms", "0")}");
            Console.WriteLine(threads);
            await Quit(t);
            using Process reset = Process.Start(app, ["reset", "--lab", lab, "--port-offset", PortOffset]);
            await reset.WaitForExitAsync();
        }
    }

    /// <summary>CPU and voluntary context switches (wake-ups) per thread name over a window, as docs/idle-cpu.md tabulates them.</summary>
    internal static async Task<string> ThreadTable(int pid, TimeSpan window)
    {
        Dictionary<int, (string Name, long Ticks, long Switches)> before = Threads(pid);
        var wall = Stopwatch.StartNew();
        await Task.Delay(window);
        Dictionary<int, (string Name, long Ticks, long Switches)> after = Threads(pid);
        double seconds = wall.Elapsed.TotalSeconds;
        // Per thread id, so a pool thread that retired or started during the window counts only what it did in it.
        var rows = after
            .Select(kv => (kv.Value.Name, Ticks: kv.Value.Ticks - (before.TryGetValue(kv.Key, out var b) ? b.Ticks : 0),
                Switches: kv.Value.Switches - (before.TryGetValue(kv.Key, out b) ? b.Switches : 0)))
            .GroupBy(r => r.Name)
            .Select(g => (Name: g.Key, Cpu: g.Sum(r => r.Ticks) / seconds, Wakes: g.Sum(r => r.Switches) / seconds, Count: g.Count()))
            .OrderByDescending(r => r.Cpu).ThenByDescending(r => r.Wakes)
            .ToList();
        var text = new System.Text.StringBuilder($"| thread ({window.TotalSeconds:0} s) | CPU, % of one core | wake-ups/s |\n|---|---|---|\n");
        foreach (var r in rows)
            text.AppendLine($"| `{r.Name}`{(r.Count > 1 ? $" ×{r.Count}" : "")} | {r.Cpu:0.00} | {r.Wakes:0.0} |");
        text.Append($"| **total** | **{rows.Sum(r => r.Cpu):0.00}** | {rows.Sum(r => r.Wakes):0} |");
        return text.ToString();
    }

    // /proc/<pid>/task/<tid>/stat fields 14-15 (utime, stime; 100 ticks a second, so ticks/s is % of one core) and
    // voluntary_ctxt_switches from status: a thread that blocks and is woken counts one.
    private static Dictionary<int, (string Name, long Ticks, long Switches)> Threads(int pid)
    {
        var result = new Dictionary<int, (string, long, long)>();
        foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                string stat = File.ReadAllText(Path.Combine(task, "stat"));
                string name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                long switches = long.Parse(File.ReadLines(Path.Combine(task, "status")).First(l => l.StartsWith("voluntary_ctxt_switches:"))
                    .Split(':')[1].Trim());
                result[int.Parse(Path.GetFileName(task))] = (name, long.Parse(f[11]) + long.Parse(f[12]), switches);
            }
            catch (IOException) { /* the thread ended between the listing and the read */ }
        }
        return result;
    }
}
