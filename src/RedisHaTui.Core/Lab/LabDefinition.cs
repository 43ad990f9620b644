using System.Collections.Immutable;

namespace RedisHaTui.Core.Lab;

/// <summary>What a process of the lab is.</summary>
public enum ProcessKind { Node, Sentinel }

/// <summary>A process of the lab, validated, with the port offset already applied.</summary>
/// <param name="Name">Unique name, e.g. node1.</param>
/// <param name="Folder">Absolute path of its folder under lab/ (the pristine config template).</param>
/// <param name="Port">The port it listens on, offset included.</param>
public abstract record ProcessDefinition(string Name, string Folder, int Port, ProcessKind Kind)
{
    /// <summary>The config file name in its folder: redis.conf or sentinel.conf.</summary>
    public string ConfigFileName => Kind == ProcessKind.Node ? "redis.conf" : "sentinel.conf";

    public string Address => $"{LabDefinition.Host}:{Port}";
}

/// <summary>A data node (redis-server).</summary>
public sealed record NodeDefinition(string Name, string Folder, int Port, string? ReplicaOf)
    : ProcessDefinition(Name, Folder, Port, ProcessKind.Node);

/// <summary>A sentinel (redis-sentinel).</summary>
public sealed record SentinelDefinition(
    string Name, string Folder, int Port, int Quorum, int DownAfterMilliseconds,
    int FailoverTimeoutMilliseconds, int ParallelSyncs)
    : ProcessDefinition(Name, Folder, Port, ProcessKind.Sentinel);

/// <summary>A validated lab: everything the supervisor and the monitor need, nothing left to check.</summary>
public sealed record LabDefinition(
    string LabFile,
    string MasterName,
    int PortOffset,
    string RunDirectory,
    ImmutableArray<NodeDefinition> Nodes,
    ImmutableArray<SentinelDefinition> Sentinels,
    RedisSettings Redis,
    MonitorSettings Monitor,
    UiSettings Ui)
{
    /// <summary>Everything binds here: the lab is loopback only.</summary>
    public const string Host = "127.0.0.1";

    public string LabDirectory => Path.GetDirectoryName(LabFile)!;

    /// <summary>Nodes first, then sentinels: the order they start in and are shown in.</summary>
    public IEnumerable<ProcessDefinition> Processes => Nodes.Cast<ProcessDefinition>().Concat(Sentinels);

    /// <summary>The node that lab.json names master (the one that replicates nobody).</summary>
    public NodeDefinition InitialMaster => Nodes.First(n => n.ReplicaOf is null);

    public ProcessDefinition? Find(string name) =>
        Processes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The node listening on a port, e.g. to name the master a sentinel reports.</summary>
    public NodeDefinition? NodeByPort(int port) => Nodes.FirstOrDefault(n => n.Port == port);

    public string NodeLabel(string? host, int? port) =>
        port is null ? "?" : NodeByPort(port.Value)?.Name ?? $"{host}:{port}";
}
