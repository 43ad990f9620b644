using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>A walkthrough file is checked when loaded: every problem is named with the file and the line.</summary>
public class WalkthroughParserTests
{
    private static readonly LabDefinition Lab = TestLabs.Definition();

    /// <summary>A machine with the app and Redis on PATH (an installed tool, apt's Redis): the tutorial's own commands.</summary>
    private static readonly ShellForms AllOnPath = new("redis-ha-tui", null, RedisCliOnPath: true) { RedisServerOnPath = true };

    /// <summary>This repository's case: run with `dotnet run`, Redis fetched into the cache (nothing on PATH).</summary>
    private static readonly ShellForms FromClone = new("dotnet run --project {path} --", "/lab/src/RedisHaTui", RedisCliOnPath: false);

    private static string RepoFile(string relative)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "RedisHaTui.sln"))) return Path.Combine(dir, relative);
        throw new InvalidOperationException("RedisHaTui.sln not found");
    }

    private static IReadOnlyList<string> Problems(string text) =>
        Assert.Throws<LabLoadException>(() => WalkthroughParser.Parse("talk.md", text, Lab)).Problems;

    [Fact]
    public void The_shipped_walkthrough_loads_and_takes_the_labs_real_ports()
    {
        RedisHaTui.Core.Walkthrough.Walkthrough w = WalkthroughParser.Parse("lab/walkthrough.md", File.ReadAllText(RepoFile("lab/walkthrough.md")), TestLabs.Definition(portOffset: 3000), AllOnPath);

        Assert.Equal("Redis HA: from an empty lab to a failover and back", w.Title);
        Assert.Equal(
            ["Start node1", "Start node2", "Check replication", "Start the three sentinels", "Write on the master, read on the replica",
             "A replica refuses writes", "Start the write load", "Kill the master", "Find the new master", "Bring the old master back", "Read the ledger"],
            w.Steps.Select(s => s.Title));
        WalkthroughStep replication = w.Steps[2];
        Assert.Equal(new StepCheck(CheckKind.Master, Node: "node1", Count: 1), replication.Check);
        Assert.Equal(["redis-cli -p 10001 info replication"], replication.Commands);
        Assert.Equal(": (on node1) info replication", replication.Key);
        Assert.Contains(w.Steps, s => s.Check.Kind == CheckKind.KeyEquals && s.Check is { Node: "node2", Key: "k1", Value: "val1" });
        Assert.Equal(["k1"], w.WatchedKeys);
        // The template has no placeholder left, and the explanation no comment.
        Assert.DoesNotContain(w.Steps.SelectMany(s => s.Commands.Concat(s.Explanation)), l => l.Contains('{') || l.Contains("<!--"));
    }

    [Fact]
    public void Start_commands_are_the_tutorials_start_sh_without_an_offset_and_the_working_copy_with_one()
    {
        const string text = "## Start\ncheck: runs node1\ncommand: {node1.start}\ncommand: {sentinel2.start}\n";
        var plain = WalkthroughParser.Parse("w.md", text, TestLabs.Definition(), AllOnPath);
        var shifted = WalkthroughParser.Parse("w.md", text, TestLabs.Definition(portOffset: 3000) with { RunDirectory = "/lab/.run/lab-3000" }, AllOnPath);
        var other = WalkthroughParser.Parse("w.md", text, TestLabs.Definition() with { LabFile = "/lab/talk.json", RunDirectory = "/lab/.run/talk-0" }, AllOnPath);
        var renamed = TestLabs.Definition();
        renamed = renamed with { Nodes = [renamed.Nodes[0] with { Folder = "/lab/lab/primary" }, renamed.Nodes[1]] };

        Assert.Equal(["cd lab/node1; ./start.sh", "cd lab/sentinel2; ./start.sh"], plain.Steps[0].Commands);
        Assert.Equal(["cd lab/node1; ./start.sh --port-offset 3000", "cd lab/sentinel2; ./start.sh --port-offset 3000"], shifted.Steps[0].Commands);
        Assert.Equal(["cd lab/node1; ./start.sh --lab talk.json", "cd lab/sentinel2; ./start.sh --lab talk.json"], other.Steps[0].Commands);
        // A folder start.sh cannot map to its process: the working copy, with the lab's Redis put on PATH where it is not.
        Assert.Equal("cd .run/lab-0/node1; redis-server ./redis.conf", WalkthroughParser.Parse("w.md", text, renamed, AllOnPath).Steps[0].Commands[0]);
        Assert.Equal("eval \"$(dotnet run --project src/RedisHaTui -- env)\"; cd .run/lab-0/node1; redis-server ./redis.conf",
            WalkthroughParser.Parse("w.md", text, renamed, FromClone).Steps[0].Commands[0]);
    }

    [Fact]
    public void Commands_take_the_form_that_runs_on_this_machine_with_the_labs_options()
    {
        const string text = "## Load\ncheck: load-ran\ncommand: {node1.cli} info replication\ncommand: {app} load --rate 100 {lab}\ncommand: {app} status {lab}\n";
        var onPath = WalkthroughParser.Parse("w.md", text, TestLabs.Definition(portOffset: 3000), AllOnPath);
        var clone = WalkthroughParser.Parse("w.md", text, TestLabs.Definition(portOffset: 3000), FromClone);
        var plain = WalkthroughParser.Parse("w.md", text, TestLabs.Definition(), AllOnPath);

        Assert.Equal(["redis-cli -p 10001 info replication", "redis-ha-tui load --rate 100 --port-offset 3000", "redis-ha-tui status --port-offset 3000"], onPath.Steps[0].Commands);
        Assert.Equal(["dotnet run --project src/RedisHaTui -- cli --port-offset 3000 node1 info replication",
                      "dotnet run --project src/RedisHaTui -- load --rate 100 --port-offset 3000",
                      "dotnet run --project src/RedisHaTui -- status --port-offset 3000"], clone.Steps[0].Commands);
        Assert.Equal(["redis-cli -p 7001 info replication", "redis-ha-tui load --rate 100", "redis-ha-tui status"], plain.Steps[0].Commands);
        Assert.Equal("/lab", plain.TypeFrom);
    }

    [Theory]
    [InlineData("## A\ncheck: node-is-up node1\n", "talk.md:2: unknown check 'node-is-up' (known: runs, master,")]
    [InlineData("## A\n\ncheck: master node1\n", "talk.md:3: master takes 2 arguments, got 1: check: master NODE REPLICAS")]
    [InlineData("## A\ncheck: master node1 one\n", "talk.md:2: master: REPLICAS must be a whole number ≥ 0, got 'one'")]
    [InlineData("## A\ncheck: runs node9\n", "talk.md:2: runs: 'node9' is not a process of this lab (it has node1, node2, sentinel1, sentinel2, sentinel3)")]
    [InlineData("## A\ncheck: replica-of sentinel1 node1\n", "talk.md:2: replica-of: 'sentinel1' is not a data node of this lab (it has node1, node2)")]
    [InlineData("## A\ncheck: replica-of node1 node1\n", "talk.md:2: replica-of: a node cannot replicate itself (node1)")]
    [InlineData("## A\ncheck: load-ran now\n", "talk.md:2: load-ran takes 0 arguments, got 1")]
    [InlineData("check: runs node1\n## A\ncheck: runs node1\n", "talk.md:1: check: before the first `## Step title` heading")]
    [InlineData("## A\ncheck: runs node1\ncheck: runs node2\n", "talk.md:3: a second check: in step \"A\" (one per step)")]
    [InlineData("# Title\n## A\ncommand: redis-cli -p 7001 info\n", "talk.md:2: step \"A\" has no check: line")]
    [InlineData("## A\ncheck: runs node1\ncommand: redis-cli -p {node7.port} ping\n", "talk.md:3: unknown placeholder {node7.port}")]
    [InlineData("# Only a title\nsome words\n", "talk.md: no steps")]
    public void A_bad_file_is_refused_naming_the_file_and_the_line(string text, string expected)
    {
        Assert.Contains(Problems(text), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_is_listed_not_only_the_first()
    {
        IReadOnlyList<string> problems = Problems("## A\ncheck: nope\n## B\ncheck: runs node1\n## C\ncheck: master node3 1\n");
        Assert.Equal(2, problems.Count);
        Assert.StartsWith("talk.md:2:", problems[0]);
        Assert.StartsWith("talk.md:6:", problems[1]);
    }

    [Fact]
    public void A_missing_file_is_a_clear_message()
    {
        var e = Assert.Throws<LabLoadException>(() => WalkthroughParser.Load("/nowhere/steps.md", Lab));
        Assert.Equal("walkthrough /nowhere/steps.md: no such file", e.Message);
    }

    [Fact]
    public void A_key_value_may_hold_spaces_and_each_check_reads_in_plain_words()
    {
        var w = WalkthroughParser.Parse("w.md", "## A\ncheck: key-equals node2 greeting hello world\n## B\ncheck: sentinels-know 1 2\n## C\ncheck: manual\n", Lab);
        Assert.Equal("greeting is hello world on node2", w.Steps[0].Check.Describe());
        Assert.Equal("every sentinel knows 1 replica and 2 other sentinels", w.Steps[1].Check.Describe());
        Assert.Equal("press ] when done", w.Steps[2].Check.Describe());
    }
}
