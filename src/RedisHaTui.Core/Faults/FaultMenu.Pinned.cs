using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

// Lesson 4 (issue 17 §2): a client with the master's address written in its config, beside one that asks Sentinel.
public static partial class FaultMenu
{
    /// <summary>How long the lesson lets the pinned client keep failing after the sentinel-aware one writes again: the contrast, on the chart.</summary>
    private static readonly TimeSpan PinnedAfterSwitch = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Lesson 4: the sentinel-aware client follows +switch-master; the pinned one keeps writing to the demoted master and
    /// gets READONLY (StackExchange.Redis #637, #2264; Azure/aspnet-redis-providers #130) until someone repoints it.
    /// </summary>
    private static FaultEntry ClientThatDoesNotAsk => new("a client that does not ask Sentinel: pinned to the master's address",
        (s, _) => $"Two write clients run side by side: one asks the sentinels where {s.MasterName} is (as a Sentinel-aware client should), " +
                  $"the other has {Master(s)}'s address written in its config and never asks. Then a failover (SENTINEL FAILOVER). Both are " +
                  $"refused for a while (NOREPLICAS: {Master(s)}, then the new master, lack the replica min-replicas-to-write asks for); the " +
                  $"sentinel-aware client then writes to the new master (here when Sentinel's reconfiguration closes its connection to the old " +
                  $"one). The pinned one keeps writing to {Master(s)}, now a replica: every write is refused with READONLY (with connection " +
                  "errors instead while the old master is down, after a crash). The chart and the ledgers show both. Nothing repoints a pinned " +
                  "client: its config must change, or it must ask Sentinel (SENTINEL GET-MASTER-ADDR-BY-NAME, or +switch-master). " +
                  "The lesson stops both clients at the end (that is its undo); the new master stays.",
        // Not the failover's own readiness: the lesson starts its clients first and waits for it (a rejoin may still be settling).
        (s, _) => ActionRules.CurrentMaster(s) is null ? "no master to pin a client to" : Replica(s) is null ? "no replica running: nobody to promote" : null,
        (_, _) => [FaultStep.WriteLoad(), FaultStep.Later(LabActionKind.Failover)],
        ClientThatDoesNotAskAsync);

    private static async Task<LabActionResult> ClientThatDoesNotAskAsync(FaultContext c, CancellationToken ct) =>
        (await RunClientThatDoesNotAskAsync(c, ct)).Result;

