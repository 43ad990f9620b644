using System.Collections.Immutable;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// Every check that needs only the settings: names, ports, replica relations, quorum, timings, folders.
/// Checks that need the machine (binaries, busy ports, a writable run directory) are in the launcher's preflight.
/// </summary>
internal static class LabValidator
{
    public static LabDefinition Validate(string path, string shown, LabSettings lab, RedisSettings redis, MonitorSettings monitor, UiSettings ui)
    {
        var problems = new List<string>();
        void Problem(string key, string message) => problems.Add($"{shown}: {key}: {message}");
        string labDirectory = Path.GetDirectoryName(path)!;

        if (string.IsNullOrWhiteSpace(lab.MasterName) || lab.MasterName.Any(char.IsWhiteSpace))
            Problem("Lab:MasterName", $"'{lab.MasterName}' must be one word (it is the name Sentinel monitors)");
        if (lab.Nodes.Count == 0) Problem("Lab:Nodes", "the lab needs at least one node");
        if (lab.Sentinels.Count == 0) Problem("Lab:Sentinels", "the lab needs at least one sentinel");

        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var endpoints = new Dictionary<Endpoint, string>();
        Endpoint EndpointOf(string host, int port) => new(string.IsNullOrWhiteSpace(host) ? Endpoint.DefaultHost : host.Trim(), port + lab.PortOffset);
        void CheckProcess(string key, string name, string folder, string host, int port, string configFile)
        {
            Endpoint endpoint = EndpointOf(host, port);
            // Loopback only: the lab is for one machine, and load and failure drills must never reach another host.
            if (!System.Net.IPAddress.TryParse(endpoint.Host, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || !endpoint.IsLoopback)
                Problem($"{key}:Host", $"'{host}' is not a loopback IPv4 address: a lab binds 127.0.0.1 (default) or another 127.x.y.z");
            if (string.IsNullOrWhiteSpace(name) || !name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_'))
                Problem($"{key}:Name", $"'{name}' must be letters, digits, '-' or '_'");
            else if (lab.Auth.Enabled && string.Equals(name, "secrets", StringComparison.OrdinalIgnoreCase))
                Problem($"{key}:Name", "'secrets' is taken: with Lab:Auth on, the run directory keeps the password in secrets/");
            else if (!names.TryAdd(name, key))
                Problem($"{key}:Name", $"'{name}' is already the name of {names[name]}");
            int effective = port + lab.PortOffset;
            if (port is < 1 or > 65535)
                Problem($"{key}:Port", $"{port} is not a port (1-65535)");
            else if (effective is < 1 or > 65535)
                Problem($"{key}:Port", $"{port} + port offset {lab.PortOffset} = {effective} is not a port (1-65535)");
            else if (endpoints.TryGetValue(endpoint, out string? other))
                Problem($"{key}:Port", $"{endpoint} is already used by {other}" + (lab.PortOffset != 0 ? $" (after port offset {lab.PortOffset})" : ""));
            else
                endpoints[endpoint] = string.IsNullOrWhiteSpace(name) ? key : name;
            if (string.IsNullOrWhiteSpace(folder))
                Problem($"{key}:Folder", "missing: the folder under lab/ that holds its " + configFile);
            else if (!File.Exists(Path.Combine(labDirectory, folder, configFile)))
                Problem($"{key}:Folder", $"{Path.Combine(folder, configFile)} not found next to {shown}");
        }

        for (int i = 0; i < lab.Nodes.Count; i++)
            CheckProcess($"Lab:Nodes:{i}", lab.Nodes[i].Name, lab.Nodes[i].Folder, lab.Nodes[i].Host, lab.Nodes[i].Port, "redis.conf");
        for (int i = 0; i < lab.Sentinels.Count; i++)
            CheckProcess($"Lab:Sentinels:{i}", lab.Sentinels[i].Name, lab.Sentinels[i].Folder, lab.Sentinels[i].Host, lab.Sentinels[i].Port, "sentinel.conf");

        CheckReplication(lab.Nodes, Problem);
        for (int i = 0; i < lab.Sentinels.Count; i++)
        {
            SentinelSettings s = lab.Sentinels[i];
            string key = $"Lab:Sentinels:{i}";
            if (s.Quorum < 1 || s.Quorum > lab.Sentinels.Count)
                Problem($"{key}:Quorum", $"{s.Quorum} must be between 1 and the number of sentinels ({lab.Sentinels.Count})");
            if (s.DownAfterMilliseconds < 100)
                Problem($"{key}:DownAfterMilliseconds", $"{s.DownAfterMilliseconds} is too short (at least 100; below 1500 failovers storm)");
            if (s.FailoverTimeoutMilliseconds < 1000)
                Problem($"{key}:FailoverTimeoutMilliseconds", $"{s.FailoverTimeoutMilliseconds} is too short (at least 1000)");
            if (s.ParallelSyncs < 1)
                Problem($"{key}:ParallelSyncs", $"{s.ParallelSyncs} must be at least 1");
        }
        if (monitor.PollIntervalMilliseconds is < 100 or > 60000)
            Problem("Monitor:PollIntervalMilliseconds", $"{monitor.PollIntervalMilliseconds} must be between 100 and 60000");
        if (monitor.LogLines is < 10 or > 1_000_000)
            Problem("Monitor:LogLines", $"{monitor.LogLines} must be between 10 and 1000000");
        if (monitor.CommandTimeoutMilliseconds is < 50 or > 60000)
            Problem("Monitor:CommandTimeoutMilliseconds", $"{monitor.CommandTimeoutMilliseconds} must be between 50 and 60000");
        if (monitor.StopTimeoutMilliseconds is < 100 or > 120000)
            Problem("Monitor:StopTimeoutMilliseconds", $"{monitor.StopTimeoutMilliseconds} must be between 100 and 120000");
        if (monitor.ReadyTimeoutSeconds is < 1 or > 600)
            Problem("Monitor:ReadyTimeoutSeconds", $"{monitor.ReadyTimeoutSeconds} must be between 1 and 600");
        if (ui.IterationsPerSecond is < 5 or > 200)
            Problem("Ui:IterationsPerSecond", $"{ui.IterationsPerSecond} must be between 5 and 200");
        if (ui.Theme is not ("default" or "presenter" or "mono"))
            Problem("Ui:Theme", $"'{ui.Theme}' is not a theme (default, presenter, mono)");
        if (ui.TimelineLines is < 10 or > 100_000)
            Problem("Ui:TimelineLines", $"{ui.TimelineLines} must be between 10 and 100000");
        if (string.IsNullOrWhiteSpace(lab.RunDirectory))
            Problem("Lab:RunDirectory", "must not be empty");
        if (problems.Count > 0) throw new LabLoadException(problems);

        string stem = Path.GetFileNameWithoutExtension(path);
        string runDirectory = Path.GetFullPath(Path.Combine(labDirectory, lab.RunDirectory, $"{stem}-{lab.PortOffset}"));
        return new LabDefinition(
            path, lab.MasterName, lab.PortOffset, runDirectory,
            [.. lab.Nodes.Select(n => new NodeDefinition(n.Name, Path.GetFullPath(Path.Combine(labDirectory, n.Folder)), EndpointOf(n.Host, n.Port),
                string.IsNullOrWhiteSpace(n.ReplicaOf) ? null : lab.Nodes.First(m => string.Equals(m.Name, n.ReplicaOf, StringComparison.OrdinalIgnoreCase)).Name))],
            [.. lab.Sentinels.Select(s => new SentinelDefinition(s.Name, Path.GetFullPath(Path.Combine(labDirectory, s.Folder)), EndpointOf(s.Host, s.Port),
                s.Quorum, s.DownAfterMilliseconds, s.FailoverTimeoutMilliseconds, s.ParallelSyncs))],
            redis, monitor, ui);
    }

    /// <summary>Exactly one node replicates nobody, every ReplicaOf names another node, and there is no loop.</summary>
    private static void CheckReplication(List<NodeSettings> nodes, Action<string, string> problem)
    {
        var byName = nodes.Where(n => !string.IsNullOrWhiteSpace(n.Name))
            .GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        bool referencesOk = true;
        for (int i = 0; i < nodes.Count; i++)
        {
            string? of = nodes[i].ReplicaOf;
            if (string.IsNullOrWhiteSpace(of)) continue;
            if (string.Equals(of, nodes[i].Name, StringComparison.OrdinalIgnoreCase))
            { problem($"Lab:Nodes:{i}:ReplicaOf", $"'{of}' cannot replicate itself"); referencesOk = false; }
            else if (!byName.ContainsKey(of))
            { problem($"Lab:Nodes:{i}:ReplicaOf", $"'{of}' is not a node of this lab (nodes: {string.Join(", ", byName.Keys)})"); referencesOk = false; }
        }
        int masters = nodes.Count(n => string.IsNullOrWhiteSpace(n.ReplicaOf));
        if (nodes.Count > 0 && masters != 1)
            problem("Lab:Nodes", masters == 0
                ? "no node is a master: exactly one node must have no ReplicaOf"
                : $"{masters} nodes have no ReplicaOf ({string.Join(", ", nodes.Where(n => string.IsNullOrWhiteSpace(n.ReplicaOf)).Select(n => n.Name))}): exactly one may be the master");
        if (!referencesOk || masters != 1) return;
        foreach (NodeSettings start in nodes)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (NodeSettings? n = start; n?.ReplicaOf is { Length: > 0 } of; n = byName.GetValueOrDefault(of))
                if (!seen.Add(n.Name)) { problem("Lab:Nodes", $"replication loop through {string.Join(" → ", seen)}"); return; }
        }
    }
}
