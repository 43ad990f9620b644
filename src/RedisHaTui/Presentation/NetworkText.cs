using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// A partition on the screen, in words, pure: which side of the cut a pane is on and what it cannot see, the cut
/// itself, two masters when there are two, and each client's ledger side by side.
/// </summary>
internal static class NetworkText
{
    /// <summary>"side 1 · cut from node2, sentinel2, sentinel3, B" on a pane of a process in the cut; null otherwise.</summary>
    public static Fact? Side(NetworkState network, string process)
    {
        if (network.Cut is not { } cut || cut.SideOf(process) is not { } side) return null;
        var others = side == 0 ? cut.Right : cut.Left;
        return new Fact($"side {side + 1} · cut from {string.Join(", ", others)}", Tone.Warn);
    }

    /// <summary>"cut: node1, sentinel1, A / node2, sentinel2, sentinel3, B · 6 links", null when the network is whole.</summary>
    public static Fact? Cut(LabSnapshot s)
    {
        if (s.Network.Cut is not { } cut) return null;
        int links = cut.Links(s.Nodes.Select(n => n.Name).Concat(s.Sentinels.Select(x => x.Name))).Count();
        return new Fact($"cut: {cut} · {links} link{(links == 1 ? "" : "s")} stalled both ways (heal: `redis-ha-tui heal` or ! then heal)", Tone.Warn);
    }

    /// <summary>
    /// "split brain: node1 (cut off, accepting writes from A) and node2 (promoted by sentinel2, sentinel3)" while two
    /// nodes both answer as master; null otherwise.
    /// </summary>
    public static Fact? SplitBrain(LabSnapshot s)
    {
        NodeSnapshot[] masters = [.. s.Nodes.Where(n => n is { Reachable: true, Role: NodeRole.Master })];
        if (masters.Length < 2) return null;
        int majority = s.Sentinels.Length / 2 + 1;
        return new Fact("split brain: " + string.Join(" and ", masters.Select(m => Describe(s, m, majority))), Tone.Bad);
    }

    private static string Describe(LabSnapshot s, NodeSnapshot m, int majority)
    {
        string[] believers = [.. s.Sentinels.Where(x => x.Reachable && x.MasterNodeName == m.Name).Select(x => x.Name)];
        if (believers.Length >= majority) return $"{m.Name} (promoted by {string.Join(", ", believers)})";
        bool cutOff = s.Network.Cut?.SideOf(m.Name) is not null;
        string writes = PaneFacts.Writes(m) is { Tone: Tone.Bad } ? "refusing writes (NOREPLICAS)" : "accepting writes";
        string[] clients = Clients(s, m.Name);
        string from = clients.Length == 0 ? "" : $" from {string.Join(", ", clients)}";
        return $"{m.Name} ({(cutOff ? "cut off, " : "")}{writes}{from})";
    }

    /// <summary>The clients on the same side of the cut as a process: every name of its side that is no process.</summary>
    private static string[] Clients(LabSnapshot s, string process)
    {
        if (s.Network.Cut is not { } cut || cut.SideOf(process) is not { } side) return [];
        return [.. (side == 0 ? cut.Left : cut.Right).Where(n => s.Node(n) is null && s.Sentinel(n) is null)];
    }

    /// <summary>
    /// "A: acked 1395 · refused 1105 (NOREPLICAS 1105) · LOST 1043 │ B: acked 1410 · …": each client's latest
    /// ledger, side by side; null when no named client has run.
    /// </summary>
    public static Fact? ClientLedgers(LabSnapshot s)
    {
        LoadLedger[] ledgers = [.. s.Loads.Where(l => l.Client is not null).GroupBy(l => l.Client).Select(g => g.Last()).OrderBy(l => l.Client)];
        if (ledgers.Length == 0) return null;
        // A pinned client is the contrast to the sentinel-aware one that ran beside it (lesson 4): that one first.
        if (ledgers.FirstOrDefault(l => l.PinnedTo is not null) is { } pinned
            && s.Loads.LastOrDefault(l => l.Client is null && l.Overlaps(pinned)) is { } aware)
            ledgers = [aware, .. ledgers];
        string text = string.Join(" │ ", ledgers.Select(Ledger));
        Tone tone = ledgers.Any(l => l.Lost is > 0) ? Tone.Bad : ledgers.Any(l => l.Failed > 0) ? Tone.Warn : Tone.Strong;
        return new Fact(text, tone);
    }

    private static string Ledger(LoadLedger l) =>
        $"{l.Client ?? LedgerHeadline.SentinelAware}: acked {l.Acked} · refused {l.Failed}" +
        (LoadChartText.Errors(l) is { } errors ? $" ({errors})" : "") +
        (l.Lost is { } lost ? $" · {(lost > 0 ? "acked then LOST" : "lost")} {lost}" : l.Running ? " · running" : "");
}
