using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;
using static RedisHaTui.Tests.EndToEnd.ScreenText;

namespace RedisHaTui.Tests.EndToEnd;

/// <summary>The real app in a real terminal (tmux) over a real lab on free ports: what a presenter does and sees.</summary>
public class ScreenEndToEndTests
{
    private static readonly TimeSpan LabUp = TimeSpan.FromSeconds(60);
    // A manual failover switches in ~1.2 s; the old master is converted ~10 s later (facts note). Generous margins.
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Five_panes_a_failover_from_the_keyboard_and_a_clean_quit()
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        var run = new RunDirectory(lab);
        using var terminal = TmuxTerminal.Start(120, 40, ["dotnet", AppProcess.Executable, "--lab", files.LabFile]);

        await terminal.WaitUntilAsync(s => lab.Processes.All(p => TitleRow(s, p) >= 0), LabUp, "a pane titled with each process's name and port");
        await terminal.WaitUntilAsync(s => Badge(s, lab.Nodes[0]) == "MASTER" && Badge(s, lab.Nodes[1]) == "REPLICA"
            && lab.Sentinels.All(x => Badge(s, x) == "SENTINEL") && s.Any(r => r.Contains("│HEALTHY · master node1") && r.Contains("· ready to fail over")),
            LabUp, "the lab healthy, node1 master, ready to fail over (f would be refused with the reason before)");
        int[] pids = [.. lab.Processes.Select(p => ExternalProcess.ReadPidFile(run.PidPath(p)) ?? 0)];
        Assert.All(pids, pid => Assert.True(pid > 0 && Signals.IsAlive(pid)));

        terminal.Send("f");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Sentinel failover?")), TimeSpan.FromSeconds(5), "the failover confirmation");
        terminal.Send("Enter");
        await terminal.WaitUntilAsync(s => Badge(s, lab.Nodes[1]) == "MASTER", Failover, "node2's badge MASTER");
        await terminal.WaitUntilAsync(s => Badge(s, lab.Nodes[0]) == "REPLICA", Failover, "node1 back as a REPLICA");
        // The stopwatch names the cause, the move and its phases; a timeout shows the screen as it was.
        await terminal.WaitUntilAsync(s => string.Join('\n', s) is var text && text.Contains("(SENTINEL FAILOVER via sentinel")
            && text.Contains("node1→node2") && text.Contains("all agree"), TimeSpan.FromSeconds(5), "the stopwatch's cause, move and phases");

        terminal.Send("q");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Enter/y quit")), TimeSpan.FromSeconds(5), "the quit confirmation");
        terminal.Send("y");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("app exited with")), TimeSpan.FromSeconds(30), "the app's exit");

        Assert.Contains(terminal.Screen, r => r.Contains("app exited with 0"));
        Assert.All(pids, pid => Assert.False(Signals.IsAlive(pid), $"pid {pid} outlived the app"));
        Assert.All(lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port} still taken"));
    }
}
