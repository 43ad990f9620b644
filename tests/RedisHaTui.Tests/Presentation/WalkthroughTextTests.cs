using System.Drawing;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Presentation;

/// <summary>The walkthrough panel's text and place: pure functions of the walkthrough, its progress and the size.</summary>
public class WalkthroughTextTests
{
    private static readonly Core.Walkthrough.Walkthrough Guide = WalkthroughParser.Parse("w.md", """
        ## Start node1
        check: runs node1
        command: {node1.cli} ping
        key: 1 then s
        One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
        seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five.
        ## Start node2
        check: runs node2
        ## Start node3
        check: manual
        """, FakeLab.Definition(nodes: 3), new ShellForms("redis-ha-tui", null, RedisCliOnPath: true) { RedisServerOnPath = true });

    [Fact]
    public void The_shown_step_reads_in_order_title_explanation_command_key_and_what_the_lab_waits_for()
    {
        string[] lines = [.. WalkthroughText.Lines(Guide, WalkthroughProgress.Start(Guide), 40, 40).Select(f => f.Text)];

        Assert.Equal([">▶ 1. Start node1", "   2. Start node2", "   3. Start node3", "", "Start node1"], lines[..5]);
        Assert.StartsWith("One two three", lines[5]);
        Assert.Equal(["$ redis-cli -p 7001 ping", "in the app: 1 then s", "waiting for: node1 runs", "[ ] previous/next · g hide"], lines[^4..]);
        Assert.All(lines, l => Assert.True(l.Length <= 40, l));
    }

    [Fact]
    public void On_a_short_panel_the_explanation_gives_way_and_the_command_and_the_wait_stay()
    {
        string[] lines = [.. WalkthroughText.Lines(Guide, WalkthroughProgress.Start(Guide), 30, 12).Select(f => f.Text)];

        Assert.Equal(12, lines.Length);
        Assert.Contains("$ redis-cli -p 7001 ping", lines);
        Assert.Contains("waiting for: node1 runs", lines);
        Assert.Equal("[ ] previous/next · g hide", lines[^1]);
    }

    [Fact]
    public void The_title_counts_ticks_and_says_when_all_are_passed()
    {
        var p = WalkthroughProgress.Start(Guide);
        Assert.Equal("walkthrough 1/3 · ✓ 0", WalkthroughText.Title(Guide, p));
        p = p.Next(Guide).Next(Guide).Next(Guide);
        Assert.Equal("walkthrough: all 3 steps passed", WalkthroughText.Title(Guide, p));
    }

    [Theory]
    [InlineData(160, 45, 104, 56)]
    [InlineData(80, 24, 50, 30)]
    [InlineData(50, 20, 25, 25)]
    public void The_panel_takes_a_column_on_the_right_and_the_status_line_keeps_the_whole_width(int width, int height, int rest, int panel)
    {
        (ScreenLayout others, Rectangle box) = WalkthroughLayout.Beside(ScreenLayout.For(new Size(width, height)));

        Assert.Equal((rest, rest), (others.Panes.Width, others.Timeline.Width));
        Assert.Equal(new Rectangle(rest, 0, panel, height - 1), box);
        Assert.Equal(width, others.Status.Width);
    }
}
