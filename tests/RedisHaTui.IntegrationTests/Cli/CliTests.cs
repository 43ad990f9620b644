using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

public class CliArgumentsTests
{
    [Theory]
    [InlineData(new[] { "status", "--json", "--wait-ready", "5" }, "status")]
    [InlineData(new[] { "--no-start", "--port-offset", "10" }, null)]
    [InlineData(new[] { "failover", "--timeout=12", "--Monitor:PollIntervalMilliseconds", "500" }, "failover")]
    public void Verbs_flags_and_settings_are_told_apart(string[] args, string? verb)
    {
        (CliArguments? cli, string? error) = CliArguments.Parse(args);

        Assert.Null(error);
        Assert.Equal(verb, cli!.Verb);
        Assert.DoesNotContain("--json", cli.ConfigArguments);
        Assert.DoesNotContain("--no-start", cli.ConfigArguments);
    }

    [Theory]
    [InlineData(new[] { "stauts" }, "unknown command 'stauts'")]
    [InlineData(new[] { "status", "--wait-ready", "soon" }, "--wait-ready needs a number of seconds")]
    [InlineData(new[] { "--Lab:PortOffset" }, "--Lab:PortOffset needs a value")]
    [InlineData(new[] { "-x" }, "unknown option '-x'")]
    public void Usage_errors_say_what_is_wrong(string[] args, string expected)
    {
        (CliArguments? cli, string? error) = CliArguments.Parse(args);

        Assert.Null(cli);
        Assert.Contains(expected, error);
    }
}

/// <summary>The executable itself, on real labs: exit codes, messages, JSON, and no process left behind.</summary>
[Collection(LabCollection.Name)]
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
    public async Task Every_verb_has_help()
    {
        foreach (string verb in CliArguments.Verbs)
        {
            (int code, string output) = await AppProcess.RunAsync(Quick, verb, "--help");
            Assert.Equal(0, code);
            Assert.Contains($"redis-ha-tui {verb}", output);
        }
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
        }

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
