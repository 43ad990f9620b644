namespace RedisHaTui.Core.State;

/// <summary>
/// Derives the lab-wide view from the per-process parts of a snapshot: who is master by the sentinels'
/// consensus and by the nodes' own roles, where they disagree, whether the lab is healthy and why not,
/// and each replica's lag behind its master. Pure: the same parts always give the same verdict.
/// </summary>
public static class LabHealth
{
    public static LabSnapshot Evaluate(LabSnapshot s)
    {
        ValueArray<NodeSnapshot> nodes = WithLag(s.Nodes);
        var disagreements = new List<string>();
        var problems = new List<string>();

        string[] claimingMaster = nodes.Where(n => n.Reachable && n.Role == NodeRole.Master).Select(n => n.Name).ToArray();
        string? byRoles = claimingMaster.Length == 1 ? claimingMaster[0] : null;
        if (claimingMaster.Length > 1) disagreements.Add($"{claimingMaster.Length} nodes claim master: {string.Join(", ", claimingMaster)}");
        if (claimingMaster.Length == 0) problems.Add("no reachable node is master");

        SentinelSnapshot[] answering = s.Sentinels.Where(x => x.Reachable && x.MasterNodeName is not null).ToArray();
        string? bySentinels = answering.GroupBy(x => x.MasterNodeName).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        foreach (SentinelSnapshot x in answering.Where(x => x.MasterNodeName != bySentinels))
            disagreements.Add($"{x.Name} says master is {x.MasterNodeName}, others {bySentinels}");
        if (bySentinels is not null && byRoles is not null && bySentinels != byRoles)
            disagreements.Add($"sentinels say {bySentinels}, but {byRoles} is the node with role master");

        foreach (NodeSnapshot n in nodes)
        {
            if (!n.Reachable) problems.Add($"{n.Name} is down");
            else if (n.Name != byRoles && n.Role == NodeRole.Replica && n.LinkStatus != "up") problems.Add($"{n.Name}: link to {n.FollowsName} is {n.LinkStatus ?? "?"}");
            else if (byRoles is not null && n.Role == NodeRole.Replica && n.FollowsName != byRoles) problems.Add($"{n.Name} follows {n.FollowsName}, not {byRoles}");
        }
        int otherNodes = s.Nodes.Length - 1, otherSentinels = s.Sentinels.Length - 1;
        foreach (SentinelSnapshot x in s.Sentinels)
        {
            if (!x.Reachable) problems.Add($"{x.Name} is down");
            else if (x.MasterNodeName is null) problems.Add($"{x.Name}: {x.Error ?? "reports no master"}");
            else
            {
                if (x.ODown) problems.Add($"{x.Name}: master objectively down");
                else if (x.SDown) problems.Add($"{x.Name}: master subjectively down");
                if (x.FailoverInProgress) problems.Add($"{x.Name}: failover in progress");
                if (x.KnownReplicas < otherNodes) problems.Add($"{x.Name} knows {x.KnownReplicas} of {otherNodes} replicas");
                if (x.KnownSentinels < otherSentinels) problems.Add($"{x.Name} knows {x.KnownSentinels} of {otherSentinels} other sentinels");
            }
        }
        problems.InsertRange(0, disagreements);
        bool healthy = problems.Count == 0 && byRoles is not null && bySentinels == byRoles;
        var consensus = new Consensus
        {
            MasterBySentinels = bySentinels, MasterByRoles = byRoles, Disagreements = [.. disagreements], Healthy = healthy, Problems = [.. problems],
        };
        LabSnapshot evaluated = s with { Nodes = nodes, Consensus = consensus };
        return evaluated with { Writes = WritesStatus.Of(evaluated), Readiness = FailoverReadiness.Of(s.Sentinels, consensus) };
    }

    /// <summary>A replica's lag in bytes is its master's offset minus its own.</summary>
    private static ValueArray<NodeSnapshot> WithLag(ValueArray<NodeSnapshot> nodes) =>
    [
        .. nodes.Select(n =>
        {
            if (n.Role != NodeRole.Replica || n.Offset is null) return n.LagBytes is null ? n : n with { LagBytes = null };
            NodeSnapshot? master = nodes.FirstOrDefault(m => m.Name == n.FollowsName && m.Reachable && m.Role == NodeRole.Master);
            long? lag = master?.Offset is { } mo ? Math.Max(0, mo - n.Offset.Value) : null;
            return n.LagBytes == lag ? n : n with { LagBytes = lag };
        }),
    ];
}
