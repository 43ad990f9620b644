using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;
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
}
