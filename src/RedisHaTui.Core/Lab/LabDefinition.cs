using System.Collections.Immutable;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.Network;

namespace RedisHaTui.Core.Lab;

/// <summary>What a process of the lab is.</summary>
public enum ProcessKind { Node, Sentinel }

/// <summary>A process of the lab, validated, with the port offset already applied.</summary>
/// <param name="Name">Unique name, e.g. node1.</param>
/// <param name="Folder">Absolute path of its folder under lab/ (the pristine config template).</param>
/// <param name="Endpoint">Where it listens, offset included: 127.0.0.1 unless lab.json names another loopback address.</param>
public abstract record ProcessDefinition(string Name, string Folder, Endpoint Endpoint, ProcessKind Kind)
{
    /// <summary>The config file name in its folder: redis.conf or sentinel.conf.</summary>
    public string ConfigFileName => Kind == ProcessKind.Node ? "redis.conf" : "sentinel.conf";

    public int Port => Endpoint.Port;
}

/// <summary>A data node (redis-server).</summary>
public sealed record NodeDefinition(string Name, string Folder, Endpoint Endpoint, string? ReplicaOf)
    : ProcessDefinition(Name, Folder, Endpoint, ProcessKind.Node);

/// <summary>A sentinel (redis-sentinel).</summary>
public sealed record SentinelDefinition(
    string Name, string Folder, Endpoint Endpoint, int Quorum, int DownAfterMilliseconds,
    int FailoverTimeoutMilliseconds, int ParallelSyncs)
    : ProcessDefinition(Name, Folder, Endpoint, ProcessKind.Sentinel);

/// <summary>A validated lab: everything the supervisor and the monitor need, nothing left to check. Immutable.</summary>
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
    /// <summary>Credentials and TLS for every connection to the lab's processes.</summary>
    public ConnectionSecurity Security { get; init; } = ConnectionSecurity.None;

    /// <summary>The write load's settings (lab.json "Load").</summary>
    public LoadSettings Load { get; init; } = new();

    /// <summary>Identities and relay endpoints when partitions are on (lab.json "Lab:Network:Partitions"); else <see cref="LabNetwork.None"/>.</summary>
    public LabNetwork Network { get; init; } = LabNetwork.None;

    public string LabDirectory => Path.GetDirectoryName(LabFile)!;

    /// <summary>True for the tutorial lab the app carries, run because no lab file was found.</summary>
    public bool BuiltIn => LabFile.Length > 0 && Path.GetFullPath(LabDirectory) == Path.GetFullPath(BuiltInLab.Folder);

    /// <summary>How messages name the lab: its file, or what the built-in lab is and how to get a copy.</summary>
    public string Describe() => BuiltIn
        ? $"the built-in tutorial lab (no lab.json here; `{ShellForms.ThisMachine.AppFrom(Directory.GetCurrentDirectory())} init` copies it into a folder), in {LabLoader.Relative(LabDirectory)}"
        : LabLoader.Relative(LabFile);

    /// <summary>Nodes first, then sentinels: the order they start in and are shown in.</summary>
    public IEnumerable<ProcessDefinition> Processes => Nodes.Cast<ProcessDefinition>().Concat(Sentinels);

    /// <summary>The node that lab.json names master (the one that replicates nobody).</summary>
    public NodeDefinition InitialMaster => Nodes.First(n => n.ReplicaOf is null);

    public ProcessDefinition? Find(string name) =>
        Processes.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The node at an address a sentinel or a replica reports, e.g. to name the master.</summary>
    /// <remarks>With partitions on, the processes know each other by their relay endpoints: those name the node too.</remarks>
    public NodeDefinition? NodeAt(string? host, int port) =>
        Nodes.FirstOrDefault(n => n.Endpoint.Matches(host, port) || (Network.Partitions && Network.Reach(n).Matches(host, port)));

    /// <summary>An address as a lab node name (node1) when it is one, else as host:port.</summary>
    public string NodeLabel(string? host, int? port) =>
        port is null ? "?" : NodeAt(host, port.Value)?.Name ?? (host is null ? $"?:{port}" : new Endpoint(host, port.Value).ToString());
}
