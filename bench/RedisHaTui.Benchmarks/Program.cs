using System.Diagnostics;
using RedisHaTui.Benchmarks;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using StackExchange.Redis;

// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- [ready|events|exit|cpu|core|frame|keys|screen-events|flood|screen|all] [runs]
// Recording (issue 16): record-idle [windows] · record-flood [pairs] · record-seek [runs] FILE (a real recording of some minutes)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- builds|scale|tutorial [runs]   (issue 9; builds needs .app and .aot)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- scale-poll        (the 15-process lab's poll cycle alone)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- load [runs]        (issue 8's write load: writer pace, app CPU, keys; not part of `all`)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- sleep [windows] | ten [screens]   (issue 18: sleeping vs polling; BENCH_APP picks the build)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- relay [runs]       (issue 15's partition relay: added latency per write at 1,000/s, CPU; not part of `all`)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- soak [failovers]   (default 30; not part of `all`: ~10 min)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- drill [rounds]     (issue 17: status --wait-failover-ready + failover; default 12, ~6 min)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- replay [runs]     (issue 16: open a one-hour recording, seek + full redraw; not part of `all`)
// dotnet run -c Release --project bench/RedisHaTui.Benchmarks -- follow [followers] (issue 16: a line written → in 30 followers' copies; presenter-side CPU)
// The screen ones run the Release app in tmux (installed with the machine, as for the end-to-end test).
string which = args.ElementAtOrDefault(0) ?? "all";
int runs = int.TryParse(args.ElementAtOrDefault(1), out int r) ? r : 10;
Console.WriteLine($"# {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {Environment.OSVersion} · .NET {Environment.Version}");

if (which is "ready" or "core" or "all") await Ready(runs);
if (which is "events" or "core" or "all") await EventLatency();
if (which is "exit" or "core" or "all") await ExitLatency(runs);
if (which is "cpu" or "core" or "all") await MonitoringCpu();
if (which is "frame" or "screen" or "all") await ScreenBenchmarks.FirstFrame(runs);
if (which is "keys" or "screen" or "all") await ScreenBenchmarks.LoopRates([10, 20, 30, 60], keyRuns: 20);
if (which is "screen-events" or "screen" or "all") await ScreenBenchmarks.EventsAndExits(runs);
if (which is "flood" or "screen" or "all") await ScreenBenchmarks.LogFlood(seconds: 10);
if (which is "builds") await BuildsBenchmark.Run(runs);
if (which is "idle")
{
    // One build (BENCH_APP=jit|r2r|aot) idle on the default lab, `runs` windows of 10 s: for trying one knob at a time.
    (List<double> cpu, double rss) = await BuildsBenchmark.Idle(ScreenBenchmarks.App, runs, [.. args.Skip(2)]);
    Console.WriteLine($"idle CPU ({ScreenBenchmarks.App}): {Figures.Summary(cpu, "%", "0.00")} · peak RSS {rss:0} MB");
}
if (which is "record-idle") await RecordingBenchmark.Idle(runs, TimeSpan.FromSeconds(30));
// Alternating, each pair in the other order: the second flood of a pair runs beside the first lab's teardown.
if (which is "record-flood")
    for (int i = 0; i < runs; i++)
        foreach (string[] extra in i % 2 == 0 ? new[] { new[] { "--no-record" }, [] } : [[], ["--no-record"]])
            await ScreenBenchmarks.LogFlood(seconds: 10, extra);
if (which is "record-seek") RecordingBenchmark.OpenAndSeek(args.ElementAtOrDefault(2) ?? throw new ArgumentException("record-seek RUNS FILE: a real recording to lay end to end"), runs);
if (which is "sleep") await IdleBenchmark.Compare(ScreenBenchmarks.App, windows: runs, keyRuns: 20);
if (which is "ten") await TenScreensBenchmark.Run(ScreenBenchmarks.App, screens: runs, windows: 3);
if (which is "scale") await ScaleBenchmark.Run(runs);
if (which is "scale-poll") await ScaleBenchmark.Run(1, pollOnly: true);
if (which is "tutorial") await TutorialWayBenchmark.Run(runs);
if (which is "load" or "load-writer") await LoadBenchmark.Throughput([100, 1000, 2000], int.TryParse(args.ElementAtOrDefault(1), out int lr) ? lr : 3, TimeSpan.FromSeconds(10));
if (which is "load" or "load-screen") await ScreenBenchmarks.WriteLoad([100, 1000], keyRuns: 20);
if (which is "drill") Environment.ExitCode = await FailoverDrillBenchmark.Run(int.TryParse(args.ElementAtOrDefault(1), out int d) ? d : 12) ? 0 : 1;
if (which is "relay") await RelayBenchmark.Run(int.TryParse(args.ElementAtOrDefault(1), out int rr) ? rr : 5, TimeSpan.FromSeconds(10));
if (which is "replay") ReplayBenchmark.Run(runs);
if (which is "follow") await FollowBenchmark.Run(int.TryParse(args.ElementAtOrDefault(1), out int fw) ? fw : 30, TimeSpan.FromSeconds(20), [100, 1000, 10_000]);
if (which is "follow-clients") { await FollowBenchmark.Clients(new Uri(args[1]), int.Parse(args[2]), args[3]); return; }
if (which is "soak") Environment.ExitCode = await SoakBenchmark.Run(int.TryParse(args.ElementAtOrDefault(1), out int f) ? f : 30) ? 0 : 1;

