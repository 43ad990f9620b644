using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.EndToEnd;
using static RedisHaTui.Tests.EndToEnd.ScreenText;

namespace RedisHaTui.Tests.Tool;

/// <summary>
/// The installed NativeAOT binary, end to end on a real lab: the paths that reflection-free code must still take
/// (JSON, settings binding, StackExchange.Redis's connection-failure and Sentinel paths, Terminal.Gui's drawing).
/// </summary>
[Collection(ToolCollection.Name)]
public class NativeEndToEndTests(ToolPackages tool)
{
    private static readonly TimeSpan LabUp = TimeSpan.FromSeconds(60);
    // kill -9: +sdown after down-after (5 s), the switch ~1 s later; the old master restarted is converted ~10 s later.
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task The_native_screen_shows_five_panes_follows_a_kill_and_a_failover_and_quits_leaving_no_process()
    {
        using var folders = new ToolFolders();
        string offset = folders.PortOffset.ToString();
        using var terminal = TmuxTerminal.Start(160, 45, ["env", $"XDG_STATE_HOME={folders.State}", tool.Executable, "--port-offset", offset], folders.Work);
        int[] pids = [];
        try
        {
            await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("node1 :")), LabUp, "the first pane");
            LabDefinition lab = folders.BuiltInLab();
            var run = new RunDirectory(lab);
            await terminal.WaitUntilAsync(s => lab.Processes.All(p => TitleRow(s, p) >= 0), LabUp, "a pane titled with each of the five processes");
            await terminal.WaitUntilAsync(s => Badge(s, lab.Nodes[0]) == "MASTER" && Badge(s, lab.Nodes[1]) == "REPLICA"
                && lab.Sentinels.All(x => Badge(s, x) == "SENTINEL") && s.Any(r => r.Contains("│HEALTHY · master node1")), LabUp, "the lab healthy, node1 master");
            pids = [.. lab.Processes.Select(p => ExternalProcess.ReadPidFile(run.PidPath(p)) ?? 0)];
            Assert.All(pids, pid => Assert.True(pid > 0 && Signals.IsAlive(pid)));

            // status --json from another terminal: source-generated JSON under AOT, on the same lab.
            Command.Result status = await Command.RunAsync(tool.Executable, ["status", "--json", "--port-offset", offset], TimeSpan.FromSeconds(30), folders.Work, folders.Environment);
            Assert.True(status.Code == 0, status.Output);
            using (JsonDocument json = JsonDocument.Parse(status.Output))
            {
                Assert.True(json.RootElement.GetProperty("healthy").GetBoolean());
                Assert.Equal("node1", json.RootElement.GetProperty("master").GetProperty("byRoles").GetString());
                Assert.Equal(5, json.RootElement.GetProperty("nodes").GetArrayLength() + json.RootElement.GetProperty("sentinels").GetArrayLength());
            }

            // A node dies: the connections to it fail and the sentinels fail over; the screen follows both.
            terminal.Send("K");
            await terminal.WaitUntilAsync(s => Badge(s, lab.Nodes[1]) == "MASTER", Failover, "node2 promoted");
            // …and comes back: the client reconnects to it and sees it converted into a replica.
            terminal.Send("1");
            terminal.Send("s");
            await terminal.WaitUntilAsync(s => Badge(s, lab.Nodes[0]) == "REPLICA", Failover, "node1 back as a replica of node2");
            pids = [.. pids, .. lab.Processes.Select(p => ExternalProcess.ReadPidFile(run.PidPath(p)) ?? 0).Where(p => p > 0)];

            terminal.Send("q");
            await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Enter/y quit")), TimeSpan.FromSeconds(5), "the quit confirmation");
            terminal.Send("y");
            await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("app exited with")), TimeSpan.FromSeconds(30), "the app's exit");
            Assert.Contains(terminal.Screen, r => r.Contains("app exited with 0"));
            Assert.All(pids, pid => Assert.False(Signals.IsAlive(pid), $"pid {pid} outlived the app"));
            Assert.All(lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port} still taken"));
        }
        finally
        {
            // Only what this test's lab started, should the app have failed to stop it: alive and still a Redis.
            foreach (int pid in pids.Where(p => p > 0 && Signals.IsAlive(p) && File.ReadAllText($"/proc/{p}/cmdline").Contains("redis")))
                Signals.Send(pid, 9);
        }
    }
}
