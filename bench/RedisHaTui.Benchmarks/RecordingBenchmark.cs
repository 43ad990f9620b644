using System.Diagnostics;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;
using static RedisHaTui.Benchmarks.ScreenBenchmarks;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// Issue 16's recorder figures: what recording costs the screen (its writer thread, by name, against the whole app),
/// idle and during the log flood, and how fast a one-hour recording opens and seeks.
/// </summary>
public static class RecordingBenchmark
{
    /// <summary>The writer thread's CPU time, ns, from schedstat (nanoseconds; /proc's stat counts 10 ms ticks).</summary>
    internal static long RecorderNs(int pid)
    {
        long total = 0;
        foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
        {
            try
            {
                if (File.ReadAllText(Path.Combine(task, "comm")).Trim() != FlightRecorder.ThreadName) continue;
                total += long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0]);
            }
            catch (IOException) { }
        }
        return total;
    }

    internal static long ProcessNs(int pid) => (long)CpuTime(pid).TotalMilliseconds * 1_000_000;

    /// <summary>The default lab's screen idle, recording: the writer thread's share of a core and the whole app's, per window.</summary>
    public static async Task Idle(int windows, TimeSpan window)
    {
        string lab = Path.Combine(Repo.Root, "lab.json");
        string file = Path.Combine(Path.GetTempPath(), $"bench-idle-{Environment.ProcessId}.rec.ndjson");
        using TmuxTerminal t = LaunchApp(App, lab, "--port-offset", IdleBenchmark.PortOffset, "--record", file);
        await Healthy(t);
        int pid = t.AppPid;
        await Task.Delay(TimeSpan.FromSeconds(20));
        var recorder = new List<double>();
        var app = new List<double>();
        for (int i = 0; i < windows; i++)
        {
            long r0 = RecorderNs(pid), a0 = ProcessNs(pid);
            var wall = Stopwatch.StartNew();
            await Task.Delay(window);
            double ns = wall.Elapsed.TotalMilliseconds * 1_000_000;
            recorder.Add((RecorderNs(pid) - r0) / ns * 100);
            app.Add((ProcessNs(pid) - a0) / ns * 100);
        }
        Console.WriteLine($"recording idle: writer thread {Figures.Summary(recorder, "% of one core", "0.000")} · whole app {Figures.Summary(app, "%", "0.00")} ({window.TotalSeconds:0} s windows)");
        await Quit(t);
        using Process reset = Process.Start(App, ["reset", "--lab", lab, "--port-offset", IdleBenchmark.PortOffset]);
        await reset.WaitForExitAsync();
        foreach (string f in RecordingSegments.Of(file)) File.Delete(f);
    }

    /// <summary>
    /// A one-hour recording made from a real one (cut from a session of some minutes and laid end to end through the
    /// real writer, its times moved on), then opened and sought in: open time, SnapshotAt at random times.
    /// </summary>
    public static void OpenAndSeek(string source, int runs)
    {
        string hour = Path.Combine(Path.GetTempPath(), $"bench-hour-{Environment.ProcessId}.rec.ndjson");
        (long bytes, TimeSpan span) = MakeHour(source, hour);
        Console.WriteLine($"one-hour recording from {Path.GetFileName(source)}: {bytes / 1e6:0.0} MB for {span.TotalMinutes:0} min");
        var open = new List<double>();
        var seek = new List<double>();
        var random = new Random(16);
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            using RecordingReader reader = RecordingReader.Open(hour);
            open.Add(clock.Elapsed.TotalMilliseconds);
            for (int j = 0; j < 20; j++)
            {
                DateTimeOffset at = reader.Start + (reader.End - reader.Start) * random.NextDouble();
                clock.Restart();
                LabSnapshot s = reader.SnapshotAt(at);
                seek.Add(clock.Elapsed.TotalMilliseconds);
                // Before the first snapshot (log lines can come first) the first one is the answer; else never a later one.
                if (s.At > at && at.ToUnixTimeMilliseconds() > s.At.ToUnixTimeMilliseconds() && reader.SnapshotAt(reader.Start).Version != s.Version)
                    throw new InvalidOperationException($"a snapshot of {s.At:HH:mm:ss.fff} asked at {at:HH:mm:ss.fff}");
            }
        }
        Console.WriteLine($"open a one-hour recording: {Figures.Summary(open, "ms", "0.0")}");
        Console.WriteLine($"SnapshotAt anywhere in it (random times, a fresh reader each 20): {Figures.Summary(seek, "ms", "0.00")}");
        foreach (string f in RecordingSegments.Of(hour)) File.Delete(f);
    }

    /// <summary>Lays a real recording's snapshots and log lines end to end, times moved on, until an hour is written.</summary>
    private static (long Bytes, TimeSpan Span) MakeHour(string source, string hour)
    {
        using RecordingReader reader = RecordingReader.Open(source);
        var snapshots = new List<LabSnapshot>();
        foreach (DateTimeOffset at in reader.Moments)
        {
            LabSnapshot s = reader.SnapshotAt(at);
            if (snapshots.Count == 0 || snapshots[^1].Version != s.Version) snapshots.Add(s);
        }
        var lines = reader.Header.Lab.Processes
            .SelectMany(p => reader.LogAt(p.Name, reader.End, int.MaxValue).Select(l => (Process: p.Name, l.At, l.Text)))
            .OrderBy(l => l.At).ToList();
        TimeSpan span = reader.End - reader.Start;
        long versions = snapshots[^1].Version + 1;
        using var writer = new RecordingWriter(File.Create(hour), reader.Header with { StartedAt = reader.Start });
        for (int cycle = 0; span * cycle < TimeSpan.FromHours(1); cycle++)
        {
            TimeSpan shift = span * cycle;
            int l = 0;
            foreach (LabSnapshot s in snapshots)
            {
                for (; l < lines.Count && lines[l].At <= s.At; l++) writer.Log(lines[l].Process, lines[l].At + shift, lines[l].Text);
                writer.Snapshot(s with { At = s.At + shift, Version = s.Version + versions * cycle });
            }
        }
        writer.End(reader.Start + TimeSpan.FromHours(1));
        writer.Flush();
        return (new FileInfo(hour).Length, span);
    }
}
