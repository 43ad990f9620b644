using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class LayoutTests
{
    [Theory]
    [InlineData(80, 24, 2, 3)]
    [InlineData(200, 60, 2, 3)]
    [InlineData(80, 24, 7, 3)]
    [InlineData(200, 60, 7, 3)]
    public void Every_process_gets_a_titled_pane_that_overlaps_no_other(int width, int height, int nodes, int sentinels)
    {
        using var screen = TuiScreen.Open(width, height, new FakeSession(FakeLab.Definition(nodes, sentinels)));

        string text = screen.Text;
        foreach (var p in screen.Session.Lab.Processes) Assert.Contains($"{p.Name} :{p.Port}", text);
        Assert.Contains("┤timeline├", text); // its pane's title (the status bar names it too)
        var frames = screen.Window.Processes.Select(p => p.Frame).Append(screen.Window.Timeline.Frame).ToList();
        for (int i = 0; i < frames.Count; i++)
        {
            Assert.True(frames[i].Width >= 12 && frames[i].Height >= 4, $"pane {i} is only {frames[i]}");
            Assert.True(frames[i].Right <= width && frames[i].Bottom <= height - 1, $"pane {i} at {frames[i]} leaves the screen or covers the status line");
            for (int j = i + 1; j < frames.Count; j++) Assert.False(frames[i].IntersectsWith(frames[j]), $"{frames[i]} overlaps {frames[j]}");
        }
    }

    [Fact]
    public void At_80x24_the_tutorial_shows_nodes_on_top_sentinels_below_and_the_keys_at_the_bottom()
    {
        using var screen = TuiScreen.Open(80, 24);

        Assert.Equal(screen.Find("node1 :7001").Row, screen.Find("node2 :7002").Row);
        Assert.True(screen.Find("sentinel1 :27001").Row > screen.Find("node1 :7001").Row);
        Assert.Equal(screen.Find("sentinel1 :27001").Row, screen.Find("sentinel3 :27003").Row);
        Assert.Contains("MASTER  replicas 1  good 1", screen.Text);
        Assert.Contains("REPLICA  follows node1  link up", screen.Text);
        Assert.StartsWith("? help  q quit", screen.Rows[23]);
    }

    [Fact]
    public void Resizing_the_terminal_lays_the_panes_out_again()
    {
        using var screen = TuiScreen.Open(80, 24);
        int narrow = screen.Window.Processes[0].Frame.Width;

        screen.Resize(200, 60);

        Assert.True(screen.Window.Processes[0].Frame.Width > narrow);
        Assert.Equal(59, screen.Find("? help").Row);
        Assert.Contains("sentinel3 :27003", screen.Text);
    }
}
