using System.Diagnostics;
using System.Text.RegularExpressions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;
using StackExchange.Redis;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// The TUI's targets measured the way a person meets them: the Release app in a real terminal (tmux), read with
/// capture-pane. Every latency includes tmux's own send-keys / capture-pane round trip (a few ms), so it errs high.
/// </summary>
public static partial class ScreenBenchmarks
{
    /// <summary>The app as `dotnet build` leaves it: IL, compiled by the JIT as it runs.</summary>
    private static string Built => Path.Combine(Repo.Root, "src", "RedisHaTui", "bin", "Release", "net10.0", "redis-ha-tui");

    /// <summary>The app as the README's `dotnet publish` leaves it: ReadyToRun, precompiled.</summary>
    private static string Published => Path.Combine(Repo.Root, ".app", "redis-ha-tui");

    /// <summary>The NativeAOT build: dotnet publish src/RedisHaTui -r linux-x64 -p:PublishAot=true -o .aot</summary>
    internal static string Native => Path.Combine(Repo.Root, ".aot", "redis-ha-tui");

    /// <summary>The app the screen benchmarks run: the published ReadyToRun build, or BENCH_APP=jit|r2r|aot.</summary>
    internal static string App => Environment.GetEnvironmentVariable("BENCH_APP") switch
    {
        "jit" => Built,
        "aot" => Require(Native, "dotnet publish src/RedisHaTui -r linux-x64 -p:PublishAot=true -o .aot"),
        _ => Require(Published, "dotnet publish src/RedisHaTui -o .app"),
    };

    /// <summary>The three builds side by side, as BENCHMARKS.md compares them.</summary>
    internal static (string Name, string Path)[] Builds =>
    [
        ("dotnet build (JIT)", Require(Built, "dotnet build -c Release src/RedisHaTui")),
        ("dotnet publish (ReadyToRun)", Require(Published, "dotnet publish src/RedisHaTui -o .app")),
        ("NativeAOT", Require(Native, "dotnet publish src/RedisHaTui -r linux-x64 -p:PublishAot=true -o .aot")),
    ];

    private static string Require(string path, string how) => File.Exists(path) ? path : throw new FileNotFoundException($"{path} missing: {how}");

    private static TmuxTerminal Launch(string labFile, params string[] extra) => LaunchApp(App, labFile, extra);

    internal static TmuxTerminal LaunchApp(string app, string labFile, params string[] extra) =>
        TmuxTerminal.Start(120, 40, [app, "--lab", labFile, .. extra]);

    /// <summary>Launch to the first frame with the panes drawn (the lab then starts behind it), JIT and ReadyToRun.</summary>
    public static async Task FirstFrame(int runs)
    {
        string appName = Environment.GetEnvironmentVariable("BENCH_APP") == "aot" ? "NativeAOT" : "dotnet publish (ReadyToRun)";
        foreach ((string name, string app) in new[] { ("dotnet build (JIT)", Built), (appName, App) })
            Console.WriteLine($"first frame after launch, {name} (tmux new-session → panes on screen): {Figures.Summary(await FirstFrames(app, runs), "ms", "0")}");
    }