// The ordered start: OpenAsync (preflight) + StartLabAsync, until every sentinel agrees — what `up` waits for.
static async Task Ready(int runs)
{
    var times = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        using var files = TempLab.Create(downAfterMs: 5000);
        LabDefinition lab = files.Load();
        var clock = Stopwatch.StartNew();
        await using LabSession session = await LabSession.OpenAsync(lab);
        await session.StartLabAsync();
        times.Add(clock.Elapsed.TotalSeconds);
    }
    Console.WriteLine($"lab ready (2 nodes + 3 sentinels, ordered start): {Figures.Summary(times, "s")}");
}

// A sentinel event seen by a plain subscriber of our own vs. the moment the store publishes it.
static async Task EventLatency()
{
    using var files = TempLab.Create();
    LabDefinition lab = files.Load();
    await using LabSession session = await LabSession.OpenAsync(lab);
    await session.StartLabAsync();
    await session.Monitor.FirstRead;
    await session.Monitor.Subscribed; // every sentinel's events reach the store from here on

    var arrived = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
    var stored = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
    SentinelDefinition s1 = lab.Sentinels[0];
    await using var probe = await ConnectionMultiplexer.ConnectAsync(RedisHaTui.Core.Redis.RedisConnections.Options(s1.Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(1), sentinel: true));
    ChannelMessageQueue queue = await probe.GetSubscriber().SubscribeAsync(RedisChannel.Literal("+set"));
    queue.OnMessage(m => arrived.TryAdd(m.Message.ToString(), Stopwatch.GetTimestamp()));
    session.Store.Changed += snap =>
    {
        TimelineEntry? last = snap.Timeline.LastOrDefault();
        if (last is { Name: "+set" }) stored.TryAdd(last.Text, Stopwatch.GetTimestamp());
    };
    IServer server = probe.GetServer("127.0.0.1", s1.Port);
    for (int i = 0; i < 200; i++)
    {
        await server.ExecuteAsync("SENTINEL", "SET", lab.MasterName, "down-after-milliseconds", (5000 + i).ToString());
        await Task.Delay(10);
    }
    await Task.Delay(1000);
    var latencies = new List<double>();
    foreach ((string payload, long at) in arrived)
        if (stored.FirstOrDefault(kv => kv.Key.EndsWith(payload, StringComparison.Ordinal)) is { Key: not null } hit)
            latencies.Add(Stopwatch.GetElapsedTime(at, hit.Value).TotalMilliseconds); // negative: ours came first
    Console.WriteLine($"sentinel event → snapshot (vs. a plain subscriber): {Figures.Summary(latencies, "ms", "0.000")}");
}

// SIGKILL of a node to the snapshot saying it exited.
static async Task ExitLatency(int runs)
{
    using var files = TempLab.Create();
    LabDefinition lab = files.Load();
    await using LabSession session = await LabSession.OpenAsync(lab);
    await session.StartLabAsync();
    var latencies = new List<double>();
    for (int i = 0; i < runs; i++)
    {
        var seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChange(LabSnapshot s) { if (s.Node("node2")!.Process.State == ProcessState.Exited) seen.TrySetResult(Stopwatch.GetTimestamp()); }
        session.Store.Changed += OnChange;
        long killed = Stopwatch.GetTimestamp();
        Signals.Send(session.Supervisor!["node2"].Status.Pid!.Value, Signals.SIGKILL);
        long at = await seen.Task.WaitAsync(TimeSpan.FromSeconds(5));
        session.Store.Changed -= OnChange;
        latencies.Add(Stopwatch.GetElapsedTime(killed, at).TotalMilliseconds);
        await session.Supervisor.StartAsync("node2");
        await Task.Delay(500);
    }
    Console.WriteLine($"process exit → snapshot: {Figures.Summary(latencies, "ms")}");
}

// The monitor alone (attached) watching a running lab at the default 1 s polling, 60 s.
static async Task MonitoringCpu()
{
    using var files = TempLab.Create();
    LabDefinition lab = files.Load("--Monitor:PollIntervalMilliseconds", "1000");
    await using LabSession owner = await LabSession.OpenAsync(lab);
    await owner.StartLabAsync();
    await owner.Monitor.DisposeAsync(); // only the watcher below polls
    await Task.Delay(TimeSpan.FromSeconds(5));
    var baseline = new List<double>();
    for (int i = 0; i < 3; i++) baseline.Add(await CpuPercent(TimeSpan.FromSeconds(10)));
    Console.WriteLine($"baseline (lab running, nothing polling; the process that started it, % of one core): {Figures.Summary(baseline, "%", "0.000")}");
    var samples = new List<double>();
    await using (LabSession watcher = LabSession.Attach(lab))
    {
        await watcher.Monitor.FirstRead;
        await Task.Delay(TimeSpan.FromSeconds(10)); // warm-up: JIT and first connections are not the steady state
        for (int i = 0; i < 6; i++) samples.Add(await CpuPercent(TimeSpan.FromSeconds(10)));
    }
    Console.WriteLine($"monitoring CPU at 1 s polling (5 processes, 10 s windows, % of one core): {Figures.Summary(samples, "%", "0.000")}");
}

static async Task<double> CpuPercent(TimeSpan window)
{
    TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    await Task.Delay(window);
    return (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
}
