using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Faults;

/// <summary>
/// The partition lessons of the fault menu, as data: each says what to expect before it runs, and is disabled with
/// the reason (and the flag that enables partitions) where the lab cannot be cut. How they run: PartitionLessons.Runs.cs.
/// </summary>
public static partial class PartitionLessons
{
    public static readonly IReadOnlyList<FaultEntry> All =
    [
        new("split brain, bounded: cut the master, a sentinel and client A from the rest",
            (s, lab) => $"{Master(s)}, {Lone(lab)} and client A lose every link to {Others(s, lab)} and client B. {Majority(lab)} promote " +
                        $"{Replica(s)} after down-after ({DownAfter(lab)}); {Master(s)} keeps acknowledging A's writes until its replica has been " +
                        $"silent for min-replicas-max-lag ({MaxLag(s)} s), then refuses them (NOREPLICAS). B's writes wait for {Replica(s)} to have a replica. " +
                        $"Both clients stop at the heal; {Master(s)} is then converted to a replica, and every write it acknowledged after the cut is " +
                        "gone: the ledgers count them, list them, and read back from the final master to prove it. About 30-40 s.",
            (s, lab) => SplitBrainWhyNot(s),
            NoSteps,
            (c, ct) => SplitBrainAsync(c, unbounded: false, ct)),

        new("split brain, unbounded: the same with min-replicas-to-write 0",
            (s, lab) => $"min-replicas-to-write is set to 0 on every node (CONFIG SET + CONFIG REWRITE: `drift` shows it), then the same cut. " +
                        $"Now nothing stops {Master(s)}: it acknowledges client A for the whole partition (held {Hold(s).TotalSeconds:0} s after the " +
                        "promotion), and all of it is lost at the heal. The setting goes back afterwards.",
            (s, lab) => SplitBrainWhyNot(s),
            (_, _) => [FaultStep.Command("config set min-replicas-to-write 0"), FaultStep.Command("config rewrite")],
            (c, ct) => SplitBrainAsync(c, unbounded: true, ct)),

        new("minority sentinel: cut one sentinel off alone",
            (s, lab) => $"{Lone(lab)} loses every link. After down-after ({DownAfter(lab)}) it marks {Master(s)} +sdown, but it cannot gather the " +
                        $"quorum ({lab.Sentinels.Max(x => x.Quorum)}) for +odown, let alone a majority's vote: no failover. The other sentinels see " +
                        $"{Master(s)} fine. The run watches for 3 × down-after, then heals.",
            (s, lab) => CommonWhyNot(s),
            NoSteps,
            MinoritySentinelAsync),

        new("replica cut from its master",
            (s, lab) => $"{Replica(s)} loses its link to {Master(s)}; the sentinels still reach both. {Master(s)} is fine, so no failover; but once " +
                        $"its replica has been silent for min-replicas-max-lag ({MaxLag(s)} s) it refuses writes (client A runs to show it), " +
                        "until the heal lets the replica catch up.",
            (s, lab) => CommonWhyNot(s) ?? (Replica(s) == "a replica" ? "no replica is linked" : null),
            NoSteps,
            ReplicaCutAsync),

        new("heal the network",
            (s, lab) => $"Every cut link goes through again: the connections the cut held ({s.Network.Cut}) are closed and the processes reconnect. " +
                        "Custom cuts: `redis-ha-tui partition node1,sentinel1,A / rest` from another terminal.",
            (s, lab) => s.Network.WhyNot ?? (s.Network.Cut is null ? "the network is whole (cut it with a lesson, or `redis-ha-tui partition SPEC`)" : null),
            NoSteps,
            async (c, ct) => await c.Network!.HealAsync()),
    ];

    /// <summary>The cut and the heal go through the owner's relay, which the network state already answers for; the clients only read and write data.</summary>
    private static IEnumerable<FaultStep> NoSteps(LabSnapshot s, LabDefinition lab) => [];

    private static string? CommonWhyNot(LabSnapshot s) =>
        s.Network.WhyNot
        ?? (s.Network.Cut is not null ? $"a cut is in force ({s.Network.Cut}): heal it first" : null)
        ?? (ActionRules.CurrentMaster(s) is null ? "no master" : null);

    private static string? SplitBrainWhyNot(LabSnapshot s) =>
        CommonWhyNot(s)
        ?? (s.Nodes.Any(n => n is { Reachable: true, Role: NodeRole.Replica, LinkStatus: "up" }) ? null : "no replica linked: nobody to promote")
        ?? (s.Sentinels.Count(x => x.Reachable) < 3 ? "needs three sentinels answering (one cut off, two to promote)" : null);

    private static string Master(LabSnapshot s) => ActionRules.CurrentMaster(s) ?? "the master";

    private static string Replica(LabSnapshot s) =>
        s.Nodes.FirstOrDefault(n => n is { Reachable: true, Role: NodeRole.Replica })?.Name ?? "a replica";

    /// <summary>The sentinel that goes with the master: the first one.</summary>
    private static string Lone(LabDefinition lab) => lab.Sentinels[0].Name;

    private static string Others(LabSnapshot s, LabDefinition lab) =>
        string.Join(", ", lab.Processes.Select(p => p.Name).Where(n => n != Master(s) && n != Lone(lab)));

    private static string Majority(LabDefinition lab) => string.Join(" and ", lab.Sentinels.Skip(1).Select(x => x.Name));

    private static string DownAfter(LabDefinition lab) => $"{lab.Sentinels.Max(x => x.DownAfterMilliseconds) / 1000.0:0.#} s";

    /// <summary>The master's min-replicas-max-lag as CONFIG GET read it; Redis's default (10) until read.</summary>
    private static int MaxLag(LabSnapshot s) =>
        s.Nodes.FirstOrDefault(n => n.Name == ActionRules.CurrentMaster(s))?.MinReplicasMaxLag ?? 10;

    /// <summary>How long the unbounded lesson keeps the cut after the promotion: past the bound the first lesson stopped at.</summary>
    private static TimeSpan Hold(LabSnapshot s) => TimeSpan.FromSeconds(MaxLag(s) + 5);
}
