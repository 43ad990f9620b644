using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Drift;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>`drift` and `events --export` on real labs: what Sentinel really writes after a failover, and a handout kept current.</summary>
public class DriftAndHandoutCliTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Drift_before_the_lab_ever_ran_says_so_and_an_unknown_name_is_refused_naming_the_known_ones()
    {
        using var files = TempLab.Create();

        (int never, string said) = await AppProcess.RunAsync(Quick, "drift", "--lab", files.LabFile);
        (int neverJson, string json) = await AppProcess.RunAsync(Quick, "drift", "node1", "--json", "--lab", files.LabFile);
        (int unknown, string refused) = await AppProcess.RunAsync(Quick, "drift", "node9", "--lab", files.LabFile);

        Assert.Equal(ExitCodes.NotHealthy, never);
        Assert.Contains("The lab has never run here", said);
        Assert.Equal(ExitCodes.NotHealthy, neverJson);
        using (JsonDocument doc = JsonDocument.Parse(json))
        {
            Assert.False(doc.RootElement.GetProperty("ran").GetBoolean());
            Assert.Equal("never-ran", doc.RootElement.GetProperty("processes")[0].GetProperty("state").GetString());
        }
        Assert.Equal(ExitCodes.BadInput, unknown);
        Assert.Contains("redis-ha-tui: drift: no process 'node9' in lab.json (known: node1, node2, sentinel1, sentinel2, sentinel3)", refused);
        Assert.DoesNotContain("   at ", refused);
    }

    [Fact]
    public async Task After_a_real_failover_drift_shows_what_Sentinel_rewrote_and_why()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);
        int node1 = lab.Lab.Nodes[0].Port, node2 = lab.Lab.Nodes[1].Port;

        LabActionResult result = await lab.Session.Actions.RunAsync(LabActionKind.Failover, null);
        Assert.True(result.Ok, result.Message);
        // The old master is converted (SLAVEOF + CONFIG REWRITE) ~11 s after a manual failover (facts note).
        await lab.WaitForAsync(x => x.Node("node1") is { Role: NodeRole.Replica, FollowsName: "node2" }, TimeSpan.FromSeconds(40), "node1 is a replica of node2");
        string newMonitor = $"sentinel monitor myMaster 127.0.0.1 {node2} 2";
        await UntilAsync(() => lab.Lab.Sentinels.All(s => Drifted(lab.Lab, s).Any(l => l.Line.Display == newMonitor))
                               && Drifted(lab.Lab, lab.Lab.Nodes[0]).Any(l => l.Line.Directive == "replicaof"),
            TimeSpan.FromSeconds(30), "every sentinel's file names node2, node1's has a replicaof line");

        (int code, string json) = await AppProcess.RunAsync(Quick, "drift", "--json", "--lab", lab.Files.LabFile);

        Assert.True(code == ExitCodes.Ok, json);
        using JsonDocument doc = JsonDocument.Parse(json);
        Dictionary<string, JsonElement> processes = doc.RootElement.GetProperty("processes").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        foreach (SentinelDefinition s in lab.Lab.Sentinels)
        {
            JsonElement p = processes[s.Name];
            Assert.True(p.GetProperty("rewritten").GetBoolean());
            string[] lines = [.. p.GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("change").GetString()} {l.GetProperty("line").GetString()}")];
            Assert.Contains($"removed sentinel monitor myMaster 127.0.0.1 {node1} 2", lines);
            Assert.Contains($"added {newMonitor}", lines);
            Assert.Contains($"added sentinel known-replica myMaster 127.0.0.1 {node1}", lines);
            Assert.Contains(lines, l => l.StartsWith("added sentinel current-epoch ") && int.Parse(l.Split(' ')[^1]) >= 1);
            Assert.Contains(lines, l => l.StartsWith("added sentinel config-epoch myMaster ") && int.Parse(l.Split(' ')[^1]) >= 1);
            Assert.Equal(2, lines.Count(l => l.StartsWith("added sentinel known-sentinel myMaster 127.0.0.1 ")));
            Assert.Contains(lines, l => l.StartsWith("written-by-app dir "));
            JsonElement monitor = p.GetProperty("lines").EnumerateArray().First(l => l.GetProperty("line").GetString() == newMonitor);
            Assert.True(monitor.GetProperty("drift").GetBoolean());
            Assert.Contains("promoted replica", monitor.GetProperty("why").GetString());
        }
        string[] old = [.. processes["node1"].GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("change").GetString()} {l.GetProperty("line").GetString()}")];
        Assert.Contains($"added replicaof 127.0.0.1 {node2}", old);
        string[] promoted = [.. processes["node2"].GetProperty("lines").EnumerateArray().Select(l => $"{l.GetProperty("change").GetString()} {l.GetProperty("line").GetString()}")];
        Assert.Contains($"removed replicaof 127.0.0.1 {node1}", promoted);

        // The same as text, for one process; the templates under lab/ are untouched.
        (int textCode, string text) = await AppProcess.RunAsync(Quick, "drift", "sentinel2", "--lab", lab.Files.LabFile);
        Assert.True(textCode == ExitCodes.Ok, text);
        Assert.Contains($"  + {newMonitor}", text);
        Assert.Contains("Sentinel now watches the promoted replica as the master", text);
        Assert.DoesNotContain("node1:", text);
        Assert.Contains("sentinel monitor myMaster 127.0.0.1 7001 2", File.ReadAllText(Path.Combine(lab.Lab.Sentinels[0].Folder, "sentinel.conf")));
    }

    [Fact]
    public async Task Events_export_keeps_the_handout_current_while_it_runs_and_complete_after_Ctrl_C_in_all_three_formats()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000);
        string folder = Path.Combine(lab.Files.Directory, "out");
        Directory.CreateDirectory(folder);
        string md = Path.Combine(folder, "handout.md"), csv = Path.Combine(folder, "handout.csv"), json = Path.Combine(folder, "handout.json");
        (int badCode, string bad) = await AppProcess.RunAsync(Quick, "events", "--export", Path.Combine(folder, "handout.txt"), "--lab", lab.Files.LabFile);
        Assert.Equal(ExitCodes.BadInput, badCode);
        Assert.Contains("unknown extension '.txt'; the handout is written as .md, .csv or .json", bad);

        await using AppProcess mdExport = AppProcess.Start("events", "--export", md, "--lab", lab.Files.LabFile);
        await using AppProcess csvExport = AppProcess.Start("events", "--export", csv, "--lab", lab.Files.LabFile);
        await using AppProcess jsonExport = AppProcess.Start("events", "--json", "--export", json, "--lab", lab.Files.LabFile);
        foreach (AppProcess p in new[] { mdExport, csvExport, jsonExport }) await p.WaitForOutputAsync("writing the handout to", TimeSpan.FromSeconds(20));
        await UntilAsync(() => File.Exists(md) && File.Exists(csv) && File.Exists(json), Quick, "the three files written at once");
        Assert.Contains("No failover this session.", File.ReadAllText(md));

        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.Failover, null)).Ok);

        // Current while it runs: the failover shows up in each file before anyone presses Ctrl+C.
        await UntilAsync(() => Read(md).Contains("| +switch-master |") && Read(csv).Contains(",+switch-master,") && Read(json).Contains("\"+switch-master\""),
            TimeSpan.FromSeconds(30), "+switch-master in the three files while they run");
        Assert.DoesNotContain("handout complete", mdExport.Output);
        await lab.WaitForAsync(x => x.Failovers.FirstOrDefault() is { Complete: true }, Quick, "the failover complete");
        await mdExport.WaitForOutputAsync("all sentinels agree", Quick); // the exporter saw the end of the stopwatch too
        await csvExport.WaitForOutputAsync("all sentinels agree", Quick);
        await jsonExport.WaitForOutputAsync("all sentinels agree", Quick);

        foreach (AppProcess p in new[] { mdExport, csvExport, jsonExport })
        {
            p.Signal(Signals.SIGINT);
            int code;
            try { code = await p.WaitForExitAsync(Quick); }
            catch (TimeoutException) { throw new TimeoutException($"events did not exit within {Quick.TotalSeconds:0} s of Ctrl+C. Output:\n{p.Output}"); }
            Assert.Equal(0, code);
            Assert.Contains("handout complete:", p.Output);
        }

        // The number is the lab's, not the process's: the sentinels' epoch of the election, the same in this session
        // (which caused the failover) and in the exporters that started just before it. Usually 1 on a fresh lab;
        // 2 when the first election split its votes.
        int number = (await lab.WaitForAsync(x => x.Sentinels.All(y => y.Epoch == x.Failovers[0].Number), Quick, "the sentinels' config epoch is the failover's number")).Failovers[0].Number;
        string handout = File.ReadAllText(md);
        Assert.Contains($"### Failover {number}: node1 → node2", handout);
        Assert.Contains("| all sentinels agree |", handout);
        Assert.Contains("## Timeline", handout);
        Assert.Contains("No write load ran this session", handout);
        string[] rows = File.ReadAllLines(csv);
        Assert.Equal(string.Join(',', RedisHaTui.Presentation.Handout.HandoutCsv.Columns), rows[0]);
        Assert.Contains(rows, r => r.StartsWith("failover-phase,") && r.Contains(",all sentinels agree,"));
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement failover = doc.RootElement.GetProperty("failovers")[0];
        Assert.Equal(number, failover.GetProperty("number").GetInt32());
        Assert.Equal("node2", failover.GetProperty("newMaster").GetString());
        Assert.True(failover.GetProperty("complete").GetBoolean());
        Assert.Contains(doc.RootElement.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "+switch-master");
        // Renamed into place each time: no temporary file is left beside them.
        Assert.Equal(["handout.csv", "handout.json", "handout.md"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    private static IEnumerable<DriftLine> Drifted(LabDefinition lab, ProcessDefinition p) => ConfigDrift.Of(lab, p).Comparison?.Drift ?? [];

    /// <summary>A file being replaced by rename is read whole or not yet; a missing one reads as empty.</summary>
    private static string Read(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

    /// <summary>Waits for a condition on files (no store to watch), checking every 100 ms.</summary>
    private static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {timeout.TotalSeconds:0} s: {what}");
            await Task.Delay(100);
        }
    }
}
