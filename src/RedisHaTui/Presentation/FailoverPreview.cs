using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>What the `f` confirmation says will happen, in the lab's own names.</summary>
internal static class FailoverPreview
{
    public static string Describe(LabSnapshot s)
    {
        string master = s.Consensus.MasterBySentinels ?? s.Consensus.MasterByRoles ?? "the current master";
        string[] replicas = [.. s.Nodes.Where(n => n.Name != master && n.Reachable && n.Role == NodeRole.Replica).Select(n => n.Name)];
        string candidates = replicas.Length switch
        {
            0 => "a replica",
            1 => $"a replica ({replicas[0]})",
            _ => $"a replica (one of {string.Join(", ", replicas)})",
        };
        return $"Sentinel will promote {candidates} of {master}; {master} becomes a replica.\n" +
               "~1 s to promote, ~1-6 s for sentinels to agree.";
    }
}
