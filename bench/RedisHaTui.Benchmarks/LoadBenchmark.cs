using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Benchmarks;

/// <summary>
/// The write load's own pace (issue 8: within 2 % of the rate asked, up to 2,000 writes/s): the writer alone in this
/// process against a real lab (two nodes, three sentinels), several runs per rate.
/// </summary>
public static class LoadBenchmark
{
    public static async Task Throughput(int[] rates, int runs, TimeSpan duration)
    {
        using var files = TempLab.Create(downAfterMs: 5000);
        LabDefinition lab = files.Load();
        await using LabSession session = await LabSession.OpenAsync(lab);
        await session.StartLabAsync();
        foreach (int rate in rates)
        {
            var achieved = new List<double>();
            var acked = new List<double>();
            var worstSecond = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                await using WriteLoad load = WriteLoad.Start(lab, session.Store, new LoadOptions(rate, duration));
                LoadLedger ledger = await load.Completion;
                double issued = (load.Issued - 1) / load.WritingTime.TotalSeconds;
                achieved.Add(issued / rate * 100);
                acked.Add((double)ledger.Acked / load.Issued * 100);
                // Whole seconds only: the first and the last bars are partial.
                WriteSecond[] whole = [.. ledger.PerSecond.Skip(1).SkipLast(1)];
                worstSecond.Add(whole.Length == 0 ? 0 : whole.Max(s => Math.Abs(s.Acked + s.Failed - rate) / (double)rate * 100));
                await Task.Delay(1000);
            }
            Console.WriteLine($"write load {rate,5}/s for {duration.TotalSeconds:0} s: sent {Figures.Summary(achieved, "% of the rate asked", "0.00")} · " +
                              $"acknowledged {Figures.Summary(acked, "% of sent", "0.00")} · worst whole second off by {Figures.Summary(worstSecond, "%", "0.0")}");
        }
    }
}
