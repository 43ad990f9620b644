using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation.Handout;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>
/// `load`: the `w` key without the screen, for a drill in another terminal. Writes through the sentinels at the
/// rate asked, prints a line a second and each burst of errors explained, then the ledger (or one JSON object).
/// Works on any running lab of the lab file, started by `up`, the screen or start.sh by hand.
/// </summary>
public static class LoadCommand
{
    public static async Task<int> RunAsync(LabDefinition lab, int rate, double? durationSeconds, bool json, string? client = null)
    {
        var options = new LoadOptions(rate, durationSeconds is { } d ? TimeSpan.FromSeconds(d) : null, Client: client);
        if (options.Problem() is { } problem)
        {
            Console.Error.WriteLine($"redis-ha-tui: --{problem}");
            return ExitCodes.BadInput;
        }
        if (client == LoadOptions.PinnedClient)
        {
            // The address an application's config would hold: the master the lab starts with, whatever it is now.
            options = options with { Client = null, PinnedTo = lab.InitialMaster.Name };
        }
        else if (client is not null)
        {
            lab = PartitionCommand.Partitionable(lab);
            if (lab.Network.Member(client) is not { IsClient: true } member)
            {
                Console.Error.WriteLine($"redis-ha-tui: --client {client}: not a client of this lab ({string.Join(", ", lab.Network.Clients.Select(c => c.Name))})");
                return ExitCodes.BadInput;
            }
            // Its connections go through the owner's relay: without an owner there is nothing to reach.
            (ControlReply? reply, string? why) = await ControlClient.AskAsync(lab, new ControlRequest("network"), TimeSpan.FromSeconds(5));
            if (reply is not { Ok: true })
            {
                Console.Error.WriteLine($"redis-ha-tui: --client {client}: {why ?? reply!.Message}");
                return ExitCodes.NotHealthy;
            }
            options = options with { Client = member.Name };
        }
        (CancellationTokenSource cancel, IDisposable signals) = Terminal.CancelOnSignals();
        using IDisposable signalsHeld = signals;
        await using LabSession session = LabSession.Attach(lab);
        // The monitor's first read gives the explanations their facts (who is master, how many replicas it needs).
        await ((Task)Task.WhenAny(session.Monitor.FirstRead, Task.Delay(TimeSpan.FromSeconds(3), session.Store.Time, cancel.Token))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        string until = durationSeconds is { } s ? $"for {s:0.#} s" : "until Ctrl+C";
        string who = options.Client is { } c ? $"as client {c} ({lab.Network.Member(c)!.Address}) " : "";
        Console.Error.WriteLine(options.PinnedTo is { } pinned
            ? $"writing {rate}/s to {pinned}'s address {lab.Find(pinned)!.Endpoint}, never asking the sentinels (a pinned client) {until}"
            : $"writing {rate}/s {who}to {lab.MasterName} through {string.Join(", ", lab.Sentinels.Select(x => options.Client is null ? x.Endpoint : lab.Network.Reach(x)))} {until}");
        await using WriteLoad load = WriteLoad.Start(lab, session.Store, options);
        using CancellationTokenRegistration stopOnSignal = cancel.Token.Register(() => _ = load.StopAsync());
        Task printing = json ? Task.CompletedTask : PrintProgressAsync(session.Store, load.Completion);
        LoadLedger ledger = await load.Completion;
        await printing;
        if (json) Console.WriteLine(JsonSerializer.Serialize(Document(ledger), CliJson.Document.LoadDocument));
        else PrintLedger(ledger);
        // It ran: whatever was lost is the answer, not a failure. Only a run that never reached a master is one.
        return ledger is { Acked: 0, Failed: 0, Problem: not null } ? ExitCodes.NotHealthy : ExitCodes.Ok;
    }

    public static LoadDocument Document(LoadLedger l) => new(
        l.Rate, l.StartedAt, l.EndedAt, l.Acked, l.Failed, l.Present, l.Lost, [.. l.LostSequences], l.Indeterminate,
        l.Outage is { } o ? Math.Round(o.TotalMilliseconds, 1) : null, l.OutageStart, l.OutageEnd, l.OutageOpen,
        l.OutageError is { } k ? HandoutJson.Camel(k) : null,
        new LoadErrors(l.ErrorCount(WriteErrorKind.Connection), l.ErrorCount(WriteErrorKind.NoReplicas), l.ErrorCount(WriteErrorKind.ReadOnly),
            l.ErrorCount(WriteErrorKind.Timeout), l.ErrorCount(WriteErrorKind.Other)),
        l.VerifiedOn, l.Key, l.Problem, l.Client, l.PinnedTo);

    /// <summary>One line per finished second, and the timeline's explanations of the load as they come.</summary>
    private static async Task PrintProgressAsync(LabStore store, Task done)
    {
        DateTimeOffset lastSecond = DateTimeOffset.MinValue;
        long lastEntry = store.Current.Timeline.LastOrDefault()?.Id ?? 0;
        using var stop = new CancellationTokenSource();
        _ = done.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
        await foreach (LabSnapshot s in store.WatchAsync(stop.Token))
        {
            foreach (TimelineEntry e in s.Timeline.Where(e => e.Id > lastEntry))
            {
                if (e.Kind == TimelineKind.Writes) Console.WriteLine($"{e.At.ToLocalTime():HH:mm:ss.fff}  {e.Text}");
                lastEntry = e.Id;
            }
            if (s.LastLoad is not { } l) continue;
            // The newest bar is still filling: print the ones before it.
            foreach (WriteSecond w in l.PerSecond.Where(w => w.At > lastSecond).SkipLast(l.Running ? 1 : 0))
            {
                Console.WriteLine($"{w.At.ToLocalTime():HH:mm:ss}  acked {w.Acked,6}  failed {w.Failed,6}");
                lastSecond = w.At;
            }
        }
    }

    private static void PrintLedger(LoadLedger l)
    {
        Console.WriteLine(LoadExplanations.Summary(l));
        Console.WriteLine($"  acknowledged   {l.Acked}");
        Console.WriteLine($"  failed         {l.Failed}" + (l.Errors.IsEmpty ? "" : $" ({WriteErrorText.Counts(l.Errors)})"));
        if (OutageText.Sentence(l) is { } outage)
            Console.WriteLine($"  outage         {outage} ({l.OutageStart?.ToLocalTime():HH:mm:ss.fff} → {(l.OutageEnd is { } end ? $"{end.ToLocalTime():HH:mm:ss.fff}" : "not over")})");
        if (l.Present is { } present)
        {
            Console.WriteLine($"  on the master  {present} of the acknowledged ({l.VerifiedOn ?? "?"})");
            Console.WriteLine($"  lost           {l.Lost}" + (l.LostSequences.IsEmpty ? "" : $": {string.Join(", ", l.LostSequences.Take(20))}{(l.Lost > 20 ? ", …" : "")}"));
            Console.WriteLine($"  indeterminate  {l.Indeterminate} (failed on the client, stored anyway)");
        }
    }
}
