using System.Text.Json.Nodes;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// A lab in a temporary folder: copies of the repository's lab/ templates and a lab.json on free ports,
/// sharing the repository's project-local Redis. Deleted on dispose.
/// </summary>
public sealed class TempLab : IDisposable
{
    private TempLab(string dir) => Directory = dir;

    public string Directory { get; }
    public string LabFile => Path.Combine(Directory, "lab.json");

    /// <param name="nodes">Data nodes: node1 is master, the others replicate it.</param>
    /// <param name="downAfterMs">Sentinel down-after-milliseconds (1500-2000 fails over fast without storms).</param>
    public static TempLab Create(int nodes = 2, int sentinels = 3, int downAfterMs = 2000, int quorum = 2, Action<JsonObject>? edit = null)
    {
        string dir = Path.Combine(Path.GetTempPath(), "redis-ha-tui-tests", Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "lab"));
        int nodeBase = FreePorts.Block(nodes), sentinelBase = FreePorts.Block(sentinels);
        var nodeArray = new JsonArray();
        for (int i = 1; i <= nodes; i++)
        {
            Copy("node1", dir, $"node{i}", "redis.conf"); // node2's template differs only in what lab.json owns
            var node = new JsonObject { ["Name"] = $"node{i}", ["Folder"] = $"lab/node{i}", ["Port"] = nodeBase + i - 1 };
            if (i > 1) node["ReplicaOf"] = "node1";
            nodeArray.Add(node);
        }
        var sentinelArray = new JsonArray();
        for (int i = 1; i <= sentinels; i++)
        {
            Copy("sentinel1", dir, $"sentinel{i}", "sentinel.conf");
            sentinelArray.Add(new JsonObject
            {
                ["Name"] = $"sentinel{i}", ["Folder"] = $"lab/sentinel{i}", ["Port"] = sentinelBase + i - 1,
                ["Quorum"] = quorum, ["DownAfterMilliseconds"] = downAfterMs, ["FailoverTimeoutMilliseconds"] = 10000,
            });
        }
        var root = new JsonObject
        {
            ["Lab"] = new JsonObject { ["MasterName"] = "myMaster", ["Nodes"] = nodeArray, ["Sentinels"] = sentinelArray },
            ["Redis"] = new JsonObject { ["InstallDirectory"] = Repo.RedisInstall },
            ["Monitor"] = new JsonObject { ["PollIntervalMilliseconds"] = 500, ["StopTimeoutMilliseconds"] = 3000 },
        };
        edit?.Invoke(root);
        File.WriteAllText(Path.Combine(dir, "lab.json"), root.ToJsonString(new() { WriteIndented = true }));
        return new TempLab(dir);
    }

    /// <summary>A lab file written as given, for bad-input tests.</summary>
    public static TempLab FromText(string json, params string[] folders)
    {
        var lab = Create(nodes: 1, sentinels: 1);
        foreach (string f in folders)
        {
            if (f.StartsWith("node")) Copy("node1", lab.Directory, f, "redis.conf");
            else Copy("sentinel1", lab.Directory, f, "sentinel.conf");
        }
        File.WriteAllText(lab.LabFile, json);
        return lab;
    }

    /// <summary>A --port-offset that runs a second copy of this lab on free ports no other test is given.</summary>
    public int FreeOffset() => FreePorts.Offset([.. Load().Processes.Select(p => p.Port)]);

    /// <summary>An edit for <see cref="Create"/>: the lab runs with partitions on (Lab:Network:Partitions).</summary>
    public static void Partitions(JsonObject root) => root["Lab"]!["Network"] = new JsonObject { ["Partitions"] = true };

    public LabDefinition Load(params string[] arguments) => LabLoader.Load(LabFile, arguments, new Dictionary<string, string?>());

    private static void Copy(string template, string dir, string name, string file)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(dir, "lab", name));
        File.Copy(Path.Combine(Repo.LabTemplates, template, file), Path.Combine(dir, "lab", name, file), overwrite: true);
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
