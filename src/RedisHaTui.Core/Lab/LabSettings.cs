namespace RedisHaTui.Core.Lab;

// These classes mirror lab.json one to one so Microsoft.Extensions.Configuration can bind them;
// LabLoader turns them into the validated, immutable LabDefinition the rest of the app uses.

/// <summary>The "Lab" section of lab.json: the topology.</summary>
public sealed class LabSettings
{
    public string MasterName { get; set; } = "myMaster";
    public int PortOffset { get; set; }
    public string RunDirectory { get; set; } = ".run";
    public List<NodeSettings> Nodes { get; set; } = [];
    public List<SentinelSettings> Sentinels { get; set; } = [];
}

/// <summary>One data node of lab.json.</summary>
public sealed class NodeSettings
{
    public string Name { get; set; } = "";
    public string Folder { get; set; } = "";
    public int Port { get; set; }
    public string? ReplicaOf { get; set; }
}

/// <summary>One sentinel of lab.json.</summary>
public sealed class SentinelSettings
{
    public string Name { get; set; } = "";
    public string Folder { get; set; } = "";
    public int Port { get; set; }
    public int Quorum { get; set; } = 2;
    public int DownAfterMilliseconds { get; set; } = 5000;
    public int FailoverTimeoutMilliseconds { get; set; } = 60000;
    public int ParallelSyncs { get; set; } = 1;
}

/// <summary>The "Redis" section: where the binaries are.</summary>
public sealed class RedisSettings
{
    /// <summary>redis-server to use; empty means PATH, then the project-local install.</summary>
    public string ServerPath { get; set; } = "";
    /// <summary>redis-sentinel to use; empty means next to redis-server, then PATH.</summary>
    public string SentinelPath { get; set; } = "";
    /// <summary>Where the project-local Redis is unpacked (relative to the lab file's folder).</summary>
    public string InstallDirectory { get; set; } = ".redis";
    /// <summary>Unpack Debian's Redis into InstallDirectory when none is found.</summary>
    public bool AutoInstall { get; set; } = true;
}

/// <summary>The "Monitor" section: polling and process settings.</summary>
public sealed class MonitorSettings
{
    public int PollIntervalMilliseconds { get; set; } = 1000;
    public int LogLines { get; set; } = 5000;
    public int CommandTimeoutMilliseconds { get; set; } = 1000;
    public int StopTimeoutMilliseconds { get; set; } = 5000;
    public int ReadyTimeoutSeconds { get; set; } = 30;
}

/// <summary>The "Ui" section: screen settings.</summary>
public sealed class UiSettings
{
    public string Theme { get; set; } = "default";
    public int IterationsPerSecond { get; set; } = 20;
    public int TimelineLines { get; set; } = 500;
}
