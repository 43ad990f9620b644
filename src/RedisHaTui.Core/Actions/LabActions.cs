using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Sources;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Actions;

/// <summary>
/// Runs the commands of <see cref="LabCommands"/>, each refused with the reason the snapshot already holds when it
/// cannot run. Every action the app takes is written to the timeline, and the ones that take the master down
/// start the failover stopwatch.
/// </summary>
public sealed class LabActions(ITopologySource source, LabStore store, ProcessConnections connections) : ILabActions
{
    public const int DebugSleepSeconds = 5;

    /// <summary>Read at each use: a deployment's topology can change while the app runs.</summary>
    private LabDefinition Lab => source.Lab;
    private TimeProvider Time => store.Time;
    private IProcessControl Control => source.Control ?? throw new InvalidOperationException(source.Policy.ProcessControl);

    public async Task<LabActionResult> RunAsync(LabActionKind kind, string? target, CancellationToken ct = default)
    {
        LabSnapshot s = store.Current;
        if (s.WhyNot(kind, target) is { } why) return Record(kind, target, LabActionResult.Refused(why));
        // Taking the master down is what a failover drill times: from this moment, not from the first +sdown.
        bool timed = kind is LabActionKind.Pause or LabActionKind.Stop or LabActionKind.DebugSleep && ActionRules.IsMaster(s, target!);
        if (timed) store.Update(x => FailoverStopwatch.Start(x, CauseOf(kind, target!), target, Time.GetUtcNow()));
        LabActionResult result = await LabCommands.Get(kind).Run(this, target, ct);
        if (timed && !result.Ok) store.Update(FailoverStopwatch.Withdraw);
        return Record(kind == LabActionKind.KillMaster ? LabActionKind.Kill : kind, target ?? result.Target, result);
    }

    private static string CauseOf(LabActionKind kind, string target) => kind switch
    {
        LabActionKind.Pause => $"pause {target} (SIGSTOP)",
        LabActionKind.Stop => $"stop {target} (SHUTDOWN)",
        _ => $"DEBUG SLEEP on {target}",
    };

    internal async Task<LabActionResult> StartAsync(string target) =>
        await Control.StartAsync(target) ? LabActionResult.Success($"{target} started") : LabActionResult.Refused($"{target} did not start: see its log");

    internal async Task<LabActionResult> StopAsync(string target)
    {
        await Control.StopAsync(target);
        return LabActionResult.Success($"{target} stopped");
    }

    internal async Task<LabActionResult> RestartAsync(string target) =>
        await Control.RestartAsync(target) ? LabActionResult.Success($"{target} restarted") : LabActionResult.Refused($"{target} did not start again: see its log");

    internal LabActionResult Pause(string target) => Control.Pause(target)
        ? LabActionResult.Success($"{target} paused (SIGSTOP): it answers nothing until resumed")
        : LabActionResult.Refused($"{target} could not be paused");

    internal LabActionResult Resume(string target) => Control.Resume(target)
        ? LabActionResult.Success($"{target} resumed (SIGCONT)")
        : LabActionResult.Refused($"{target} could not be resumed");

    internal LabActionResult KillMaster()
    {
        string master = ActionRules.CurrentMaster(store.Current)!;
        return Kill(master) with { Target = master };
    }

    internal LabActionResult Kill(string target)
    {
        LabSnapshot s = store.Current;
        bool master = ActionRules.IsMaster(s, target);
        if (master) store.Update(x => FailoverStopwatch.Start(x, $"kill -9 {target}", target, Time.GetUtcNow()));
        if (!Control.Kill(target))
        {
            if (master) store.Update(FailoverStopwatch.Withdraw);
            return LabActionResult.Refused($"{target} could not be killed");
        }
        string message = $"{target} killed (kill -9)";
        if (master)
        {
            int up = s.Sentinels.Count(x => x.Reachable), quorum = Lab.Sentinels.Max(x => x.Quorum), majority = Lab.Sentinels.Length / 2 + 1;
            message += up < Math.Max(quorum, majority)
                ? $": quorum lost, {up} of {Lab.Sentinels.Length} sentinels up, so no failover will happen"
                : $": the sentinels should notice within {Lab.Sentinels.Max(x => x.DownAfterMilliseconds) / 1000.0:0.#} s and fail over";
        }
        return LabActionResult.Success(message);
    }

