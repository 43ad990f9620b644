namespace RedisHaTui.Core.Lab;

// These classes mirror lab.json one to one so Microsoft.Extensions.Configuration can bind them; LabLoader turns
// them into the validated LabDefinition the rest of the app uses. Redis, Monitor, Ui and Load go into the
// definition as they are, as records that nothing changes after loading. Their properties have setters, not
// init: the binder's source generator (what makes binding work under NativeAOT) silently skips init-only
// properties, and every setting of these sections was then ignored (LabLoaderTests pins one per section).

/// <summary>The "Lab" section of lab.json: the topology.</summary>
public sealed class LabSettings
{
    public string MasterName { get; set; } = "myMaster";
    public int PortOffset { get; set; }
    public string RunDirectory { get; set; } = ".run";
    public List<NodeSettings> Nodes { get; set; } = [];
    public List<SentinelSettings> Sentinels { get; set; } = [];
    public AuthSettings Auth { get; set; } = new();
    public NetworkSettings Network { get; set; } = new();
}

/// <summary>
/// "Lab:Network": partitions on one machine without root. Off by default: the tutorial's lab (and start.sh by hand)
/// stays exactly as it is; on, every process gets an identity address and reaches the others through the app's relay.
/// </summary>
public sealed class NetworkSettings
{
    /// <summary>Put the app's relay between every pair of processes so links can be cut (`--Lab:Network:Partitions true`).</summary>
    public bool Partitions { get; set; }
}

/// <summary>
/// "Lab:Auth": a password on every node and sentinel. The password itself never goes in lab.json (a key
/// named Password is refused): it is generated once per run directory, or read from <see cref="PasswordFile"/>.
/// </summary>
public sealed class AuthSettings
{
    /// <summary>Off by default: the tutorial's lab has no password.</summary>
    public bool Enabled { get; set; }
    /// <summary>A file holding the password (first line), readable only by its owner; empty: generate one.</summary>
    public string PasswordFile { get; set; } = "";
}

/// <summary>One data node of lab.json.</summary>
public sealed class NodeSettings
{
    public string Name { get; set; } = "";
    public string Folder { get; set; } = "";
    /// <summary>A loopback address to bind (127.0.0.2 …); empty means 127.0.0.1.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public string? ReplicaOf { get; set; }
}

/// <summary>One sentinel of lab.json.</summary>
public sealed class SentinelSettings
{
    public string Name { get; set; } = "";
    public string Folder { get; set; } = "";
    /// <summary>A loopback address to bind (127.0.0.2 …); empty means 127.0.0.1.</summary>
    public string Host { get; set; } = "";
    public int Port { get; set; }
    public int Quorum { get; set; } = 2;
    public int DownAfterMilliseconds { get; set; } = 5000;
    public int FailoverTimeoutMilliseconds { get; set; } = 60000;
    public int ParallelSyncs { get; set; } = 1;
}

/// <summary>The "Redis" section: where the binaries are.</summary>
public sealed record RedisSettings
{
    /// <summary>redis-server to use; empty means PATH, then the project-local install.</summary>
    public string ServerPath { get; set; } = "";
    /// <summary>redis-sentinel to use; empty means next to redis-server, then PATH.</summary>
    public string SentinelPath { get; set; } = "";
    /// <summary>
    /// Where Redis is unpacked when none is found (relative to the lab file's folder); empty means the one shared
    /// by all of the user's labs, <see cref="UserFolders.SharedRedis"/>.
    /// </summary>
    public string InstallDirectory { get; set; } = "";
    /// <summary>Unpack Debian's Redis into InstallDirectory when none is found.</summary>
    public bool AutoInstall { get; set; } = true;
}

/// <summary>The "Monitor" section: polling and process settings.</summary>
public sealed record MonitorSettings
{
    public int PollIntervalMilliseconds { get; set; } = 1000;
    public int LogLines { get; set; } = 5000;
    public int CommandTimeoutMilliseconds { get; set; } = 1000;
    public int StopTimeoutMilliseconds { get; set; } = 5000;
    public int ReadyTimeoutSeconds { get; set; } = 30;
}

/// <summary>The "Ui" section: screen settings.</summary>
public sealed record UiSettings
{
    public string Theme { get; set; } = "default";
    public int IterationsPerSecond { get; set; } = 20;
    public int TimelineLines { get; set; } = 500;
    /// <summary>True: Terminal.Gui's own polling input and fixed-slice loop (~2.5 % of a core idle) instead of the sleeping ones (issue 18).</summary>
    public bool PollWhenIdle { get; set; }
    /// <summary>Where the session records (--record FILE): empty for the default place (Recording/RecordingPlace.cs), "off" for nowhere (--no-record).</summary>
    public string Record { get; set; } = "";
}

/// <summary>The "Load" section: the write load the `w` key starts (the `load` verb takes --rate instead).</summary>
public sealed record LoadSettings
{
    /// <summary>Writes per second.</summary>
    public int Rate { get; set; } = 100;
}
