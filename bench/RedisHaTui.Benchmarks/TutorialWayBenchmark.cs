using System.Diagnostics;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;
using static RedisHaTui.Benchmarks.ScreenBenchmarks;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// The app against the tutorial's own way of watching a lab, on the same running lab in one run: tmux with one
/// `tail -F` per log and `watch -n 1 redis-cli … info replication` on the replica. CPU side by side (each side's
/// processes, and each side's tmux server, which redraws the terminal), then kill -9 of the master to the new
/// master visible on each screen.
/// </summary>
public static class TutorialWayBenchmark
{
    public static async Task Run(int runs)
    {
        var cpuApp = new List<double>(); var cpuTutorial = new List<double>();
        var tmuxApp = new List<double>(); var tmuxTutorial = new List<double>();
        var seenApp = new List<double>(); var seenTutorial = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            using var files = TempLab.Create(downAfterMs: 5000);
            LabDefinition lab = files.Load("--Monitor:PollIntervalMilliseconds", "1000");
            var dir = new RunDirectory(lab);
            // The lab runs in this process, as `up` would run it; both screens only watch it.
            await using LabSession owner = await LabSession.OpenAsync(lab);
            await owner.StartLabAsync();
            await owner.Monitor.DisposeAsync();

            using TmuxTerminal app = TmuxTerminal.Start(160, 45, [App, "--lab", files.LabFile, "--no-start"]);
            using TmuxTerminal tutorial = Tutorial(lab, dir);
            await Until(app, s => s.Contains("│HEALTHY · master node1"), TimeSpan.FromSeconds(60));
            await Until(tutorial, s => s.Contains("role:slave"), TimeSpan.FromSeconds(10));
            await Task.Delay(TimeSpan.FromSeconds(10)); // warm-up

            int[] tutorialPids = [.. Descendants(tutorial.AppPid)];
            TimeSpan app0 = CpuTime(app.AppPid), tut0 = TutorialCpu(tutorialPids), appTmux0 = CpuTime(app.ServerPid), tutTmux0 = CpuTime(tutorial.ServerPid);
            var wall = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(30));
            double ms = wall.Elapsed.TotalMilliseconds;
            cpuApp.Add((CpuTime(app.AppPid) - app0).TotalMilliseconds / ms * 100);
            cpuTutorial.Add((TutorialCpu(tutorialPids) - tut0).TotalMilliseconds / ms * 100);
            tmuxApp.Add((CpuTime(app.ServerPid) - appTmux0).TotalMilliseconds / ms * 100);
            tmuxTutorial.Add((CpuTime(tutorial.ServerPid) - tutTmux0).TotalMilliseconds / ms * 100);

            // kill -9 the master; watch both screens every 20 ms for node2 as master.
            var clock = Stopwatch.StartNew();
            Signals.Send(owner.Supervisor!["node1"].Status.Pid!.Value, Signals.SIGKILL);
            Task appSees = Seen(app, s => ScreenText.Badge(s.Split('\n'), lab.Nodes[1]) == "MASTER", clock, seenApp);
            Task tutorialSees = Seen(tutorial, s => s.Contains("role:master"), clock, seenTutorial);
            await Task.WhenAll(appSees, tutorialSees);
            await Quit(app);
        }
        Console.WriteLine($"idle CPU, the app (--no-start on the same lab, 160x45, % of one core, 30 s): {Figures.Summary(cpuApp, "%", "0.00")} · its tmux server {Figures.Summary(tmuxApp, "%", "0.00")}");
        Console.WriteLine($"idle CPU, the tutorial's way (5 × tail -F + watch -n 1 redis-cli, children included): {Figures.Summary(cpuTutorial, "%", "0.00")} · its tmux server {Figures.Summary(tmuxTutorial, "%", "0.00")}");
        Console.WriteLine($"kill -9 of the master → node2 shown as master: the app {Figures.Summary(seenApp, "ms", "0")} · watch -n 1 {Figures.Summary(seenTutorial, "ms", "0")}");
    }

    /// <summary>One tmux window split into panes: a tail -F per process log and watch on the replica, as a student would arrange them.</summary>
    private static TmuxTerminal Tutorial(LabDefinition lab, RunDirectory dir)
    {
        string redis = Path.Combine(Repo.RedisInstall, "usr");
        string cli = $"LD_LIBRARY_PATH={redis}/lib/x86_64-linux-gnu {redis}/bin/redis-cli";
        string tails = string.Join(" & ", lab.Processes.Select(p => $"tail -F -n 3 '{dir.LogPath(p)}' > /dev/null"));
        // One shell runs them all, so the CPU of everything the tutorial way starts is this shell's and its children's.
        string script = $"{tails} & exec watch -n 1 '{cli} -p {lab.Nodes[1].Port} info replication'";
        return TmuxTerminal.Start(160, 45, ["sh", "-c", script]);
    }

    private static IEnumerable<int> Descendants(int pid)
    {
        yield return pid;
        foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            foreach (string child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                foreach (int d in Descendants(int.Parse(child))) yield return d;
    }

    /// <summary>Everything the tutorial's way started, children it waited for included; a process gone since counts nothing.</summary>
    private static TimeSpan TutorialCpu(IEnumerable<int> pids) =>
        pids.Where(pid => File.Exists($"/proc/{pid}/stat")).Aggregate(TimeSpan.Zero, (sum, pid) => sum + CpuTime(pid, waitedChildren: true));

    private static async Task Seen(TmuxTerminal t, Func<string, bool> condition, Stopwatch clock, List<double> into)
    {
        await Until(t, condition, TimeSpan.FromSeconds(30), pollMs: 20);
        into.Add(clock.Elapsed.TotalMilliseconds);
    }
}
