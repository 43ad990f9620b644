using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using RedisHaTui.Core.Sharing;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// Issue 16 §5, follow: a recording appended at a steady rate, served by the share server (this process: the
/// presenter's side) to 30 followers in a child process (their own CPU apart), each copying the stream into a local
/// file as `follow URL` does. Latency: from the moment a line is written to the recording until it is in a
/// follower's copy (both processes read the same monotonic clock). CPU: this process while it writes and serves,
/// against the same with no follower.
/// </summary>
public static class FollowBenchmark
{
    private const string Stamp = "stamp ";

    public static async Task Run(int followers, TimeSpan window, int[] rates)
    {
        foreach (int rate in rates)
        {
            (double idleCpu, _) = await Serve(0, rate, window);
            (double cpu, IReadOnlyList<double> latency) = await Serve(followers, rate, window);
            Console.WriteLine($"follow, {rate} lines/s, {followers} followers: line written → in a follower's copy {Figures.Summary(latency, "ms", "0.0")} " +
                $"(p99 {Percentile(latency, 0.99):0.0} ms) · presenter side CPU {cpu:0.00} % of a core (no follower: {idleCpu:0.00} %)");
        }
    }

    private static async Task<(double Cpu, IReadOnlyList<double> Latency)> Serve(int followers, int rate, TimeSpan window)
    {
        string dir = Directory.CreateTempSubdirectory("follow-bench-").FullName;
        string file = Path.Combine(dir, "session.rec.ndjson");
        try
        {
            await using var writer = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
            Write(writer, "{\"t\":0,\"k\":\"h\",\"n\":0,\"h\":{\"formatVersion\":1}}");
            await using ShareServer server = ShareServer.Start(file, new ShareAddress(IPAddress.Loopback, 0));
            Process? child = null;
            if (followers > 0)
            {
                child = Process.Start(new ProcessStartInfo("dotnet", [typeof(FollowBenchmark).Assembly.Location, "follow-clients", server.Url.ToString(), followers.ToString(), dir])
                    { RedirectStandardOutput = true })!;
                string? ready;
                do ready = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                while (ready is not null && ready.StartsWith('#')); // the benchmark's own heading line
                if (ready != "ready") throw new InvalidOperationException($"the followers did not start: {ready}");
            }
            // A line of a log: about the size of a sentinel's, stamped with the monotonic clock.
            TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var wall = Stopwatch.StartNew();
            long sent = 0;
            while (wall.Elapsed < window)
            {
                long due = (long)(wall.Elapsed.TotalSeconds * rate);
                for (; sent < due; sent++)
                    Write(writer, $"{{\"t\":{sent},\"k\":\"l\",\"p\":\"sentinel1\",\"x\":\"{Stamp}{Stopwatch.GetTimestamp()} 12345:X 07 Dec 2026 10:00:00.000 # +sdown master myMaster 127.0.0.1 7001\"}}");
                await Task.Delay(5);
            }
            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
            Write(writer, "{\"t\":0,\"k\":\"e\"}");
            if (child is null) return (cpu, []);
            string figures = await child.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(120));
            await child.WaitForExitAsync();
            return (cpu, [.. figures.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(double.Parse)]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void Write(FileStream writer, string line) => writer.Write(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>The child: N followers of URL; prints "ready" once all are connected, then every latency (ms) after the end line.</summary>
    public static async Task Clients(Uri url, int count, string dir)
    {
        var latencies = new ConcurrentBag<double>();
        var done = new CountdownEvent(count);
        var followers = new List<SharedRecordingDownload>();
        for (int i = 0; i < count; i++)
        {
            SharedRecordingDownload f = await SharedRecordingDownload.StartAsync(url, Path.Combine(dir, $"copy{i}.ndjson"));
            f.LineWritten += line =>
            {
                long now = Stopwatch.GetTimestamp();
                int at = line.IndexOf(Stamp, StringComparison.Ordinal);
                if (at >= 0)
                {
                    int end = line.IndexOf(' ', at + Stamp.Length);
                    latencies.Add(Stopwatch.GetElapsedTime(long.Parse(line.AsSpan(at + Stamp.Length, end - at - Stamp.Length)), now).TotalMilliseconds);
                }
                else if (line.Contains("\"k\":\"e\"")) done.Signal();
            };
            followers.Add(f);
        }
        Console.WriteLine("ready");
        done.Wait(TimeSpan.FromMinutes(2));
        foreach (SharedRecordingDownload f in followers) await f.DisposeAsync();
        Console.WriteLine(string.Join('\n', latencies.Select(l => l.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture))));
    }

    private static double Percentile(IReadOnlyList<double> values, double p)
    {
        double[] v = [.. values.Order()];
        return v[(int)Math.Min(v.Length - 1, Math.Ceiling(p * v.Length) - 1)];
    }
}