    /// <summary>
    /// SENTINEL FAILOVER through the sentinel most likely to accept it, then the others. Only what a sentinel says
    /// decides: a refusal (NOGOODSLAVE, INPROG…) withdraws the stopwatch's record and is reported; a sentinel that
    /// cannot be reached was never asked, so the next one is. A sentinel that took the command and gave no answer
    /// within the timeout may be failing over right now (a busy or stopped sentinel reads its socket later): its record
    /// stays, and no other sentinel is asked, which would start a second failover or be refused with INPROG.
    /// </summary>
    internal async Task<LabActionResult> FailoverAsync()
    {
        LabSnapshot s = store.Current;
        // The sentinel that would promote a replica first (FailoverReadiness.Via): another may still lack a fresh INFO.
        string? via = FailoverReadiness.Of(s.Sentinels, s.Consensus).Via;
        foreach (SentinelDefinition sentinel in Lab.Sentinels.Where(x => s.Sentinel(x.Name)!.Reachable).OrderBy(x => x.Name != via))
        {
            IServer server;
            try { server = connections.Server(await connections.GetAsync(sentinel), sentinel); }
            catch (Exception e) when (e is RedisException or TimeoutException) { continue; } // not asked: the next one is
            string old = s.Consensus.MasterBySentinels ?? s.Consensus.MasterByRoles ?? "?";
            store.Update(x => FailoverStopwatch.Start(x, $"SENTINEL FAILOVER via {sentinel.Name}", old, Time.GetUtcNow(), forced: true));
            try
            {
                await server.ExecuteAsync("SENTINEL", "FAILOVER", Lab.MasterName);
                return LabActionResult.Success($"{sentinel.Name} accepted SENTINEL FAILOVER: promoting a replica of {old}");
            }
            catch (RedisServerException e)
            {
                // INPROG and NOGOODSLAVE are Sentinel's answers, not failures of the app.
                store.Update(FailoverStopwatch.Withdraw);
                return LabActionResult.Refused(SentinelRefusals.Explain(sentinel.Name, e.Message, store.Current));
            }
            catch (TimeoutException) // RedisTimeoutException too: sent, unanswered
            {
                return LabActionResult.Success(NoAnswerText(sentinel.Name, old, connections.Timeout));
            }
            // The connection broke under the command: taken to mean it was not sent (StackExchange.Redis fails what it could not write).
            catch (RedisException) { store.Update(FailoverStopwatch.Withdraw); }
        }
        return LabActionResult.Refused("no sentinel answered SENTINEL FAILOVER");
    }

    /// <summary>What is said when a sentinel took SENTINEL FAILOVER and did not answer in time: not a refusal.</summary>
    public static string NoAnswerText(string sentinel, string oldMaster, TimeSpan timeout) =>
        $"SENTINEL FAILOVER may be under way (no answer from {sentinel} within {timeout.TotalSeconds:0.#} s): watch the timeline " +
        $"for +switch-master away from {oldMaster}; no other sentinel was asked, as a second request would be refused (INPROG) or start another failover";

    internal async Task<LabActionResult> CheckQuorumAsync()
    {
        var answers = new List<(string Sentinel, string Answer)>();
        bool anyOk = false;
        foreach (SentinelDefinition sentinel in Lab.Sentinels)
        {
            try
            {
                IServer server = connections.Server(await connections.GetAsync(sentinel), sentinel);
                answers.Add((sentinel.Name, $"{await server.ExecuteAsync("SENTINEL", "CKQUORUM", Lab.MasterName)}"));
                anyOk = true;
            }
            // A refusal explained names its sentinel itself ("sentinel2 found no replica it may promote: …").
            catch (RedisServerException e) { answers.Add(("", SentinelRefusals.Explain(sentinel.Name, e.Message, store.Current))); }
            catch (Exception e) when (e is RedisException or TimeoutException) { answers.Add((sentinel.Name, LabReader.Short(e))); }
        }
        // Sentinels that agree say it once: "sentinel1, sentinel2, sentinel3: OK 3 usable Sentinels…" fits a status line.
        IEnumerable<string> lines = answers.GroupBy(a => (a.Sentinel.Length == 0, a.Answer))
            .SelectMany(g => g.Key.Item1 ? g.Select(a => a.Answer) : [$"{string.Join(", ", g.Select(a => a.Sentinel))}: {g.Key.Answer}"]);
        return new LabActionResult(anyOk, string.Join("\n", lines));
    }

