using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Benchmarks;

/// <summary>Issue 10 §4 at length: N failovers in a row and 50 restarts, the figures BENCHMARKS.md reports.</summary>
public static class SoakBenchmark
{
    public static async Task<bool> Run(int failovers)
    {
        Console.WriteLine($"soak: {failovers} failovers (SENTINEL FAILOVER, kill -9 + start, SIGSTOP + SIGCONT in turn), a sentinel stopped and started " +
            "between two, then 50 restarts; down-after 1500 ms; a plain writer at 5 writes/s");
        SoakReport r = await SoakRunner.RunAsync(new SoakOptions { Failovers = failovers, Restarts = 50, Progress = Console.WriteLine });

        Console.WriteLine();
        Console.WriteLine($"took {r.Duration.TotalMinutes:0.0} min");
        Console.WriteLine($"RSS after each failover (MB): {string.Join(" ", r.Failovers.Select(f => (f.Process.RssBytes / 1048576.0).ToString("0.0")))}");
        if (r.Failovers.Count > 0)
        {
            Console.WriteLine($"RSS after failover: {Figures.Summary([.. r.Failovers.Select(f => f.Process.RssBytes / 1048576.0)], "MB", "0.0")}; " +
                $"{(r.RssGrowth() is { } grew ? "NOT FLAT: " + grew : "flat: within 10 % of the figure after failover #5")}");
            Console.WriteLine($"managed heap after failover: {Figures.Summary([.. r.Failovers.Select(f => f.Process.ManagedHeapBytes / 1048576.0)], "MB", "0.0")}");
            Console.WriteLine($"threads after failover: {Figures.Summary([.. r.Failovers.Select(f => (double)f.Process.Threads)], "", "0")}; " +
                $"sockets: {Figures.Summary([.. r.Failovers.Select(f => (double)f.Process.Sockets)], "", "0")}");
            foreach (var kind in r.Failovers.GroupBy(f => f.Kind))
            {
                Console.WriteLine($"{kind.Key}: new master agreed {Figures.Summary([.. kind.Select(f => f.AgreedSeconds)], "s")}; " +
                    $"healthy again (old master linked as replica) {Figures.Summary([.. kind.Select(f => f.HealthySeconds)], "s")}");
            }
            Console.WriteLine($"connections (session's multiplexers) after each failover: {string.Join(",", r.Failovers.Select(f => f.Counters.Connections).Distinct())}; " +
                $"subscriptions: {string.Join(",", r.Failovers.Select(f => f.Counters.Subscriptions).Distinct())}; " +
                $"live multiplexers: {string.Join(",", r.Failovers.Select(f => f.Counters.LiveMultiplexers).Distinct())}; " +
                $"store handlers: {string.Join(",", r.Failovers.Select(f => f.Counters.ChangedHandlers).Distinct())}");
        }
        if (r.SentinelBounceSeconds.Count > 0) Console.WriteLine($"sentinel stop + start to healthy: {Figures.Summary(r.SentinelBounceSeconds, "s")}");
        if (r.RestartSeconds.Count > 0) Console.WriteLine($"restart to healthy: {Figures.Summary(r.RestartSeconds, "s")}");
        Console.WriteLine($"before the restarts: {r.BeforeChurn}; sockets {r.ProcessBeforeChurn?.Sockets}, threads {r.ProcessBeforeChurn?.Threads}");
        Console.WriteLine($"after {r.RestartSeconds.Count} restarts: {r.AfterChurn}; sockets {r.ProcessAfterChurn?.Sockets}, threads {r.ProcessAfterChurn?.Threads}");
        Console.WriteLine($"timeline: at most {r.TimelineMax} entries (bound Ui:TimelineLines {r.TimelineLines}); failover records {r.FailoverRecords}");
        Console.WriteLine($"writer: {r.WriterAcks} acknowledged, errors {string.Join(", ", r.WriterErrors.Select(e => $"{e.Key} {e.Value}"))}");
        Console.WriteLine($"exceptions escaping actions: {r.ActionExceptions.Count}; unobserved task exceptions: {r.UnobservedExceptions.Count} {string.Join(",", r.UnobservedExceptions.Distinct())}");
        string? rss = r.Failovers.Count >= 6 ? r.RssGrowth() : null;
        foreach (string failure in r.Failures.Append(rss).OfType<string>()) Console.WriteLine($"FAILED: {failure}");
        return r.Ok && rss is null;
    }
}
