using System.Text.Json.Nodes;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Lab;

public class LabLoaderTests
{
    private static LabLoadException Rejects(TempLab lab, params string[] args) => Assert.Throws<LabLoadException>(() => lab.Load(args));

    [Fact]
    public void The_repository_lab_json_is_the_tutorial_topology()
    {
        LabDefinition lab = LabLoader.Load(Path.Combine(Repo.Root, "lab.json"), [], new Dictionary<string, string?>());

        Assert.Equal("myMaster", lab.MasterName);
        Assert.Equal(["node1", "node2"], lab.Nodes.Select(n => n.Name));
        Assert.Equal([7001, 7002], lab.Nodes.Select(n => n.Port));
        Assert.Equal("node1", lab.Nodes[1].ReplicaOf);
        Assert.Equal([5001, 5002, 5003], lab.Sentinels.Select(s => s.Port));
        Assert.All(lab.Sentinels, s => Assert.Equal((2, 5000, 60000), (s.Quorum, s.DownAfterMilliseconds, s.FailoverTimeoutMilliseconds)));
        Assert.Equal(Path.Combine(Repo.Root, ".run", "lab-0"), lab.RunDirectory);
    }

    [Fact]
    public void Environment_overrides_the_file_and_the_command_line_overrides_both()
    {
        using var temp = TempLab.Create();
        int filePort = temp.Load().Nodes[0].Port;
        var env = new Dictionary<string, string?> { ["REDISHATUI_Lab__Nodes__0__Port"] = "25001", ["REDISHATUI_Monitor__PollIntervalMilliseconds"] = "700" };

        LabDefinition fromEnv = LabLoader.Load(temp.LabFile, [], env);
        LabDefinition fromArgs = LabLoader.Load(temp.LabFile, ["--Lab:Nodes:0:Port", "25002"], env);

        Assert.NotEqual(25001, filePort);
        Assert.Equal(25001, fromEnv.Nodes[0].Port);
        Assert.Equal(700, fromEnv.Monitor.PollIntervalMilliseconds);
        Assert.Equal(25002, fromArgs.Nodes[0].Port);
        Assert.Equal(700, fromArgs.Monitor.PollIntervalMilliseconds);
    }

    [Fact]
    public void A_port_offset_shifts_every_port_and_gets_its_own_run_directory()
    {
        using var temp = TempLab.Create();
        LabDefinition plain = temp.Load();
        LabDefinition shifted = temp.Load("--port-offset", "100");

        Assert.Equal(plain.Processes.Select(p => p.Port + 100), shifted.Processes.Select(p => p.Port));
        Assert.NotEqual(plain.RunDirectory, shifted.RunDirectory);
        Assert.EndsWith("lab-100", shifted.RunDirectory);
    }

    [Fact]
    public void Relative_folders_resolve_against_the_lab_file_not_the_current_folder()
    {
        using var temp = TempLab.Create();
        LabDefinition lab = temp.Load();

        Assert.Equal(Path.Combine(temp.Directory, "lab", "node1"), lab.Nodes[0].Folder);
        Assert.StartsWith(temp.Directory, lab.RunDirectory);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        using var temp = TempLab.FromText("{\n  \"Lab\": {\n    \"MasterName\": \"myMaster\"\n    \"Nodes\": []\n  }\n}");

        LabLoadException e = Rejects(temp);

        Assert.Contains("lab.json:4:", e.Message);
        Assert.Contains("malformed JSON", e.Message);
    }

    [Fact]
    public void A_misspelt_key_is_named_with_a_suggestion()
    {
        using var temp = TempLab.Create(edit: root => root["Lab"]!["Nodes"]![0]!.AsObject().Add("Prot", 1));

        LabLoadException e = Rejects(temp);

        Assert.Contains("Lab:Nodes:0:Prot", e.Message);
        Assert.Contains("did you mean 'Port'", e.Message);
    }

