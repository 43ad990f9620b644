using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Processes;

/// <summary>
/// The order a whole lab stops in: the sentinels first (so they don't fail over while the data nodes go down),
/// then the replicas, the master last (so no replica is left following nobody and resyncs for nothing).
/// </summary>
public static class StopOrder
{
    /// <param name="currentMaster">The node that is master now; null falls back to lab.json's initial master.</param>
    /// <returns>Groups of process names: each group stops together, after the one before it.</returns>
    public static IReadOnlyList<IReadOnlyList<string>> Groups(LabDefinition lab, string? currentMaster)
    {
        string master = currentMaster is not null && lab.Nodes.Any(n => n.Name == currentMaster) ? currentMaster : lab.InitialMaster.Name;
        return
        [
            [.. lab.Sentinels.Select(s => s.Name)],
            [.. lab.Nodes.Where(n => n.Name != master).Select(n => n.Name)],
            [master],
        ];
    }
}
