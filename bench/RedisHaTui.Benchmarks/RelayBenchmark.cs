using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// The partition relay's own cost (issue 15: added latency per write at 1,000 writes/s, goal ≤ 0.2 ms median; CPU):
/// a lab with partitions on runs in this process, relay included. One client writes RPUSH at 1,000/s and times each
/// round trip, alternately straight to the master's own port and through the relay from client A's address; the
/// difference of the medians is what the relay adds. CPU: this process's CPU time during each kind of run (the lab's
/// processes are children and not counted), so the difference is the relay's forwarding.
/// </summary>
public static class RelayBenchmark
{
    public static async Task Run(int runs, TimeSpan duration, int rate = 1000)
    {
        using var files = TempLab.Create(downAfterMs: 5000, edit: TempLab.Partitions);
        LabDefinition lab = files.Load();
        await using LabSession session = await LabSession.OpenAsync(lab);
        await session.StartLabAsync();
        NodeDefinition master = lab.InitialMaster;
        var straight = new IPEndPoint(master.Endpoint.Address, master.Port);
        var relay = new IPEndPoint(lab.Network.Reach(master).Address, master.Port);
        var fromA = new IPEndPoint(lab.Network.Member("A")!.Address, 0);
        var direct = new List<double>();
        var relayed = new List<double>();
        var added = new List<double>();
        var cpuDirect = new List<double>();
        var cpuRelayed = new List<double>();
        for (int i = 0; i < runs; i++)
        {
            (double d, double dc) = Paced(straight, null, rate, duration);
            (double r, double rc) = Paced(relay, fromA, rate, duration);
            direct.Add(d * 1000);
            relayed.Add(r * 1000);
            added.Add((r - d) * 1000);
            cpuDirect.Add(dc);
            cpuRelayed.Add(rc);
        }
        Console.WriteLine($"write round trip at {rate}/s, median per run: direct {Figures.Summary(direct, "µs", "0")} · through the relay {Figures.Summary(relayed, "µs", "0")}");
        Console.WriteLine($"relay adds per write (median of each run, relayed − direct): {Figures.Summary(added, "µs", "0")}");
        Console.WriteLine($"this process's CPU at {rate}/s: direct {Figures.Summary(cpuDirect, "% of a core", "0.0")} · through the relay {Figures.Summary(cpuRelayed, "% of a core", "0.0")}");
    }

    /// <summary>RPUSH at <paramref name="rate"/> per second for a while; returns the median round trip (ms) and this process's CPU (% of a core).</summary>
    private static (double MedianMs, double CpuPercent) Paced(IPEndPoint to, IPEndPoint? from, int rate, TimeSpan duration)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (from is not null) socket.Bind(from);
        socket.Connect(to);
        byte[] reply = new byte[64];
        var times = new List<double>(rate * (int)duration.TotalSeconds);
        string key = $"relay-bench:{Guid.NewGuid():N}";
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        long total = (long)(rate * duration.TotalSeconds);
        for (long n = 1; n <= total; n++)
        {
            // Paced by schedule: write n is due n/rate s after the start; sleep the gaps, never spin a core.
            double due = (double)n / rate - Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (due > 0.002) Thread.Sleep(TimeSpan.FromSeconds(due - 0.001));
            byte[] command = Encoding.ASCII.GetBytes($"*3\r\n$5\r\nRPUSH\r\n${key.Length}\r\n{key}\r\n${n.ToString().Length}\r\n{n}\r\n");
            long sent = Stopwatch.GetTimestamp();
            socket.Send(command);
            int got = 0;
            while (got == 0 || reply[got - 1] != '\n') got += socket.Receive(reply, got, reply.Length - got, SocketFlags.None);
            times.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            if (reply[0] != ':') throw new InvalidOperationException($"RPUSH answered {Encoding.ASCII.GetString(reply, 0, got)}");
        }
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / wall * 100;
        times.Sort();
        return (times[times.Count / 2], cpu);
    }
}
