using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Actions;

/// <summary>
/// The actions of a lab, each with a reason it cannot run right now, computed from the snapshot. Every action
/// the app takes is written to the timeline, and the ones that start a failover start its stopwatch.
/// </summary>
public sealed class LabActions(LabDefinition lab, LabStore store, ProcessConnections connections, Supervisor? supervisor, TimeProvider? time = null)
    : ILabActions
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public string? DisabledReason(LabActionKind kind, string? target, LabSnapshot s)
    {
        if (kind is LabActionKind.Failover or LabActionKind.CheckQuorum)
        {
            if (!s.Sentinels.Any(x => x.Reachable)) return "no sentinel reachable";
            if (kind == LabActionKind.CheckQuorum) return null;
            if (s.Sentinels.Any(x => x.FailoverInProgress)) return "a failover is already in progress (INPROG)";
            if (!s.Nodes.Any(n => n.Reachable && n.Role == NodeRole.Replica && n.LinkStatus == "up"))
                return "no replica linked: NOGOODSLAVE (Sentinel has nobody to promote)";
            return null;
        }
        if (kind == LabActionKind.KillMaster)
            target = s.Consensus.MasterByRoles ?? s.Consensus.MasterBySentinels;
        if (target is null || lab.Find(target) is not { } p) return kind == LabActionKind.KillMaster ? "no master to kill" : "select a process first";
        if (kind == LabActionKind.DebugSleep)
            return p.Kind != ProcessKind.Node ? "DEBUG SLEEP is for data nodes" : s.Node(p.Name)!.Reachable ? null : $"{p.Name} is not answering";
        if (supervisor is null) return "attached with --no-start: this app only watches processes it did not start";
        ProcessStatus status = supervisor[p.Name].Status;
        return kind switch
        {
            LabActionKind.Start when status.IsAlive => $"{p.Name} is already running",
            LabActionKind.Stop or LabActionKind.Kill or LabActionKind.KillMaster or LabActionKind.Restart when !status.IsAlive => $"{p.Name} is not running (s starts it)",
            LabActionKind.Stop or LabActionKind.Kill or LabActionKind.Restart when status.State == ProcessState.Stopping => $"{p.Name} is already stopping",
            LabActionKind.Pause when status.State == ProcessState.Paused => $"{p.Name} is already paused",
            LabActionKind.Pause when status.State != ProcessState.Running => $"{p.Name} is not running",
            LabActionKind.Resume when status.State != ProcessState.Paused => $"{p.Name} is not paused",
            _ => null,
        };
    }

    public async Task<LabActionResult> RunAsync(LabActionKind kind, string? target, CancellationToken ct = default)
    {
        LabSnapshot s = store.Current;
        if (DisabledReason(kind, target, s) is { } why) return Record(kind, target, LabActionResult.Refused(why));
        if (kind == LabActionKind.KillMaster) (kind, target) = (LabActionKind.Kill, s.Consensus.MasterByRoles ?? s.Consensus.MasterBySentinels);
        // Taking the master down is what a failover drill times: from this moment, not from the first +sdown.
        bool timed = kind is LabActionKind.Pause or LabActionKind.Stop or LabActionKind.DebugSleep && IsMaster(s, target!);
        if (timed) store.Update(x => FailoverStopwatch.Start(x, CauseOf(kind, target!), target, _time.GetUtcNow()));
        LabActionResult result = kind switch
        {
            LabActionKind.Failover => await FailoverAsync(s),
            LabActionKind.CheckQuorum => await CheckQuorumAsync(),
            LabActionKind.DebugSleep => await DebugSleepAsync(target!, 5),
            LabActionKind.Kill => Kill(s, target!),
            LabActionKind.Start => await supervisor!.StartAsync(target!) ? LabActionResult.Success($"{target} started") : LabActionResult.Refused($"{target} did not start: see its log"),
            LabActionKind.Stop => await Done(supervisor!.StopAsync(target!), $"{target} stopped"),
            LabActionKind.Restart => await supervisor!.RestartAsync(target!) ? LabActionResult.Success($"{target} restarted") : LabActionResult.Refused($"{target} did not start again: see its log"),
            LabActionKind.Pause => supervisor!.Pause(target!) ? LabActionResult.Success($"{target} paused (SIGSTOP): it answers nothing until resumed") : LabActionResult.Refused($"{target} could not be paused"),
            LabActionKind.Resume => supervisor!.Resume(target!) ? LabActionResult.Success($"{target} resumed (SIGCONT)") : LabActionResult.Refused($"{target} could not be resumed"),
            _ => LabActionResult.Refused($"{kind} is not an action"),
        };
        if (timed && !result.Ok) store.Update(FailoverStopwatch.Withdraw);
        return Record(kind, target, result);
    }

    private static bool IsMaster(LabSnapshot s, string target) =>
        s.Consensus.MasterByRoles == target || (s.Consensus.MasterByRoles is null && s.Consensus.MasterBySentinels == target);

    private static string CauseOf(LabActionKind kind, string target) => kind switch
    {
        LabActionKind.Pause => $"pause {target} (SIGSTOP)",
        LabActionKind.Stop => $"stop {target} (SHUTDOWN)",
        _ => $"DEBUG SLEEP on {target}",
    };

    private LabActionResult Kill(LabSnapshot s, string target)
    {
        bool master = IsMaster(s, target);
        if (master) store.Update(x => FailoverStopwatch.Start(x, $"kill -9 {target}", target, _time.GetUtcNow()));
        if (!supervisor!.Kill(target))
        {
            if (master) store.Update(FailoverStopwatch.Withdraw);
            return LabActionResult.Refused($"{target} could not be killed");
        }
        string message = $"{target} killed (kill -9)";
        if (master)
        {
            int up = s.Sentinels.Count(x => x.Reachable), quorum = lab.Sentinels.Max(x => x.Quorum), majority = lab.Sentinels.Length / 2 + 1;
            message += up < Math.Max(quorum, majority)
                ? $": quorum lost, {up} of {lab.Sentinels.Length} sentinels up, so no failover will happen"
                : $": the sentinels should notice within {lab.Sentinels.Max(x => x.DownAfterMilliseconds) / 1000.0:0.#} s and fail over";
        }
        return LabActionResult.Success(message);
    }

    private async Task<LabActionResult> FailoverAsync(LabSnapshot s)
    {
        foreach (SentinelDefinition sentinel in lab.Sentinels.Where(x => s.Sentinel(x.Name)!.Reachable))
        {
            try
            {
                IServer server = connections.Server(await connections.GetAsync(sentinel), sentinel);
                string old = s.Consensus.MasterBySentinels ?? s.Consensus.MasterByRoles ?? "?";
                store.Update(x => FailoverStopwatch.Start(x, $"SENTINEL FAILOVER via {sentinel.Name}", old, _time.GetUtcNow()));
                await server.ExecuteAsync("SENTINEL", "FAILOVER", lab.MasterName);
                return LabActionResult.Success($"{sentinel.Name} accepted SENTINEL FAILOVER: promoting a replica of {old}");
            }
            catch (RedisServerException e)
            {
                // INPROG and NOGOODSLAVE are Sentinel's answers, not failures of the app.
                store.Update(FailoverStopwatch.Withdraw);
                return LabActionResult.Refused($"{sentinel.Name}: {e.Message}");
            }
            catch (Exception e) when (e is RedisException or TimeoutException) { store.Update(FailoverStopwatch.Withdraw); }
        }
        return LabActionResult.Refused("no sentinel answered SENTINEL FAILOVER");
    }

    private async Task<LabActionResult> CheckQuorumAsync()
    {
        var lines = new List<string>();
        bool anyOk = false;
        foreach (SentinelDefinition sentinel in lab.Sentinels)
        {
            try
            {
                IServer server = connections.Server(await connections.GetAsync(sentinel), sentinel);
                lines.Add($"{sentinel.Name}: {await server.ExecuteAsync("SENTINEL", "CKQUORUM", lab.MasterName)}");
                anyOk = true;
            }
            catch (RedisServerException e) { lines.Add($"{sentinel.Name}: {e.Message}"); }
            catch (Exception e) when (e is RedisException or TimeoutException) { lines.Add($"{sentinel.Name}: {LabReader.Short(e)}"); }
        }
        return new LabActionResult(anyOk, string.Join("\n", lines));
    }

    private async Task<LabActionResult> DebugSleepAsync(string target, int seconds)
    {
        ProcessDefinition p = lab.Find(target)!;
        IServer server = connections.Server(await connections.GetAsync(p), p);
        // The reply only comes after the sleep: don't wait for it, only for a refusal, which comes at once.
        Task<RedisResult> sleep = server.ExecuteAsync("DEBUG", "SLEEP", seconds.ToString());
        _ = sleep.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        if (await Task.WhenAny(sleep, Task.Delay(200)) == sleep && sleep.Exception?.InnerException is RedisServerException refused)
            return LabActionResult.Refused($"(error) {refused.Message}");
        return LabActionResult.Success($"{target} sleeps {seconds} s (DEBUG SLEEP): it answers nothing meanwhile");
    }

    public async Task<LabActionResult> RunCommandAsync(string target, string commandLine, CancellationToken ct = default)
    {
        if (lab.Find(target) is not { } p) return LabActionResult.Refused($"no process named '{target}'");
        IReadOnlyList<string> words;
        try { words = RedisCliFormat.Split(commandLine); }
        catch (FormatException e) { return LabActionResult.Refused($"(error) {e.Message}"); }
        if (words.Count == 0) return LabActionResult.Refused("type a command, e.g. info replication");
        string command = words[0].ToLowerInvariant();
        if (command is "subscribe" or "psubscribe" or "monitor" or "sync" or "psync")
            return LabActionResult.Refused($"(error) {command} streams forever: not supported here (the timeline already shows sentinel events)");
        try
        {
            IServer server = connections.Server(await connections.GetAsync(p), p);
            RedisResult reply = await server.ExecuteAsync(words[0], words.Skip(1).Cast<object>().ToArray());
            return LabActionResult.Success(RedisCliFormat.Format(reply));
        }
        catch (RedisServerException e) { return LabActionResult.Refused($"(error) {e.Message}"); }
        catch (RedisCommandException e) when (e.Message.Contains("cannot be issued to a replica", StringComparison.Ordinal))
        {
            // StackExchange.Redis refuses a write to a replica before sending it; Redis itself (replica-read-only yes) would say:
            return LabActionResult.Refused("(error) READONLY You can't write against a read only replica.");
        }
        catch (RedisCommandException e) { return LabActionResult.Refused($"(error) {e.Message}"); }
        catch (Exception e) when (e is RedisException or TimeoutException) { return LabActionResult.Refused($"(error) {target}: {LabReader.Short(e)}"); }
    }

    private static async Task<LabActionResult> Done(Task task, string message)
    {
        await task;
        return LabActionResult.Success(message);
    }

    /// <summary>Every action goes to the timeline, refusals included: the presenter sees what was tried.</summary>
    private LabActionResult Record(LabActionKind kind, string? target, LabActionResult result)
    {
        string text = result.Ok ? result.Message.Split('\n')[0] : $"{kind} {target}: refused: {result.Message.Split('\n')[0]}";
        store.Update(s => Timeline.Add(s, TimelineSource.App, kind.ToString().ToLowerInvariant(), text, _time.GetUtcNow(), lab.Ui.TimelineLines));
        return result;
    }
}
