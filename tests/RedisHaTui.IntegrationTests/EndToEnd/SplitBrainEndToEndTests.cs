using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;

namespace RedisHaTui.Tests.EndToEnd;

/// <summary>Issue 15's "done when": one flag and one key run the split-brain lesson end to end on the real screen.</summary>
[LongRunning]
public class SplitBrainEndToEndTests
{
    [Fact]
    public async Task One_flag_and_one_key_run_the_bounded_split_brain_and_the_ledger_shows_writes_acknowledged_then_lost()
    {
        using var files = TempLab.Create(downAfterMs: 2000);
        LabDefinition lab = files.Load();
        using var terminal = TmuxTerminal.Start(140, 45, ["dotnet", AppProcess.Executable, "--partitions", "--lab", files.LabFile]);
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("│HEALTHY · master node1")), TimeSpan.FromSeconds(60), "the lab healthy");

        terminal.Send("!");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("  split brain, bounded")), TimeSpan.FromSeconds(5), "the lesson in the fault menu");
        // Its key as the menu shows it ("c  split brain, bounded"): the menu grows as lessons are added.
        string row = terminal.Screen.First(r => r.Contains("  split brain, bounded"));
        string key = row[(row.IndexOf("  split brain, bounded", StringComparison.Ordinal) - 1)..][..1];
        terminal.Send(key);
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Enter/y run")), TimeSpan.FromSeconds(5), "what to expect, asked first");
        terminal.Send("Enter");

        // While cut: each pane in the cut says its side.
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("side 1 · cut from node2")) && s.Any(r => r.Contains("side 2 · cut from node1")),
            TimeSpan.FromSeconds(20), "side markers on the panes");
        // The result opens in the overlay (its words wrap), the clients' ledgers stand in the timeline's header. The header
        // wraps too, at a place that depends on the counts (a "timeout N" under load made "LOST" end its row, the number
        // starting the next row of the same pane).
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("client A: acknowledged")) && LostCountShown(s),
            TimeSpan.FromSeconds(150), "the lesson's result and A's ledger with the lost writes");
        Assert.Contains("read back on node2", terminal.Text);

        terminal.Send("Escape"); // on its own: Esc then q at once would read as Alt+q
        await terminal.WaitUntilAsync(s => !s.Any(r => r.Contains("Esc close")), TimeSpan.FromSeconds(5), "the result closed");
        terminal.Send("q");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Enter/y quit")), TimeSpan.FromSeconds(5), "the quit confirmation");
        terminal.Send("y");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("app exited with")), TimeSpan.FromSeconds(30), "the app's exit");
        Assert.Contains(terminal.Screen, r => r.Contains("app exited with 0"));
        Assert.All(lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port} still taken"));
        Assert.All(lab.Network.Processes, p => Assert.True(PortOwner.IsFree(p.RelayEndpoint!), $"the relay still listens for {p.Name}"));
        Assert.False(File.Exists(new RunDirectory(lab).ControlPath), "the control socket outlived the app");
    }

    /// <summary>"· acked then LOST" followed by its count, on the same row or at the start of the pane's next row.</summary>
    private static bool LostCountShown(string[] screen)
    {
        const string lost = "· acked then LOST";
        for (int i = 0; i < screen.Length; i++)
        {
            int at = screen[i].IndexOf(lost, StringComparison.Ordinal);
            if (at < 0) continue;
            string rest = screen[i][(at + lost.Length)..];
            if (rest.Length > 1 && rest[0] == ' ' && char.IsAsciiDigit(rest[1])) return true;
            int border = screen[i].LastIndexOf('│', at);
            if (rest.StartsWith('│') && i + 1 < screen.Length && screen[i + 1].Length > border + 1 && char.IsAsciiDigit(screen[i + 1][border + 1])) return true;
        }
        return false;
    }
}
