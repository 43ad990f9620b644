using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>The executable itself, on real labs: exit codes, messages, JSON, and no process left behind.</summary>
[LongRunning]
public class CliTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Bad_input_gets_a_message_naming_the_key_exit_2_and_no_stack_trace()
    {
        using var lab = TempLab.Create(edit: r => r["Lab"]!["Sentinels"]![0]!["Quorum"] = 7);

        (int code, string output) = await AppProcess.RunAsync(Quick, "check", "--lab", lab.LabFile);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("Lab:Sentinels:0:Quorum: 7 must be between 1 and the number of sentinels (3)", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Lesson_lists_the_lessons_and_refuses_an_unknown_one_by_name_without_starting_anything()
    {
        (int listCode, string list) = await AppProcess.RunAsync(Quick, "lesson");
        Assert.Equal(0, listCode);
        Assert.Equal(["quorum", "forget", "forget-sentinel", "announce", "pinned", "down-after"], list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0]));

        (int code, string output) = await AppProcess.RunAsync(Quick, "lesson", "majority");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no lesson named 'majority': quorum, forget, forget-sentinel, announce, pinned, down-after", output);
    }

    [Fact]
    public async Task Every_verb_has_help_naming_its_own_options_and_the_lab_options()
    {
        var own = new Dictionary<string, string[]>
        {
            ["status"] = ["--json", "--wait-ready <SECONDS>", "--wait-failover-ready <SECONDS>"],
            ["failover"] = ["--timeout <SECONDS>"],
            ["events"] = ["--json", "--export <FILE>"],
            ["drift"] = ["--json", "<NAME>"],
            ["lesson"] = ["<NAME>"],
            ["init"] = ["<DIR>"],
        };
        foreach (string verb in AppCommandLine.Verbs)
        {
            (int code, string output) = await AppProcess.RunAsync(Quick, verb, "--help");
            Assert.True(code == 0, output);
            Assert.Contains($"redis-ha-tui {verb}", output);
            Assert.Contains("--lab <PATH>", output);
            Assert.Contains("--Section:Key <VALUE>", output);
            foreach (string option in own.GetValueOrDefault(verb, [])) Assert.Contains(option, output);
            Assert.DoesNotContain("--no-start", output);
        }
    }

    [Fact]
    public async Task The_app_help_lists_the_verbs_and_the_screen_options_and_the_version_is_one_line()
    {
        (int code, string help) = await AppProcess.RunAsync(Quick, "--help");
        Assert.Equal(0, code);
        Assert.All(AppCommandLine.Verbs, verb => Assert.Contains(verb, help));
        Assert.Contains("--no-start", help);
        Assert.Contains("--theme <NAME>", help);
        Assert.DoesNotContain("--exit-after", help); // hidden: it is for the benchmarks

        foreach (string flag in new[] { "--version", "-V" })
        {
            (int versionCode, string version) = await AppProcess.RunAsync(Quick, flag);
            Assert.Equal(0, versionCode);
            Assert.Equal("redis-ha-tui 0.1.0", version.Trim());
        }
    }

    [Theory]
    [InlineData(new[] { "down", "--json" }, "--json is not an option of `down`: `status`, `events`, `load`, `partition`, `heal`, `drift` take it")]
    [InlineData(new[] { "status", "--timeout", "3" }, "--timeout is not an option of `status`: `failover` takes it")]
    [InlineData(new[] { "--no-start", "status" }, "--no-start is an option of the screen (no command), not of `status`")]
    [InlineData(new[] { "stauts" }, "unknown command 'stauts' (commands: up, status, down, check, reset, failover, events, load, partition, heal, drift, lesson, init, stop, kill, pause, resume, debug-sleep, kill-master, ckquorum, cli, env, walkthrough, keys, replay, follow)")]
    [InlineData(new[] { "status", "--wait-ready", "soon" }, "--wait-ready needs a number of seconds, got 'soon'")]
    public async Task A_misplaced_or_unknown_option_or_verb_is_refused_by_name_with_exit_2(string[] args, string expected)
    {
        (int code, string output) = await AppProcess.RunAsync(Quick, args);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains($"redis-ha-tui: {expected}", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task A_Section_Key_setting_reaches_the_lab_on_any_verb_and_a_bad_one_is_named()
    {
        using var files = TempLab.Create();
        int firstPort = files.Load().Nodes[0].Port, offset = files.FreeOffset(); // free, and given to no other test running beside this one

        // Nothing runs on the shifted ports: status reads them, says not healthy (1) and shows where it looked.
        (int code, string json) = await AppProcess.RunAsync(Quick, "status", "--json", "--lab", files.LabFile, "--Lab:PortOffset", $"{offset}");
        Assert.True(code == ExitCodes.NotHealthy, json);
        using (JsonDocument doc = JsonDocument.Parse(json))
        {
            Assert.Equal(offset, doc.RootElement.GetProperty("portOffset").GetInt32());
            Assert.Equal(firstPort + offset, doc.RootElement.GetProperty("nodes")[0].GetProperty("port").GetInt32());
            Assert.Equal("127.0.0.1", doc.RootElement.GetProperty("nodes")[0].GetProperty("host").GetString());
        }

        (int bad, string output) = await AppProcess.RunAsync(Quick, "reset", "--lab", files.LabFile, "--Lab:PortOffset=lots");
        Assert.Equal(ExitCodes.BadInput, bad);
        Assert.Contains("Lab:PortOffset", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Up_status_failover_and_down_work_together_from_the_command_line()
    {
        using var files = TempLab.Create(downAfterMs: 2000);
        string labArg = files.LabFile;
        LabDefinition lab = files.Load();
        await using AppProcess up = AppProcess.Start("up", "--lab", labArg);
        await up.WaitForOutputAsync("lab ready in", TimeSpan.FromSeconds(60));
        Assert.Contains("node1 | ", up.Output.Replace("node1     | ", "node1 | ")); // log lines carry their process name

        (int statusCode, string json) = await AppProcess.RunAsync(Quick, "status", "--json", "--lab", labArg);
        Assert.Equal(0, statusCode);
        using (JsonDocument doc = JsonDocument.Parse(json))
        {
            Assert.True(doc.RootElement.GetProperty("healthy").GetBoolean());
            Assert.Equal("master", doc.RootElement.GetProperty("nodes")[0].GetProperty("role").GetString());
            Assert.Equal("node1", doc.RootElement.GetProperty("nodes")[1].GetProperty("follows").GetString());
            Assert.Equal("node1", doc.RootElement.GetProperty("sentinels")[2].GetProperty("master").GetString());
            Assert.True(doc.RootElement.GetProperty("failoverReady").GetBoolean());
            Assert.EndsWith("would promote node2", doc.RootElement.GetProperty("failoverReadyReason").GetString());
        }
        (int readyCode, string ready) = await AppProcess.RunAsync(Quick, "status", "--wait-failover-ready", "20", "--lab", labArg);
        Assert.True(readyCode == 0, ready);
        Assert.Contains("healthy, ready to fail over", ready);

        await using AppProcess events = AppProcess.Start("events", "--json", "--lab", labArg);
        await events.WaitForOutputAsync("watching myMaster", TimeSpan.FromSeconds(15)); // said once every sentinel is subscribed
        (int failoverCode, string failover) = await AppProcess.RunAsync(TimeSpan.FromSeconds(60), "failover", "--lab", labArg);
        Assert.True(failoverCode == 0, failover);
        Assert.Contains($"node1 ({lab.Nodes[0].Endpoint}) → node2 ({lab.Nodes[1].Endpoint})", failover);
        Assert.Contains("+switch-master", failover);
        await events.WaitForOutputAsync("\"kind\":\"+switch-master\"", TimeSpan.FromSeconds(15));
        events.Signal(Signals.SIGINT);
        Assert.Equal(0, await events.WaitForExitAsync(Quick));

        (int resetCode, string reset) = await AppProcess.RunAsync(Quick, "reset", "--lab", labArg);
        Assert.Equal(ExitCodes.NotHealthy, resetCode);
        Assert.Contains("still running", reset);

        (int downCode, string down) = await AppProcess.RunAsync(Quick, "down", "--lab", labArg);
        Assert.True(downCode == 0, down);
        Assert.Equal(0, await up.WaitForExitAsync(Quick));
        Assert.All(lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port}"));
        (int after, _) = await AppProcess.RunAsync(Quick, "status", "--lab", labArg);
        Assert.Equal(ExitCodes.NotHealthy, after);
        Assert.Equal(0, (await AppProcess.RunAsync(Quick, "reset", "--lab", labArg)).Code);
        Assert.False(Directory.Exists(lab.RunDirectory));
    }

    [Fact]
    public async Task Leftovers_of_a_SIGKILLed_run_are_stopped_by_the_next_start()
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        var run = new RunDirectory(lab);
        await using (AppProcess first = AppProcess.Start("up", "--lab", files.LabFile))
        {
            await first.WaitForOutputAsync("lab ready in", TimeSpan.FromSeconds(60));
            first.Signal(Signals.SIGKILL);
            await first.WaitForExitAsync(Quick);
        }
        int[] orphans = [.. lab.Processes.Select(p => ExternalProcess.ReadPidFile(run.PidPath(p))!.Value)];
        Assert.All(orphans, pid => Assert.True(Signals.IsAlive(pid), "the orphans outlive a SIGKILLed app"));
        LabOwner deadOwner = LabOwner.Parse(File.ReadAllText(run.OwnerPath))!; // a SIGKILLed app cannot give the lab back
        Assert.False(deadOwner.IsAlive);

        await using (AppProcess second = AppProcess.Start("up", "--lab", files.LabFile))
        {
            await second.WaitForOutputAsync("lab ready in", TimeSpan.FromSeconds(60));
            Assert.Contains("left running by an earlier run", second.Output);
            Assert.All(orphans, pid => Assert.False(Signals.IsAlive(pid)));
            Assert.Equal(second.Pid, LabOwner.Parse(File.ReadAllText(run.OwnerPath))!.Pid); // the dead owner's record replaced
            second.Signal(Signals.SIGTERM);
            Assert.Equal(0, await second.WaitForExitAsync(Quick));
        }
        Assert.All(lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port}"));
    }

    [Fact]
    public async Task Ctrl_C_during_the_start_of_up_says_interrupted_stops_what_started_and_exits_0()
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        await using AppProcess up = AppProcess.Start("up", "--lab", files.LabFile);
        await up.WaitForOutputAsync("starting node1", TimeSpan.FromSeconds(60));

        up.Signal(Signals.SIGINT);

        Assert.Equal(0, await up.WaitForExitAsync(Quick));
        Assert.Contains("start interrupted", up.Output);
        Assert.DoesNotContain("start failed", up.Output);
        Assert.All(lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port}"));
        Assert.False(File.Exists(new RunDirectory(lab).OwnerPath));
    }
}