    internal async Task<LabActionResult> DebugSleepAsync(string target)
    {
        ProcessDefinition p = Lab.Find(target)!;
        IServer server = connections.Server(await connections.GetAsync(p), p);
        // The reply only comes after the sleep: don't wait for it, only for a refusal, which comes at once.
        Task<RedisResult> sleep = server.ExecuteAsync("DEBUG", "SLEEP", DebugSleepSeconds.ToString());
        _ = sleep.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        if (await Task.WhenAny(sleep, Task.Delay(TimeSpan.FromMilliseconds(200), Time)) == sleep && sleep.Exception?.InnerException is RedisServerException refused)
            return LabActionResult.Refused($"(error) {refused.Message}");
        return LabActionResult.Success($"{target} sleeps {DebugSleepSeconds} s (DEBUG SLEEP): it answers nothing meanwhile");
    }

    public async Task<LabActionResult> RunCommandAsync(string target, string commandLine, CancellationToken ct = default)
    {
        if (Lab.Find(target) is not { } p) return LabActionResult.Refused($"no process named '{target}'");
        IReadOnlyList<string> words;
        try { words = RedisCliFormat.Split(commandLine); }
        catch (FormatException e) { return LabActionResult.Refused($"(error) {e.Message}"); }
        if (words.Count == 0) return LabActionResult.Refused("type a command, e.g. info replication");
        string command = words[0].ToLowerInvariant();
        if (command is "subscribe" or "psubscribe" or "monitor" or "sync" or "psync")
            return LabActionResult.Refused($"(error) {command} streams forever: not supported here (the timeline already shows sentinel events)");
        if (source.Policy.WhyNot(words) is { } readOnly)
            return LabActionResult.Refused($"(error) {words[0]}: {readOnly}");
        try
        {
            IServer server = connections.Server(await connections.GetAsync(p), p);
            RedisResult reply = await server.ExecuteAsync(words[0], words.Skip(1).Cast<object>().ToArray());
            return LabActionResult.Success(RedisCliFormat.Format(reply));
        }
        catch (RedisServerException e) when (e.Message.StartsWith("READONLY", StringComparison.Ordinal))
        {
            return ReadOnlyRefusal(p.Name, words[0], $"(error) {e.Message}");
        }
        catch (RedisServerException e) { return LabActionResult.Refused($"(error) {e.Message}"); }
        catch (RedisCommandException e) when (e.Message.Contains("cannot be issued to a replica", StringComparison.Ordinal))
        {
            // StackExchange.Redis refuses a write to a replica before sending it; Redis itself (replica-read-only yes) would say:
            return ReadOnlyRefusal(p.Name, words[0], "(error) READONLY You can't write against a read only replica.");
        }
        catch (RedisCommandException e) { return LabActionResult.Refused($"(error) {e.Message}"); }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return LabActionResult.Refused($"(error) {target}: {connections.Refusal(p) ?? AuthRefusal.Of(e, Lab.Security.Credentials is not null) ?? LabReader.Short(e)}");
        }
    }

    /// <summary>
    /// A write refused because the node is a replica: a lesson of the tutorial, so it goes to the timeline (a
    /// walkthrough's readonly-refused step ticks on it; by hand, Redis's own errorstats count it).
    /// </summary>
    private LabActionResult ReadOnlyRefusal(string target, string command, string message)
    {
        store.Update(s => Timeline.Add(s, TimelineKind.ReadOnly,
            $"{target} refused {command.ToUpperInvariant()}: READONLY (a replica takes no writes from clients)", Time.GetUtcNow(), Lab.Ui.TimelineLines));
        return LabActionResult.Refused(message);
    }

    /// <summary>Every action goes to the timeline, refusals included: the presenter sees what was tried.</summary>
    private LabActionResult Record(LabActionKind kind, string? target, LabActionResult result)
    {
        // A sentence for people: "check quorum refused: sentinel1: not answering", never the enum's name.
        string label = LabCommands.Get(kind).Label(target);
        string said = string.Join(" · ", result.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        string text = !result.Ok ? $"{label} refused: {said}" : kind == LabActionKind.CheckQuorum ? $"{label}: {said}" : said;
        store.Update(s => Timeline.AddAction(s, kind, text, Time.GetUtcNow(), Lab.Ui.TimelineLines));
        return result;
    }
}