    [Fact]
    public void An_unknown_key_from_the_environment_names_the_variable()
    {
        using var temp = TempLab.Create();

        var e = Assert.Throws<LabLoadException>(() =>
            LabLoader.Load(temp.LabFile, [], new Dictionary<string, string?> { ["REDISHATUI_Monitor__PollInterval"] = "5" }));

        Assert.Contains("REDISHATUI_Monitor__PollInterval", e.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_its_key()
    {
        using var temp = TempLab.Create(edit: root => root["Lab"]!["Nodes"]![0]!["Port"] = "seven");

        LabLoadException e = Rejects(temp);

        Assert.True(e.Message.Contains("Lab:Nodes:0:Port"), e.Message);
    }

    public static TheoryData<string, Action<JsonObject>, string> BadLabs => new()
    {
        { "duplicate names", r => r["Lab"]!["Sentinels"]![1]!["Name"] = "sentinel1", "'sentinel1' is already the name of Lab:Sentinels:0" },
        { "a node named like a sentinel", r => r["Lab"]!["Nodes"]![1]!["Name"] = "sentinel2", "'sentinel2' is already the name" },
        { "duplicate ports", r => r["Lab"]!["Sentinels"]![0]!["Port"] = r["Lab"]!["Nodes"]![0]!["Port"]!.GetValue<int>(), "is already used by node1" },
        { "a port out of range", r => r["Lab"]!["Nodes"]![0]!["Port"] = 70000, "70000 is not a port" },
        { "a port pushed out of range by the offset", r => r["Lab"]!["PortOffset"] = 60000, "+ port offset 60000" },
        { "a replica of a missing node", r => r["Lab"]!["Nodes"]![1]!["ReplicaOf"] = "node9", "'node9' is not a node of this lab" },
        { "a node replicating itself", r => r["Lab"]!["Nodes"]![1]!["ReplicaOf"] = "node2", "cannot replicate itself" },
        { "two masters", r => r["Lab"]!["Nodes"]![1]!.AsObject().Remove("ReplicaOf"), "2 nodes have no ReplicaOf" },
        { "quorum larger than the sentinels", r => r["Lab"]!["Sentinels"]![0]!["Quorum"] = 4, "4 must be between 1 and the number of sentinels (3)" },
        { "a missing folder", r => r["Lab"]!["Nodes"]![0]!["Folder"] = "lab/nowhere", "lab/nowhere/redis.conf not found" },
        { "no nodes", r => r["Lab"]!["Nodes"] = new JsonArray(), "the lab needs at least one node" },
        { "a down-after that storms", r => r["Lab"]!["Sentinels"]![0]!["DownAfterMilliseconds"] = 10, "too short" },
        { "an unknown theme", r => r["Ui"] = new JsonObject { ["Theme"] = "neon" }, "'neon' is not a theme" },
    };

    [Theory]
    [MemberData(nameof(BadLabs))]
    public void Bad_input_is_refused_naming_the_key(string why, Action<JsonObject> edit, string expected)
    {
        using var temp = TempLab.Create(edit: edit);

        LabLoadException e = Rejects(temp);

        Assert.True(e.Message.Contains(expected), $"{why}: expected '{expected}' in: {e.Message}");
        Assert.Contains("lab.json: ", e.Message); // names the file first, then the key
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        using var temp = TempLab.Create(edit: r =>
        {
            r["Lab"]!["Nodes"]![0]!["Port"] = 0;
            r["Lab"]!["Sentinels"]![0]!["Quorum"] = 9;
        });

        LabLoadException e = Rejects(temp);

        Assert.Equal(2, e.Problems.Count);
    }

    /// <summary>
    /// One setting of every section reaches the definition. The binder's source generator skips init-only
    /// properties without a word; this is the test that notices.
    /// </summary>
    [Fact]
    public void Every_section_s_settings_reach_the_definition()
    {
        using var temp = TempLab.Create();
        LabDefinition lab = LabLoader.Load(temp.LabFile,
        [
            "--Redis:AutoInstall", "false", "--Monitor:LogLines", "1234", "--Monitor:StopTimeoutMilliseconds", "2345",
            "--Ui:Theme", "presenter", "--Ui:IterationsPerSecond", "33", "--Load:Rate", "345",
        ], new Dictionary<string, string?>());

        Assert.False(lab.Redis.AutoInstall);
        Assert.Equal(Repo.RedisInstall, lab.Redis.InstallDirectory); // from the file
        Assert.Equal(500, lab.Monitor.PollIntervalMilliseconds);     // from the file
        Assert.Equal(1234, lab.Monitor.LogLines);
        Assert.Equal(2345, lab.Monitor.StopTimeoutMilliseconds);
        Assert.Equal("presenter", lab.Ui.Theme);
        Assert.Equal(33, lab.Ui.IterationsPerSecond);
        Assert.Equal(345, lab.Load.Rate);
    }

    [Fact]
    public void A_missing_lab_file_says_so()
    {
        var e = Assert.Throws<LabLoadException>(() => LabLoader.Load("/nonexistent/lab.json", [], new Dictionary<string, string?>()));
        Assert.Contains("lab file not found", e.Message);
    }
}
