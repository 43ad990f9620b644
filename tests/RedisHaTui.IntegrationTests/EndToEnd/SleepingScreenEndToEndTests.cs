using System.Diagnostics;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;
using static RedisHaTui.Tests.EndToEnd.ScreenText;

namespace RedisHaTui.Tests.EndToEnd;

/// <summary>
/// Issue 18: the screen sleeps between events (blocking input, waiting loop). Everything that used to arrive on the
/// loop's own 50 ms beat must still arrive: a resize, a click (sent by Terminal.Gui only after its double-click
/// window), a lone Esc (released after 50 ms), a bracketed paste, and keys.
/// The fallback (--Ui:PollWhenIdle true) runs the same checks, so both paths stay tested.
/// </summary>
public class SleepingScreenEndToEndTests
{
    private static readonly TimeSpan LabUp = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_screen_follows_a_resize_a_click_Esc_and_a_paste(bool pollWhenIdle)
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        using var terminal = TmuxTerminal.Start(120, 45, ["dotnet", AppProcess.Executable, "--lab", files.LabFile, "--Ui:PollWhenIdle", pollWhenIdle.ToString()]);
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("│HEALTHY · master node1")), LabUp, "the lab healthy");

        // The timeline (Tab past the five process panes, zoomed) names the polling path, and only when it runs.
        terminal.Send("Tab", "Tab", "Tab", "Tab", "Tab", "z");
        await terminal.WaitUntilAsync(s => SelectedTitle(s).Contains("timeline") && TitleRow(s, lab.Nodes[0]) < 0, Soon, "the timeline zoomed");
        Assert.Equal(pollWhenIdle, terminal.Screen.Any(r => r.Contains("app: the idle screen polls as Terminal.Gui does")));
        terminal.Send("Escape");
        await terminal.WaitUntilAsync(s => TitleRow(s, lab.Nodes[0]) >= 0, Soon, "the grid back");
        await Task.Delay(TimeSpan.FromSeconds(2)); // nothing typed for a while: a sleeping loop sleeps as long as it may

        terminal.Resize(160, 45);
        await terminal.WaitUntilAsync(s => s.Length >= 45 && s[0].TrimEnd().Length == 160, Soon, "the panes laid out again at 160 columns");

        // A left click on sentinel2's pane (SGR mouse, 1-based), as the terminal reports it: press, then release.
        ProcessDefinition sentinel2 = lab.Sentinels[1];
        string[] screen = terminal.Screen;
        int row = TitleRow(screen, sentinel2) + 2, col = screen[row - 2].IndexOf($" {sentinel2.Name} :", StringComparison.Ordinal) + 2;
        terminal.SendRaw($"\u001b[<0;{col};{row}M\u001b[<0;{col};{row}m");
        await terminal.WaitUntilAsync(s => SelectedTitle(s).Contains(sentinel2.Name), Soon, "sentinel2's pane selected by the click");

        var clock = Stopwatch.StartNew();
        terminal.Send("?");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("╡keys╞")), Soon, "the help");
        terminal.Send("Escape"); // a lone ESC: Terminal.Gui holds it 50 ms in case a sequence follows
        await terminal.WaitUntilAsync(s => !s.Any(r => r.Contains("╡keys╞")), Soon, "the help closed by Esc");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"? and Esc took {clock.Elapsed.TotalMilliseconds:0} ms");

        // A bracketed paste: Terminal.Gui takes it whole as a Paste event (which the prompt does not use, asleep or
        // not); what matters is that none of it leaks out as keys and the next key is read at once.
        terminal.Send("/");
        await terminal.WaitUntilAsync(s => s.Any(r => r.StartsWith("/  Enter search")), Soon, "the search prompt");
        terminal.SendRaw("\u001b[200~Ready to accept\u001b[201~");
        terminal.Send("x");
        await terminal.WaitUntilAsync(s => s.Any(r => r.StartsWith("/x  Enter search")), Soon, "the key after the paste, alone in the prompt");
        terminal.Send("Escape"); // (a key within 50 ms of a lone ESC would make Alt+key of it: wait for the prompt to close)
        await terminal.WaitUntilAsync(s => !s.Any(r => r.Contains("Enter search")), Soon, "the prompt closed by Esc");

        terminal.Send("q");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("Enter/y quit")), Soon, "the quit confirmation");
        terminal.Send("y");
        await terminal.WaitUntilAsync(s => s.Any(r => r.Contains("app exited with 0")), TimeSpan.FromSeconds(30), "the app's exit");
    }
}