    /// <summary>The lesson with both final ledgers beside the words (null when it could not start): what its test checks.</summary>
    public static async Task<(LabActionResult Result, LoadLedger? Aware, LoadLedger? Pinned)> RunClientThatDoesNotAskAsync(FaultContext c, CancellationToken ct = default)
    {
        string master = ActionRules.CurrentMaster(c.Store.Current)!;
        int rate = c.Lab.Load.Rate;
        var said = new List<string>();
        WriteLoad aware = WriteLoad.Start(c.Lab, c.Store, new LoadOptions(rate));
        WriteLoad pinned = WriteLoad.Start(c.Lab, c.Store, new LoadOptions(rate, PinnedTo: master));
        int awareNumber = c.Store.Current.Loads.Length - 1, pinnedNumber = c.Store.Current.Loads.Length;
        LoadLedger? Ledger(LabSnapshot s, int number) => s.Loads.LastOrDefault(l => l.Number == number);
        try
        {
            LabSnapshot s = await WaitOrCurrentAsync(c, x => Ledger(x, awareNumber)?.Acked > 0 && Ledger(x, pinnedNumber)?.Acked > 0, TimeSpan.FromSeconds(10), ct);
            if (Ledger(s, awareNumber)?.Acked is not > 0 || Ledger(s, pinnedNumber)?.Acked is not > 0)
                return (LabActionResult.Refused($"the clients did not both write within 10 s: {Ledger(s, awareNumber)?.Problem ?? Ledger(s, pinnedNumber)?.Problem ?? "see the chart"}"), null, null);
            said.Add($"both clients write to {master}: the sentinel-aware one (load #{awareNumber}) and the one pinned to {c.Lab.Find(master)!.Endpoint} (load #{pinnedNumber})");

            // A drill never races Sentinel: the failover starts once the sentinels would take it (readiness).
            await WaitOrCurrentAsync(c, x => x.Readiness.Ready, TimeSpan.FromSeconds(20), ct);
            DateTimeOffset failoverAt = c.Store.Time.GetUtcNow();
            LabActionResult failover = await c.Actions.RunAsync(LabActionKind.Failover, null, ct);
            if (!failover.Ok) return (failover with { Message = $"{string.Join("\n", said)}\nfailover refused: {failover.Message}" }, null, null);
            said.Add($"SENTINEL FAILOVER: {failover.Message}");

            // The switch: every answering sentinel names another master. Then the sentinel-aware client is accepted there,
            // while the pinned one is refused by the old master, now a replica (READONLY).
            s = await WaitOrCurrentAsync(c, x => ActionRules.CurrentMaster(x) is { } m && m != master, TimeSpan.FromSeconds(30), ct);
            string? promoted = ActionRules.CurrentMaster(s) is { } now && now != master ? now : null;
            long ackedAtSwitch = Ledger(s, awareNumber)?.Acked ?? 0;
            s = await WaitOrCurrentAsync(c, x => AcceptedAgain(Ledger(x, awareNumber), failoverAt, ackedAtSwitch, rate)
                && Ledger(x, pinnedNumber)?.ErrorCount(WriteErrorKind.ReadOnly) > 0, TimeSpan.FromSeconds(40), ct);
            bool accepted = AcceptedAgain(Ledger(s, awareNumber), failoverAt, ackedAtSwitch, rate);
            bool readOnly = Ledger(s, pinnedNumber)?.ErrorCount(WriteErrorKind.ReadOnly) > 0;
            said.Add(promoted is null ? $"no new master within 30 s: {master} is still master" : $"+switch-master: the sentinels name {promoted} master; {master} is to be its replica");
            await Task.Delay(PinnedAfterSwitch, c.Store.Time, ct);
        }
        finally
        {
            await Task.WhenAll(aware.StopAsync(), pinned.StopAsync());
        }
        LoadLedger a = await aware.Completion, p = await pinned.Completion;
        said.Add($"sentinel-aware client: acknowledged {a.Acked}, refused {a.Failed}{Kinds(a)}" +
            (a.ResumedAt is { } back ? $"; accepted again at {back.ToLocalTime():HH:mm:ss.fff}" : a.Failed == 0 ? "; never refused" : "; not accepted again"));
        said.Add($"client pinned to {master}: acknowledged {p.Acked}, refused {p.Failed}{Kinds(p)}: " +
            (p.ErrorCount(WriteErrorKind.ReadOnly) > 0 ? $"{master} is a replica now and refuses every write; nothing repoints this client" : "no READONLY seen"));
        said.Add("undo: both clients stopped (a real pinned client needs its config changed, or to ask Sentinel)");
        bool ok = p.ErrorCount(WriteErrorKind.ReadOnly) > 0 && (a.ResumedAt is not null || a.Failed == 0) && a.Acked > 0;
        return (new LabActionResult(ok, string.Join("\n", said)), a, p);
    }

    /// <summary>
    /// The sentinel-aware client writes again after the failover: an acknowledgement after its last refusal, or, when it
    /// was never refused, a second's worth more than at the switch (none of those can still be in flight to the old master).
    /// </summary>
    private static bool AcceptedAgain(LoadLedger? l, DateTimeOffset failoverAt, long ackedAtSwitch, int rate) => l switch
    {
        null => false,
        { ResumedAt: { } back } when back > failoverAt => true,
        { LastFailureAt: null } => l.Acked >= ackedAtSwitch + Math.Max(1, rate),
        _ => false,
    };

    /// <summary>" (READONLY 212 · connection 3)", or nothing when nothing failed.</summary>
    private static string Kinds(LoadLedger l) =>
        l.Errors.IsEmpty ? "" : $" ({string.Join(" · ", l.Errors.Select(e => $"{(e.Kind == WriteErrorKind.ReadOnly ? "READONLY" : e.Kind == WriteErrorKind.NoReplicas ? "NOREPLICAS" : e.Kind.ToString().ToLowerInvariant())} {e.Count}"))})";
}