    internal static async Task<List<double>> FirstFrames(string app, int runs)
    {
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            using var files = TempLab.Create();
            var clock = Stopwatch.StartNew();
            using TmuxTerminal t = LaunchApp(app, files.LabFile);
            await Until(t, s => s.Contains(" node1 :") && s.Contains(" sentinel3 :"), TimeSpan.FromSeconds(30), pollMs: 2);
            times.Add(clock.Elapsed.TotalMilliseconds);
            await Healthy(t);
            await Quit(t);
            await Task.Delay(1000); // the next launch must not share the cores with this one's exit
        }
        return times;
    }

    /// <summary>Key latency, idle CPU and peak memory at several loop rates, on the default lab.json (shifted ports).</summary>
    public static async Task LoopRates(int[] rates, int keyRuns)
    {
        foreach (int rate in rates)
        {
            using TmuxTerminal t = Launch(Path.Combine(Repo.Root, "lab.json"), "--port-offset", IdleBenchmark.PortOffset, "--Ui:IterationsPerSecond", rate.ToString());
            await Healthy(t);
            int pid = t.AppPid;
            await Task.Delay(TimeSpan.FromSeconds(10)); // warm-up: JIT, first polls
            var cpu = new List<double>();
            for (int i = 0; i < 3; i++) cpu.Add(await CpuPercent(pid, TimeSpan.FromSeconds(10)));
            List<double> help = await KeyLatencies(t, keyRuns);
            List<double> tab = await TabLatencies(t, keyRuns);
            Console.WriteLine($"loop {rate,3}/s  idle CPU (default lab, 10 s windows, % of one core): {Figures.Summary(cpu, "%", "0.0")}");
            Console.WriteLine($"loop {rate,3}/s  key ? → help on screen: {Figures.Summary(help, "ms", "0")} · Tab → selection moved: {Figures.Summary(tab, "ms", "0")}");
            Console.WriteLine($"loop {rate,3}/s  peak memory (VmHWM): {PeakMb(pid):0} MB");
            await Quit(t);
            using Process down = Process.Start(App, ["reset", "--lab", Path.Combine(Repo.Root, "lab.json"), "--port-offset", IdleBenchmark.PortOffset]);
            await down.WaitForExitAsync();
        }
    }

    /// <summary>A sentinel event (+sdown / -sdown of a paused replica) from its arrival at our own subscriber to its timeline row.</summary>
    public static async Task EventsAndExits(int runs)
    {
        using var files = TempLab.Create(downAfterMs: 1500);
        LabDefinition lab = files.Load();
        var run = new RunDirectory(lab);
        using TmuxTerminal t = Launch(files.LabFile);
        await Healthy(t);
        NodeDefinition node2 = lab.Nodes[1];

        await using ConnectionMultiplexer probe = await ConnectionMultiplexer.ConnectAsync(
            RedisHaTui.Core.Redis.RedisConnections.Options(lab.Sentinels[0].Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(1), sentinel: true));
        var arrivals = new System.Collections.Concurrent.ConcurrentQueue<(string Kind, long At)>();
        foreach (string kind in new[] { "+sdown", "-sdown" })
            (await probe.GetSubscriber().SubscribeAsync(RedisChannel.Literal(kind))).OnMessage(m =>
            {
                if (m.Message.ToString().Contains($":{node2.Port} ")) arrivals.Enqueue((kind, Stopwatch.GetTimestamp()));
            });

        var events = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            int pid = ExternalProcess.ReadPidFile(run.PidPath(node2))!.Value;
            events.Add(await EventOnScreen(t, arrivals, "+sdown", () => Signals.Send(pid, Signals.SIGSTOP)));
            events.Add(await EventOnScreen(t, arrivals, "-sdown", () => Signals.Send(pid, Signals.SIGCONT)));
        }
        Console.WriteLine($"sentinel event (+sdown/-sdown) arrival → timeline row on screen: {Figures.Summary(events, "ms", "0")}");

        var exits = new List<double>();
        t.Send("2"); // select node2: `s` restarts it after each kill
        for (int i = 0; i < runs; i++)
        {
            await Until(t, s => Badge(s, node2) == "REPLICA", TimeSpan.FromSeconds(30));
            int pid = ExternalProcess.ReadPidFile(run.PidPath(node2))!.Value;
            var clock = Stopwatch.StartNew();
            Signals.Send(pid, Signals.SIGKILL);
            await Until(t, s => Badge(s, node2) == "DOWN", TimeSpan.FromSeconds(5), pollMs: 1);
            exits.Add(clock.Elapsed.TotalMilliseconds);
            t.Send("s");
        }
        Console.WriteLine($"process exit (SIGKILL) → DOWN badge on screen: {Figures.Summary(exits, "ms", "0")}");
        await Until(t, s => Badge(s, node2) == "REPLICA", TimeSpan.FromSeconds(30));
        await Quit(t);
    }

    /// <summary>
    /// 10,000 log lines/s into node1's real log (DEBUG LOG, pipelined) for a while: how stale the newest line on
    /// screen is (its send time to the capture that shows it), how late a key's effect is, what it costs, and
    /// whether a line is lost on the way to the log file.
    /// </summary>
    /// <param name="extra">More arguments for the app (--no-record: the flood without the flight recorder).</param>
    public static async Task LogFlood(int seconds, params string[] extra)
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        using TmuxTerminal t = Launch(files.LabFile, extra);
        await Healthy(t);
        int app = t.AppPid;
        await using ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync(
            RedisHaTui.Core.Redis.RedisConnections.Options(lab.Nodes[0].Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(5), sentinel: false));
        IServer node1 = mux.GetServer("127.0.0.1", lab.Nodes[0].Port);
        string logFile = new RunDirectory(lab).LogPath(lab.Nodes[0]);
        int linesBefore = File.ReadLines(logFile).Count();

        using var stop = new CancellationTokenSource();
        long[] sentAt = new long[seconds * 12_000 + 100_000];
        long sent = 0;
        Task flood = Task.Run(async () =>
        {
            // 100 lines every 10 ms, paced against the clock so a slow tick is caught up, not dropped.
            var clock = Stopwatch.StartNew();
            while (!stop.IsCancellationRequested)
            {
                long due = Math.Min((long)(clock.Elapsed.TotalSeconds * 10_000), sentAt.Length - 1);
                var batch = new List<Task>();
                for (; sent < due; sent++)
                {
                    sentAt[sent] = Stopwatch.GetTimestamp();
                    batch.Add(node1.ExecuteAsync("DEBUG", "LOG", $"flood {sent}"));
                }
                await Task.WhenAll(batch);
                await Task.Delay(10);
            }
        });
        await Task.Delay(2000); // the flood's steady state
        TimeSpan cpu0 = CpuTime(app);
        long recorder0 = RecordingBenchmark.RecorderNs(app);
        var wall = Stopwatch.StartNew();
        var staleness = new List<double>();
        var keys = new List<double>();
        long sent0 = Volatile.Read(ref sent);
        while (wall.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            for (int i = 0; i < 10; i++)
            {
                string screen = t.Text;
                long captured = Stopwatch.GetTimestamp();
                long newest = FloodLine().Matches(screen).Select(m => long.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max();
                if (newest >= 0) staleness.Add(Stopwatch.GetElapsedTime(sentAt[newest], captured).TotalMilliseconds);
                await Task.Delay(50);
            }
            keys.Add((await KeyLatencies(t, 1))[0]);
        }
        double cpu = (CpuTime(app) - cpu0).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
        double recorder = (RecordingBenchmark.RecorderNs(app) - recorder0) / 1e6 / wall.Elapsed.TotalMilliseconds * 100;
        double rate = (Volatile.Read(ref sent) - sent0) / wall.Elapsed.TotalSeconds;
        stop.Cancel();
        await flood;
        await Task.Delay(1000);
        int written = File.ReadLines(logFile).Count(l => l.Contains("DEBUG LOG: flood ")) ;
        Console.WriteLine($"log flood: {rate:0} lines/s for {wall.Elapsed.TotalSeconds:0} s; {written} of {sent} lines in the log file");
        Console.WriteLine($"log flood: newest line on screen is {Figures.Summary(staleness, "ms", "0")} old · key ? → help {Figures.Summary(keys, "ms", "0")}");
        Console.WriteLine($"log flood{(extra.Length > 0 ? $" ({string.Join(' ', extra)})" : "")}: app CPU {cpu:0} % of one core (flight recorder thread {recorder:0.0} %) · peak memory (VmHWM) {PeakMb(app):0} MB");
        await Quit(t);
    }

    [GeneratedRegex(@"DEBUG LOG: flood (\d+)")]
    private static partial Regex FloodLine();

    private static async Task<double> EventOnScreen(TmuxTerminal t, System.Collections.Concurrent.ConcurrentQueue<(string Kind, long At)> arrivals, string kind, Action trigger)
    {
        HashSet<string> before = Rows(t.Text, kind);
        arrivals.Clear();
        trigger();
        long seen = 0;
        await Until(t, s =>
        {
            if (!Rows(s, kind).Except(before).Any()) return false;
            seen = Stopwatch.GetTimestamp();
            return true;
        }, TimeSpan.FromSeconds(15), pollMs: 1);
        var deadline = Stopwatch.StartNew();
        (string Kind, long At) arrival;
        while (!arrivals.TryPeek(out arrival) || arrival.Kind != kind)
        {
            if (arrivals.TryPeek(out arrival) && arrival.Kind != kind) arrivals.TryDequeue(out _);
            if (deadline.Elapsed > TimeSpan.FromSeconds(5)) throw new TimeoutException($"{kind} never reached our own subscriber");
            await Task.Delay(1);
        }
        return Stopwatch.GetElapsedTime(arrival.At, seen).TotalMilliseconds;
    }

    /// <summary>The timestamps of the timeline rows of one event kind ("06:18:58.474 +sdown replica …").</summary>
    private static HashSet<string> Rows(string screen, string kind) =>
        [.. TimelineRow().Matches(screen).Where(m => m.Groups[2].Value == kind).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"(\d\d:\d\d:\d\d\.\d{3}) ([+-][a-z-]+) ")]
    private static partial Regex TimelineRow();

    internal static async Task<List<double>> KeyLatencies(TmuxTerminal t, int runs)
    {
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            t.Send("?");
            await Until(t, s => s.Contains("╡keys╞"), TimeSpan.FromSeconds(5), pollMs: 1);
            times.Add(clock.Elapsed.TotalMilliseconds);
            t.Send("Escape");
            await Until(t, s => !s.Contains("╡keys╞"), TimeSpan.FromSeconds(5), pollMs: 1);
        }
        return times;
    }

    internal static async Task<List<double>> TabLatencies(TmuxTerminal t, int runs)
    {
        var times = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            string selected = ScreenText.SelectedTitle(t.Screen);
            var clock = Stopwatch.StartNew();
            t.Send("Tab");
            await Until(t, s => ScreenText.SelectedTitle(s.Split('\n')) != selected, TimeSpan.FromSeconds(5), pollMs: 1);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return times;
    }

    private static string? Badge(string screen, ProcessDefinition p) => ScreenText.Badge(screen.Split('\n'), p);

    internal static Task Healthy(TmuxTerminal t) => Until(t, s => s.Contains("│HEALTHY · master"), TimeSpan.FromSeconds(60));

    internal static async Task Quit(TmuxTerminal t)
    {
        t.Send("q");
        await Until(t, s => s.Contains("Enter/y quit"), TimeSpan.FromSeconds(5));
        t.Send("y");
        await Until(t, s => s.Contains("app exited with"), TimeSpan.FromSeconds(30));
    }

    internal static async Task Until(TmuxTerminal t, Func<string, bool> condition, TimeSpan timeout, int pollMs = 50)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string screen = t.Text;
            if (condition(screen)) return;
            if (clock.Elapsed > timeout) throw new TimeoutException($"not on screen within {timeout.TotalSeconds:0} s\n{screen}");
            await Task.Delay(pollMs);
        }
    }

    /// <param name="waitedChildren">Add the CPU of the children it has waited for (watch's redis-cli runs).</param>
    internal static TimeSpan CpuTime(int pid, bool waitedChildren = false)
    {
        // /proc/<pid>/stat fields 14-17: utime, stime, cutime, cstime in clock ticks (100 per second on Linux).
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        string[] f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        long ticks = long.Parse(f[11]) + long.Parse(f[12]) + (waitedChildren ? long.Parse(f[13]) + long.Parse(f[14]) : 0);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    internal static async Task<double> CpuPercent(int pid, TimeSpan window)
    {
        TimeSpan cpu0 = CpuTime(pid);
        var wall = Stopwatch.StartNew();
        await Task.Delay(window);
        return (CpuTime(pid) - cpu0).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
    }

    internal static double PeakMb(int pid)
    {
        string line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmHWM:"));
        return long.Parse(Regex.Match(line, @"\d+").Value) / 1024.0;
    }
}
