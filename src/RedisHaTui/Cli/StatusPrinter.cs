using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Cli;

/// <summary>Prints a snapshot for `status`: a table for people, one JSON document for scripts (shape in README).</summary>
public static class StatusPrinter
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Text(LabDefinition lab, LabSnapshot s, IReadOnlyDictionary<string, int?> pids)
    {
        var sb = new StringBuilder();
        string verdict = s.Consensus.Healthy ? "healthy" : "NOT healthy";
        sb.AppendLine($"{LabLoader.Relative(lab.LabFile)} · {lab.MasterName} · master {s.Consensus.MasterByRoles ?? "?"} (sentinels say {s.Consensus.MasterBySentinels ?? "?"}) · {verdict}");
        sb.AppendLine();
        var nodes = new List<string[]> { new[] { "NODE", "ADDRESS", "PROCESS", "ROLE", "FOLLOWS", "LINK", "OFFSET", "LAG", "KEYS", "REPLICAS" } };
        foreach (NodeSnapshot n in s.Nodes)
            nodes.Add([n.Name, n.Endpoint.ToString(), Process(n.Reachable, pids.GetValueOrDefault(n.Name)), n.Reachable ? Role(n.Role) : n.Error ?? "down",
                n.FollowsName ?? "-", n.LinkStatus ?? "-", n.Offset?.ToString() ?? "-", n.LagBytes is { } lag ? $"{lag} B" : "-", n.Keys?.ToString() ?? "-",
                n.Replicas.Length == 0 ? "-" : string.Join(", ", n.Replicas.Select(r => $"{r.Name ?? r.Port.ToString()} {r.State} lag {r.LagSeconds}s"))]);
        Table(sb, nodes);
        sb.AppendLine();
        var sentinels = new List<string[]> { new[] { "SENTINEL", "ADDRESS", "PROCESS", "MASTER", "FLAGS", "REPLICAS", "SENTINELS", "EPOCH", "QUORUM" } };
        foreach (SentinelSnapshot x in s.Sentinels)
            sentinels.Add([x.Name, x.Endpoint.ToString(), Process(x.Reachable, pids.GetValueOrDefault(x.Name)),
                x.Reachable ? x.MasterNodeName ?? x.Error ?? "?" : x.Error ?? "down", Flags(x), x.KnownReplicas?.ToString() ?? "-",
                x.KnownSentinels?.ToString() ?? "-", x.Epoch?.ToString() ?? "-", x.Quorum is null ? "-" : x.QuorumOk == true ? "OK" : x.Quorum]);
        Table(sb, sentinels);
        if (s.Consensus.Problems.Length > 0)
        {
            sb.AppendLine();
            foreach (string p in s.Consensus.Problems) sb.AppendLine($"! {p}");
        }
        return sb.ToString();
    }

    public static string JsonDocument(LabDefinition lab, LabSnapshot s, IReadOnlyDictionary<string, int?> pids) => JsonSerializer.Serialize(new
    {
        lab = lab.LabFile,
        masterName = lab.MasterName,
        portOffset = lab.PortOffset,
        healthy = s.Consensus.Healthy,
        master = new { bySentinels = s.Consensus.MasterBySentinels, byRoles = s.Consensus.MasterByRoles },
        disagreements = s.Consensus.Disagreements,
        problems = s.Consensus.Problems,
        nodes = s.Nodes.Select(n => new
        {
            name = n.Name, host = n.Endpoint.Host, port = n.Port, up = n.Reachable, pid = pids.GetValueOrDefault(n.Name),
            role = n.Reachable ? Role(n.Role) : null, follows = n.FollowsName, followsPort = n.FollowsPort, link = n.LinkStatus,
            lastIoSecondsAgo = n.LastIoSecondsAgo, syncInProgress = n.SyncInProgress, offset = n.Offset, lagBytes = n.LagBytes,
            replicas = n.Replicas.Select(r => new { name = r.Name, ip = r.Ip, port = r.Port, state = r.State, offset = r.Offset, lagSeconds = r.LagSeconds }),
            goodReplicas = n.GoodReplicas, keys = n.Keys, aof = n.Aof, error = n.Error,
        }),
        sentinels = s.Sentinels.Select(x => new
        {
            name = x.Name, host = x.Endpoint.Host, port = x.Port, up = x.Reachable, pid = pids.GetValueOrDefault(x.Name),
            master = x.MasterNodeName, masterAddress = x.MasterAddress, sDown = x.SDown, oDown = x.ODown,
            failoverInProgress = x.FailoverInProgress, knownReplicas = x.KnownReplicas, knownSentinels = x.KnownSentinels,
            epoch = x.Epoch, quorum = x.Quorum, quorumOk = x.QuorumOk, error = x.Error,
        }),
    }, Json);

    private static string Role(NodeRole role) => role switch { NodeRole.Master => "master", NodeRole.Replica => "replica", _ => "?" };

    private static string Process(bool reachable, int? pid) => (reachable ? "up" : "down") + (pid is { } p ? $" {p}" : "");

    private static string Flags(SentinelSnapshot x)
    {
        var flags = new List<string>();
        if (x.SDown) flags.Add("s_down");
        if (x.ODown) flags.Add("o_down");
        if (x.FailoverInProgress) flags.Add("failover");
        return flags.Count == 0 ? "-" : string.Join(",", flags);
    }

    private static void Table(StringBuilder sb, List<string[]> rows)
    {
        int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (string[] row in rows)
            sb.AppendLine(string.Join("  ", row.Select((cell, c) => c == row.Length - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
    }
}
