using System.Diagnostics;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// Issue 17's done-when, as a user's drill script runs it: `status --wait-failover-ready` then `failover`, N rounds in
/// a row, each a separate run of the app (the build in src/RedisHaTui/bin/Release), on the tutorial's lab (two nodes,
/// three sentinels, down-after 5000). Counts every refusal by Sentinel's word; NOGOODSLAVE must never come.
/// </summary>
public static class FailoverDrillBenchmark
{
    private static string App => Path.Combine(Repo.Root, "src", "RedisHaTui", "bin", "Release", "net10.0", "redis-ha-tui");

    public static async Task<bool> Run(int rounds)
    {
        if (!File.Exists(App)) throw new FileNotFoundException($"{App} missing: dotnet build -c Release src/RedisHaTui");
        using var files = TempLab.Create(downAfterMs: 5000);
        LabDefinition lab = files.Load();
        await using LabSession session = await LabSession.OpenAsync(lab);
        await session.StartLabAsync();
        Console.WriteLine($"failover drill: {rounds} rounds of `status --wait-failover-ready 120` + `failover`, 2 nodes + 3 sentinels, down-after 5000 ms");

        var waits = new List<double>();
        var failovers = new List<double>();
        var outcomes = new Dictionary<string, int>();
        for (int i = 1; i <= rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            (int readyCode, string ready) = await RunAsync("status", "--lab", files.LabFile, "--wait-failover-ready", "120");
            waits.Add(clock.Elapsed.TotalSeconds);
            clock.Restart();
            (int code, string output) = await RunAsync("failover", "--lab", files.LabFile);
            failovers.Add(clock.Elapsed.TotalSeconds);
            string outcome = code == 0 ? "ok" : Refusal(output);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            Console.WriteLine($"round {i}: ready exit {readyCode} after {waits[^1]:0.0} s ({ready.Split('\n').FirstOrDefault(l => l.StartsWith("failover:"))?.Trim()}); " +
                $"failover {outcome} in {failovers[^1]:0.0} s{(code == 0 ? "" : ": " + output.Trim())}");
        }
        Console.WriteLine($"wait for failover-ready: {Figures.Summary(waits, "s")}; failover (command to every sentinel agreeing): {Figures.Summary(failovers, "s")}");
        Console.WriteLine($"outcomes: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        return outcomes.Keys.All(k => k == "ok");
    }

    /// <summary>Sentinel's word for a refusal (NOGOODSLAVE, INPROG…), else the app's own reason in short.</summary>
    private static string Refusal(string output) =>
        new[] { "NOGOODSLAVE", "INPROG", "NOQUORUM" }.FirstOrDefault(output.Contains) ?? (output.Contains("did not agree") ? "timeout" : "refused");

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var info = new ProcessStartInfo(App) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) info.ArgumentList.Add(a);
        using Process p = Process.Start(info)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (p.ExitCode, await stdout + await stderr);
    }
}
