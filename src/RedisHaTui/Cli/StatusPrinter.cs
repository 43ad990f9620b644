using System.Text;
using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>Prints a snapshot for `status`: a table for people, one JSON document for scripts (shape in README).</summary>
public static class StatusPrinter
{
    /// <param name="ranBefore">The lab's processes left log files in its run directory: "nothing running", not "… yet".</param>
    public static string Text(LabDefinition lab, LabSnapshot s, IReadOnlyDictionary<string, int?> pids, bool ranBefore = false)
    {
        var sb = new StringBuilder();
        string? nothing = NothingRunningText.Of(s, ranBefore);
        if (nothing is not null)
        {
            // No verdict to give: "master ? · NOT healthy" and every process "is down" would read as a broken lab.
            sb.AppendLine($"{Where(lab)} · {lab.MasterName} · {nothing}: {NothingAnswers(lab)}");
        }
        else
        {
            string verdict = s.Consensus.Healthy ? "healthy" : "NOT healthy";
            if (s.Consensus.Healthy) verdict += s.Readiness.Ready ? ", ready to fail over" : ", NOT ready to fail over";
            sb.AppendLine($"{Where(lab)} · {lab.MasterName} · master {s.Consensus.MasterByRoles ?? "?"} (sentinels say {s.Consensus.MasterBySentinels ?? "?"}) · {verdict}");
            sb.AppendLine(s.Writes.Text); // what a client gets, under what Sentinel believes
            sb.AppendLine($"failover: {s.Readiness.Reason}"); // what SENTINEL FAILOVER would do now
        }
        sb.AppendLine();
        var nodes = new List<string[]> { new[] { "NODE", "ADDRESS", "PROCESS", "ROLE", "FOLLOWS", "LINK", "OFFSET", "LAG", "KEYS", "REPLICAS" } };
        foreach (NodeSnapshot n in s.Nodes)
            nodes.Add([n.Name, n.Endpoint.ToString(), Process(n.Reachable, pids.GetValueOrDefault(n.Name)), n.Reachable ? Role(n.Role) : n.Error ?? "down",
                n.FollowsName ?? "-", n.LinkStatus ?? "-", n.Offset?.ToString() ?? "-", n.LagBytes is { } lag ? $"{lag} B" : "-", n.Keys?.ToString() ?? "-",
                n.Replicas.Length == 0 ? "-" : string.Join(", ", n.Replicas.Select(r => $"{r.Name ?? r.Port.ToString()} {r.State} lag {r.LagSeconds}s"))]);
        Table(sb, nodes);
        sb.AppendLine();
        var sentinels = new List<string[]> { new[] { "SENTINEL", "ADDRESS", "PROCESS", "MASTER", "FLAGS", "REPLICAS", "SENTINELS", "EPOCH", "QUORUM", "WOULD PROMOTE" } };
        foreach (SentinelSnapshot x in s.Sentinels)
            sentinels.Add([x.Name, x.Endpoint.ToString(), Process(x.Reachable, pids.GetValueOrDefault(x.Name)),
                x.Reachable ? x.MasterNodeName ?? x.Error ?? "?" : x.Error ?? "down", Flags(x), x.KnownReplicas?.ToString() ?? "-",
                x.KnownSentinels?.ToString() ?? "-", x.Epoch?.ToString() ?? "-", x.Quorum is null ? "-" : x.QuorumOk == true ? "OK" : x.Quorum,
                x.Reachable && x.Promotion is { } p ? p.Promotes ?? $"none: {p.Reason}" : "-"]);
        Table(sb, sentinels);
        if (nothing is null && s.Consensus.Problems.Length > 0)
        {
            sb.AppendLine();
            foreach (string p in s.Consensus.Problems) sb.AppendLine($"! {p}");
        }
        return sb.ToString();
    }

    /// <summary>Where nothing answered, and for a lab of this machine how to start it.</summary>
    private static string NothingAnswers(LabDefinition lab) => lab.LabFile.Length > 0
        ? $"no process answers on the lab's ports; start it with `{ShellForms.ThisMachine.Verb(lab, "up")}` or the screen (`{ShellForms.ThisMachine.Verb(lab, "")}`)"
        : "no process of the deployment answers";

    /// <summary>The lab file, or the sentinels a deployment was found through.</summary>
    private static string Where(LabDefinition lab) => lab.LabFile.Length > 0
        ? lab.Describe()
        : $"deployment via {string.Join(",", lab.Sentinels.Select(s => s.Endpoint))}";

    public static string JsonDocument(LabDefinition lab, LabSnapshot s, IReadOnlyDictionary<string, int?> pids) =>
        JsonSerializer.Serialize(Document(lab, s, pids), CliJson.Document.StatusDocument);

    public static StatusDocument Document(LabDefinition lab, LabSnapshot s, IReadOnlyDictionary<string, int?> pids) => new()
    {
        Lab = lab.LabFile,
        MasterName = lab.MasterName,
        PortOffset = lab.PortOffset,
        Healthy = s.Consensus.Healthy,
        FailoverReady = s.Readiness.Ready,
        FailoverReadyReason = s.Readiness.Reason,
        Master = new MasterClaims(s.Consensus.MasterBySentinels, s.Consensus.MasterByRoles),
        Disagreements = s.Consensus.Disagreements,
        Problems = s.Consensus.Problems,
        Nodes = [.. s.Nodes.Select(n => new NodeStatus
        {
            Name = n.Name, Host = n.Endpoint.Host, Port = n.Port, Up = n.Reachable, Pid = pids.GetValueOrDefault(n.Name),
            Role = n.Reachable ? Role(n.Role) : null, Follows = n.FollowsName, FollowsPort = n.FollowsPort, Link = n.LinkStatus,
            LastIoSecondsAgo = n.LastIoSecondsAgo, SyncInProgress = n.SyncInProgress, Offset = n.Offset, LagBytes = n.LagBytes,
            Replicas = [.. n.Replicas.Select(r => new ReplicaStatus { Name = r.Name, Ip = r.Ip, Port = r.Port, State = r.State, Offset = r.Offset, LagSeconds = r.LagSeconds })],
            GoodReplicas = n.GoodReplicas, Keys = n.Keys, Aof = n.Aof, Error = n.Error,
        })],
        Sentinels = [.. s.Sentinels.Select(x => new SentinelStatus
        {
            Name = x.Name, Host = x.Endpoint.Host, Port = x.Port, Up = x.Reachable, Pid = pids.GetValueOrDefault(x.Name),
            Master = x.MasterNodeName, MasterAddress = x.MasterAddress, SDown = x.SDown, ODown = x.ODown,
            FailoverInProgress = x.FailoverInProgress, KnownReplicas = x.KnownReplicas, KnownSentinels = x.KnownSentinels,
            Epoch = x.Epoch, Quorum = x.Quorum, QuorumOk = x.QuorumOk,
            WouldPromote = x.Promotion?.Promotes, Promotion = x.Promotion?.Summary, Error = x.Error,
        })],
    };

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
