using System.Diagnostics;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Recording;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// Issue 16 §5: opening a one-hour recording, and seeking anywhere in it to a full redraw of the screen (the reader's
/// SnapshotAt, the logs at that moment, the store update, and one full layout + draw of the MainWindow, headless).
/// The hour is written by the recorder's own writer: the snapshot stories' random walk of real changes (about two a
/// second, a 500-line timeline), and five processes' log lines (one every two seconds each).
/// </summary>
public static class ReplayBenchmark
{
    public static void Run(int runs)
    {
        string folder = Directory.CreateTempSubdirectory("replay-bench-").FullName;
        try
        {
            string path = Path.Combine(folder, RecordingFormat.DefaultFileName);
            (int snapshots, int lines) = WriteHour(path);
            Console.WriteLine($"one hour: {snapshots} snapshot changes, {lines} log lines, {new FileInfo(path).Length / 1024.0 / 1024.0:0.0} MB");

            var opens = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                using RecordingReader r = RecordingReader.Open(path);
                opens.Add(clock.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"open (index) a one-hour recording: {Figures.Summary(opens, "ms", "0.0")}");

            using RecordingReader reader = RecordingReader.Open(path);
            var random = new Random(16);
            var reads = new List<double>();
            for (int i = 0; i < 200; i++)
            {
                DateTimeOffset at = reader.Start + (reader.End - reader.Start) * random.NextDouble();
                var clock = Stopwatch.StartNew();
                reader.SnapshotAt(at);
                reads.Add(clock.Elapsed.TotalMilliseconds);
            }
            Console.WriteLine($"SnapshotAt, a random moment (200 seeks): {Figures.Summary(reads, "ms")}");
            foreach ((int w, int h) in new[] { (120, 40), (160, 45) }) SeekAndRedraw(reader, w, h);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int Snapshots, int Lines) WriteHour(string path)
    {
        using var writer = new RecordingWriter(File.Create(path), RecordingFiles.Header());
        int snapshots = 0, lines = 0;
        DateTimeOffset nextLine = SnapshotStories.T0;
        string[] processes = [.. SnapshotStories.Lab.Processes.Select(p => p.Name)];
        foreach (LabSnapshot s in SnapshotStories.Walk(16, 7400, timelineMax: 500))
        {
            if (s.At > SnapshotStories.T0.AddHours(1)) break;
            if (writer.Snapshot(s)) snapshots++;
            for (; nextLine <= s.At; nextLine = nextLine.AddSeconds(2.0 / processes.Length), lines++)
                writer.Log(processes[lines % processes.Length], nextLine, $"1:M 07 Dec 2026 {nextLine:HH:mm:ss.fff} * Background saving started by pid {lines}, a line as Redis writes it");
        }
        writer.End(SnapshotStories.T0.AddHours(1));
        return (snapshots, lines);
    }

    /// <summary>A seek anywhere, then what the screen does for it: the logs' redraw (Tick) and one full layout and draw.</summary>
    private static void SeekAndRedraw(IRecording recording, int width, int height)
    {
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1"); // headless: the driver draws into its buffer only
        IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        try
        {
            app.Driver!.SetScreenSize(width, height);
            var session = new ReplaySession(new Unowned(recording), new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
            using var window = new MainWindow(app, session, Theme.Default, TimeZoneInfo.Utc);
            SessionToken token = app.Begin(window)!;
            var random = new Random(width);
            List<double>? moves = null, draws = null;
            for (int i = 0; i < 20; i++) Seek(); // warm-up
            var seeks = new List<double>();
            moves = [];
            draws = [];
            for (int i = 0; i < 200; i++) seeks.Add(Seek());
            app.End(token);
            Console.WriteLine($"seek anywhere + full redraw at {width}x{height} (headless, 200 seeks): {Figures.Summary(seeks, "ms")}");
            Console.WriteLine($"  of which the seek (snapshot, logs, store): {Figures.Summary(moves, "ms")}; the full layout + draw: {Figures.Summary(draws, "ms")}");

            double Seek()
            {
                DateTimeOffset at = recording.Start + (recording.End - recording.Start) * random.NextDouble();
                var clock = Stopwatch.StartNew();
                session.Player.SeekTo(at);
                double moved = clock.Elapsed.TotalMilliseconds;
                window.Tick();
                window.SetNeedsLayout();
                app.LayoutAndDraw(forceRedraw: true);
                double total = clock.Elapsed.TotalMilliseconds;
                moves?.Add(moved);
                draws?.Add(total - moved);
                return total;
            }
        }
        finally
        {
            app.Dispose();
            Environment.SetEnvironmentVariable("DisableRealDriverIO", null);
        }
    }

    /// <summary>The reader lent to a session that must not close it: the benchmark reads it again at another size.</summary>
    private sealed class Unowned(IRecording inner) : IRecording
    {
        public RecordingHeader Header => inner.Header;
        public DateTimeOffset Start => inner.Start;
        public DateTimeOffset End => inner.End;
        public IReadOnlyList<DateTimeOffset> Moments => inner.Moments;
        public IReadOnlyList<RecordingMark> Marks => inner.Marks;
        public LabSnapshot SnapshotAt(DateTimeOffset at) => inner.SnapshotAt(at);
        public IReadOnlyList<RecordedLogLine> LogAt(string process, DateTimeOffset at, int count) => inner.LogAt(process, at, count);
        public string? Problem => inner.Problem;
        public bool Refresh() => inner.Refresh();
        public bool Finished => inner.Finished;
        public void Dispose() { }
    }
}
