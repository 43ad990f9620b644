using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

// Lesson 2's other half (issue 17 §2): a sentinel removed for good is counted by the others until each is reset.
public static partial class FaultMenu
{
    /// <summary>
    /// A sentinel stopped for good stays in every other sentinel's list (SENTINEL SENTINELS, num-other-sentinels) and
    /// sentinel.conf (known-sentinel): Sentinel never forgets one by itself (redis/redis #1972), so the majority an
    /// election needs is still counted out of the old number. The Sentinel documentation ("Adding or removing
    /// Sentinels") says to SENTINEL RESET every remaining one, one at a time, waiting in between (it advises 30 s) so
    /// each has found its live peers again (hello messages, every 2 s) before the next forgets everything.
    /// </summary>
    private static FaultEntry SentinelsNeverForgetASentinel => new("remove a sentinel: the others never forget it (SENTINEL RESET)",
        (s, _) => $"{RunningSentinels(s).LastOrDefault() ?? "a sentinel"} stops for good. The others keep counting it (num-other-sentinels, " +
                  "SENTINEL SENTINELS) and keep its known-sentinel line in sentinel.conf, so an election still needs a majority of the old " +
                  "number. Then SENTINEL RESET goes to each remaining sentinel, one at a time, each once the one before has found its live " +
                  "peers again (they announce themselves every 2 s; the documentation advises waiting 30 s): its list shrinks to the " +
                  $"sentinels that really run. Then {RunningSentinels(s).LastOrDefault() ?? "the sentinel"} starts again and is learnt back from its hello messages.",
        (s, _) => RunningSentinels(s).Length < 3 ? $"needs three running sentinels ({RunningSentinels(s).Length} running)" : null,
        (s, lab) => [FaultStep.Now(LabActionKind.Stop, RunningSentinels(s)[^1]), FaultStep.Command($"sentinel reset {lab.MasterName}"), FaultStep.Later(LabActionKind.Start)],
        SentinelsNeverForgetASentinelAsync);

    private static async Task<LabActionResult> SentinelsNeverForgetASentinelAsync(FaultContext c, CancellationToken ct)
    {
        LabDefinition lab = c.Lab;
        string removed = RunningSentinels(c.Store.Current)[^1];
        string[] remaining = [.. RunningSentinels(c.Store.Current).Where(x => x != removed)];
        int before = lab.Sentinels.Length - 1;
        var said = new List<string>();
        LabActionResult stopped = await c.Actions.RunAsync(LabActionKind.Stop, removed, ct);
        if (!stopped.Ok) return stopped;

        // Past down-after, the others have marked it s_down: they still count it, and will until each is reset.
        await Task.Delay(TimeSpan.FromMilliseconds(lab.Sentinels.Max(x => x.DownAfterMilliseconds) * 1.5), c.Store.Time, ct);
        LabSnapshot s = c.Store.Current;
        said.Add($"{removed} stopped; " + string.Join(", ", remaining.Select(name =>
            $"{name} still knows {s.Sentinel(name)?.KnownSentinels?.ToString() ?? "?"} other sentinel(s){KnownSentinelLines(lab, name, removed)}")));

        bool shrank = true;
        foreach (string name in remaining)
        {
            LabActionResult reset = await c.Actions.RunCommandAsync(name, $"sentinel reset {lab.MasterName}", ct);
            if (!reset.Ok) { said.Add($"{name}: SENTINEL RESET refused: {reset.Message}"); shrank = false; break; }
            // Before the next one: this sentinel has heard its live peers again, and relearnt the replicas from the master.
            s = await WaitOrCurrentAsync(c, x => x.Sentinel(name) is { Reachable: true, KnownSentinels: { } n, KnownReplicas: > 0 } && n == remaining.Length - 1,
                TimeSpan.FromSeconds(20), ct);
            SentinelSnapshot after = s.Sentinel(name)!;
            shrank &= after.KnownSentinels == remaining.Length - 1;
            said.Add($"SENTINEL RESET on {name}: it knows {after.KnownSentinels?.ToString() ?? "?"} other sentinel(s) (was {before}){KnownSentinelLines(lab, name, removed)}");
        }

        LabActionResult started = await c.Actions.RunAsync(LabActionKind.Start, removed, ct);
        s = await WaitOrCurrentAsync(c, x => x.Sentinels.All(y => y.Reachable && y.KnownSentinels == before), TimeSpan.FromSeconds(20), ct);
        said.Add(started.Ok
            ? $"{removed} started again: " + (s.Sentinels.All(y => y.KnownSentinels == before) ? "every sentinel knows the other two again (hello messages)" : "not yet learnt back by every sentinel: see the panes")
            : $"{removed} did not start again: {started.Message}");
        return new LabActionResult(shrank && started.Ok, string.Join("\n", said));
    }

    /// <summary>How many known-sentinel lines for <paramref name="sentinel"/> the working config of <paramref name="reader"/> holds now.</summary>
    private static string KnownSentinelLines(LabDefinition lab, string reader, string sentinel)
    {
        if (lab.Find(reader) is not { } p || lab.Find(sentinel) is not { } r) return "";
        string path = new RunDirectory(lab).ConfigPath(p);
        if (!File.Exists(path)) return "";
        int lines = File.ReadLines(path).Count(l => l.StartsWith("sentinel known-sentinel", StringComparison.Ordinal) && l.Contains($" {r.Endpoint.Port} ", StringComparison.Ordinal));
        return $", {lines} known-sentinel line(s) for {sentinel} in {Path.GetFileName(path)}";
    }
}
