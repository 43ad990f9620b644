using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Tests.Walkthrough;
using RedisHaTui.Tests.Cli;
using static RedisHaTui.Tests.EndToEnd.ScreenText;

namespace RedisHaTui.Tests.EndToEnd;

/// <summary>`redis-ha-tui --walkthrough` in a real terminal, as a workshop starts: nothing runs, the panel leads.</summary>
public class WalkthroughEndToEndTests
{
    private static readonly TimeSpan Screen = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_walkthrough_opens_on_an_empty_lab_and_ticks_as_the_keys_start_the_nodes()
    {
        using var files = TempLab.Create();
        File.Copy(Path.Combine(Repo.LabTemplates, "walkthrough.md"), Path.Combine(files.Directory, "lab", "walkthrough.md"));
        LabDefinition lab = files.Load();
        using var terminal = TmuxTerminal.Start(140, 40, ["dotnet", AppProcess.Executable, "--lab", files.LabFile, "--walkthrough"]);

        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("walkthrough 1/11 · ✓ 0")) && s.Any(r => r.Contains("waiting for: node1 runs")),
            Screen, "the walkthrough panel on its first step");
        Assert.Contains(terminal.Screen, r => r.Contains("$ cd lab/node1; ./start.sh"));
        await terminal.WaitUntilAsync(s => lab.Processes.All(p => Badge(s, p) == "DOWN"), Step, "every process DOWN: nothing started");

        terminal.Send("1", "s");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("✓ 1. Start node1")), Step, "step 1 ticked");
        terminal.Send("2", "s");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("✓ 3. Check replication")), Step, "steps 2 and 3 ticked");
        Assert.Contains(terminal.Screen, r => r.Contains(">▶ 4. Start the three sentinels"));

        terminal.Send("g");
        await terminal.WaitUntilAsync(s => !s.Any(r => r.Contains("walkthrough")), Step, "g hides the panel");

        terminal.Send("q");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Enter/y quit")), TimeSpan.FromSeconds(5), "the quit confirmation");
        terminal.Send("y");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("app exited with")), TimeSpan.FromSeconds(30), "the app's exit");
        Assert.Contains(terminal.Screen, r => r.Contains("app exited with 0"));
        Assert.All(lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port} still taken"));
    }

    /// <summary>
    /// The workshop done by hand (start.sh in other terminals) beside a process the app starts: every pane runs with
    /// its log and says who started it, and the quit says what it stops and what it leaves for `down`.
    /// </summary>
    [Fact]
    public async Task Processes_started_by_hand_run_on_screen_with_their_log_and_the_quit_leaves_them_for_down()
    {
        using var files = TempLab.Create();
        File.Copy(Path.Combine(Repo.LabTemplates, "walkthrough.md"), Path.Combine(files.Directory, "lab", "walkthrough.md"));
        ByHand.CopyScripts(files, "node1");
        ByHand.CopyScripts(files, "node2");
        LabDefinition lab = files.Load();
        int p1 = lab.Nodes[0].Port, p2 = lab.Nodes[1].Port;
        using var hand = new ByHand();
        try
        {
            using var terminal = TmuxTerminal.Start(140, 40, ["dotnet", AppProcess.Executable, "--lab", files.LabFile, "--walkthrough"]);
            await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("walkthrough 1/11 · ✓ 0")), Screen, "the walkthrough panel on its first step");

            hand.StartSh(files, "node1");
            hand.StartSh(files, "node2");
            await terminal.WaitUntilAsync(s => Badge(s, lab.Nodes[0]) == "MASTER" && Badge(s, lab.Nodes[1]) == "REPLICA"
                && string.Join('\n', s).Split("started by hand  pid ").Length - 1 == 2
                && string.Join('\n', s).Split("waiting for output…").Length - 1 == lab.Sentinels.Length, // the nodes' panes show their logs
                Step, "node1 and node2 running, started by hand, with their pids and logs");
            terminal.Send("3", "s");
            await terminal.WaitUntilAsync(s => Badge(s, lab.Sentinels[0]) == "SENTINEL", Step, "sentinel1 started by the app");

            terminal.Send("q");
            await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Enter/y quit")), TimeSpan.FromSeconds(5), "the quit confirmation");
            Assert.Contains(terminal.Screen, r => r.Contains("Stopping sentinel1: started by this app."));
            Assert.Contains(terminal.Screen, r => r.Contains("node1, node2 were started by hand and keep running:"));
            terminal.Send("y");
            await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("app exited with")), TimeSpan.FromSeconds(30), "the app's exit");
            Assert.Contains(terminal.Screen, r => r.Contains("app exited with 0"));
            Assert.Contains(terminal.Screen, r => r.Contains("redis-ha-tui: node1, node2 were started by hand and keep running"));
            Assert.True(PortOwner.IsFree(lab.Sentinels[0].Endpoint), "sentinel1, started by the app, outlived it");
            Assert.Equal("PONG", await ByHand.CliAsync(p1, "ping"));
            Assert.Equal("PONG", await ByHand.CliAsync(p2, "ping"));

            (int code, string output) = await AppProcess.RunAsync(TimeSpan.FromSeconds(60), "down", "--lab", files.LabFile);
            Assert.True(code == 0, output);
            Assert.All(lab.Nodes, n => Assert.True(PortOwner.IsFree(n.Endpoint), $"{n.Name} still listens after down:\n{output}"));
        }
        finally
        {
            await hand.StopAsync(p1, p2);
        }
    }
}
