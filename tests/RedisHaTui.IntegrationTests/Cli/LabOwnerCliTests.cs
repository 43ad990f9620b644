using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>
/// One owner per lab, between real app processes: a second start is refused and takes nothing from the first.
/// A dead owner blocking nothing is pinned by CliTests' leftovers test (a SIGKILLed up) and the pure LabOwnershipTests.
/// </summary>
[LongRunning]
public class LabOwnerCliTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_second_up_on_a_running_lab_is_refused_and_the_first_lab_keeps_running()
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        var run = new RunDirectory(lab);
        await using AppProcess first = AppProcess.Start("up", "--lab", files.LabFile);
        await first.WaitForOutputAsync("lab ready in", Start);
        int[] pids = [.. lab.Processes.Select(p => ExternalProcess.ReadPidFile(run.PidPath(p))!.Value)];

        (int code, string refusal) = await AppProcess.RunAsync(Quick, "up", "--lab", files.LabFile);

        Assert.True(code == ExitCodes.BadInput, refusal);
        Assert.Contains($"owned by pid {first.Pid}", refusal);
        Assert.Contains("--no-start", refusal);
        Assert.DoesNotContain("left running by an earlier run", refusal);
        (int statusCode, string json) = await AppProcess.RunAsync(Quick, "status", "--json", "--lab", files.LabFile);
        Assert.True(statusCode == 0, json);
        using (JsonDocument doc = JsonDocument.Parse(json))
        {
            JsonElement root = doc.RootElement;
            Assert.True(root.GetProperty("healthy").GetBoolean());
            int[] now = [.. root.GetProperty("nodes").EnumerateArray().Concat(root.GetProperty("sentinels").EnumerateArray()).Select(p => p.GetProperty("pid").GetInt32())];
            Assert.Equal(pids, now);
        }
        (int checkCode, string check) = await AppProcess.RunAsync(Quick, "check", "--lab", files.LabFile);
        Assert.True(checkCode == ExitCodes.Ok, check); // a live owner is information, not a problem
        Assert.Contains($"owned by pid {first.Pid}", check);

        first.Signal(Signals.SIGTERM);
        Assert.Equal(0, await first.WaitForExitAsync(Quick));
        Assert.False(File.Exists(run.OwnerPath), "the owner gives the lab back when it stops");
    }

    [Fact]
    public async Task Another_port_offset_of_an_owned_lab_runs_beside_it()
    {
        using var files = TempLab.Create();
        int offset = files.FreeOffset();
        LabDefinition lab = files.Load(), beside = files.Load("--port-offset", $"{offset}");
        Assert.All(beside.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Endpoint} busy before the test"));
        await using AppProcess first = AppProcess.Start("up", "--lab", files.LabFile);
        await first.WaitForOutputAsync("lab ready in", Start);

        await using AppProcess second = AppProcess.Start("up", "--lab", files.LabFile, "--port-offset", $"{offset}");
        await second.WaitForOutputAsync("lab ready in", Start);

        Assert.Equal(0, (await AppProcess.RunAsync(Quick, "status", "--lab", files.LabFile)).Code);
        Assert.Equal(0, (await AppProcess.RunAsync(Quick, "status", "--lab", files.LabFile, "--port-offset", $"{offset}")).Code);
        second.Signal(Signals.SIGTERM);
        first.Signal(Signals.SIGTERM);
        Assert.Equal(0, await second.WaitForExitAsync(Quick));
        Assert.Equal(0, await first.WaitForExitAsync(Quick));
        Assert.All(lab.Processes.Concat(beside.Processes), p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port}"));
    }
}
