using System.Globalization;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// The compact facts block under a pane's badge: only what helps follow replication and failover, shortest
/// first-glance wording ("link up", "lag 0 B"), so it fits a 25-column pane.
/// </summary>
internal static class PaneFacts
{
    public static IReadOnlyList<Fact> For(NodeSnapshot n)
    {
        if (n.Process.State == ProcessState.Paused) return Frozen(n.Process);
        if (!n.Reachable) return Gone(n.Process, n.Error);
        var facts = new List<Fact>();
        if (n.Role == NodeRole.Replica)
        {
            facts.Add(new($"follows {n.FollowsName ?? Port(n.FollowsPort)}", Tone.Strong));
            facts.Add(new($"link {n.LinkStatus ?? "?"}", n.LinkStatus == "up" ? Tone.Good : Tone.Bad));
            if (n.SyncInProgress) facts.Add(new("sync in progress", Tone.Warn));
            if (n.Offset is { } offset) facts.Add(new($"offset {Number(offset)}"));
            if (n.LagBytes is { } lag) facts.Add(new($"lag {Bytes(lag)}", lag == 0 ? Tone.Normal : Tone.Warn));
            if (n.LastIoSecondsAgo is { } io && io > 1) facts.Add(new($"io {io}s ago", Tone.Warn));
        }
        else if (n.Role == NodeRole.Master)
        {
            facts.Add(new($"replicas {n.Replicas.Length}", n.Replicas.Length == 0 ? Tone.Warn : Tone.Strong));
            if (n.GoodReplicas is { } good) facts.Add(new($"good {good}", good < n.Replicas.Length ? Tone.Warn : Tone.Normal));
            if (Writes(n) is { } writes) facts.Insert(0, writes);
            if (n.Offset is { } offset) facts.Add(new($"offset {Number(offset)}"));
        }
        if (n.Keys is { } keys) facts.Add(new($"keys {Number(keys)}"));
        // Who runs it goes first, beside the badge: a small pane may not have the rows for every fact.
        return [.. ByHand(n.Process), .. facts];
    }

    /// <summary>"started by hand · pid 4242": running, but not by this app (start.sh in another terminal); it keeps running at quit.</summary>
    internal static IReadOnlyList<Fact> ByHand(ProcessStatus p) => p is { State: ProcessState.External, StartedByHand: true }
        ? p.Pid is { } pid ? [new("started by hand", Tone.Accent), new($"pid {pid}", Tone.Dim)] : [new("started by hand", Tone.Accent)]
        : [];

    /// <summary>
    /// What a client gets from this master, first in its facts: "writes: NOREPLICAS (0 of 1 needed)" or
    /// "writes ok (1 needed)" ("9/1" read as nine of one).
    /// Only where min-replicas-to-write is set; without it a master takes every write and there is nothing to say.
    /// </summary>
    internal static Fact? Writes(NodeSnapshot n)
    {
        if (n.Role != NodeRole.Master || n.MinReplicasToWrite is not (> 0 and var required) || n.MinReplicasMaxLag == 0) return null;
        int good = n.GoodReplicas ?? 0;
        return good < required
            ? new Fact($"writes: NOREPLICAS ({good} of {required} needed)", Tone.Bad)
            : new Fact($"writes ok ({required} needed)", Tone.Good);
    }

    public static IReadOnlyList<Fact> For(SentinelSnapshot s)
    {
        if (s.Process.State == ProcessState.Paused) return Frozen(s.Process);
        if (!s.Reachable) return Gone(s.Process, s.Error);
        var facts = new List<Fact>
        {
            new($"master {s.MasterNodeName ?? s.MasterAddress ?? "?"}", s.MasterAddress is null ? Tone.Bad : Tone.Strong),
            new($"sdown {YesNo(s.SDown)}", s.SDown ? Tone.Warn : Tone.Normal),
            new($"odown {YesNo(s.ODown)}", s.ODown ? Tone.Bad : Tone.Normal),
        };
        if (s.FailoverInProgress) facts.Add(new($"failover {s.FailoverState ?? "in progress"}", Tone.Warn));
        // What it would do if asked now (sentinelSelectSlave's rules): during a failover its own state says more.
        else if (s.Promotion is { } promotion) facts.Add(new(promotion.Summary, promotion.Promotes is null ? Tone.Warn : Tone.Good));
        if (s.KnownReplicas is { } replicas) facts.Add(new($"replicas {replicas}"));
        if (s.KnownSentinels is { } sentinels) facts.Add(new($"sentinels {sentinels}"));
        if (s.Epoch is { } epoch) facts.Add(new($"epoch {epoch}"));
        if (s.QuorumOk is false) facts.Add(new("NOQUORUM", Tone.Bad));
        return [.. ByHand(s.Process), .. facts];
    }

    private static IReadOnlyList<Fact> Frozen(ProcessStatus p) =>
        [new(p.Pid is { } pid ? $"pid {pid}" : "paused", Tone.Warn), new("SIGSTOP: answers nothing", Tone.Dim)];

    private static IReadOnlyList<Fact> Gone(ProcessStatus p, string? error)
    {
        // Alive but silent (DEBUG SLEEP, overloaded, a SIGSTOP from elsewhere): say that first, not "running".
        if (p.IsAlive)
            return [new($"no reply: {error ?? "not answering"}", Tone.Warn), new(p.Pid is { } pid ? $"pid {pid} runs" : "process runs", Tone.Dim)];
        var facts = new List<Fact> { new(p.ToString(), p.IsAlive ? Tone.Warn : Tone.Bad) };
        if (!string.IsNullOrWhiteSpace(error)) facts.Add(new(error, Tone.Dim));
        return facts;
    }

    private static string YesNo(bool value) => value ? "YES" : "no";

    private static string Port(int? port) => port is { } p ? $":{p}" : "?";

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    internal static string Bytes(long bytes) => bytes switch
    {
        < 10_000 => $"{bytes} B",
        < 10_000_000 => $"{bytes / 1024} KiB",
        _ => $"{bytes / (1024 * 1024)} MiB",
    };
}
