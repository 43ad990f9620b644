using RedisHaTui.Tests.Tui.Fakes;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class NavigationTests
{
    private static string Selected(TuiScreen screen) => screen.Window.SelectedPane.Title;

    [Fact]
    public void Tab_and_Shift_Tab_walk_the_panes_and_the_timeline_in_a_circle()
    {
        using var screen = TuiScreen.Open();
        Assert.Equal("1 node1 :7001", Selected(screen));

        screen.Press(Key.Tab, Key.Tab);
        Assert.Equal("3 sentinel1 :27001", Selected(screen));

        screen.Press(Key.Tab.WithShift, Key.Tab.WithShift, Key.Tab.WithShift);
        Assert.Equal("timeline", Selected(screen));
    }

    [Fact]
    public void Arrows_move_between_neighbouring_panes()
    {
        using var screen = TuiScreen.Open();

        screen.Press(Key.CursorRight);
        Assert.Equal("2 node2 :7002", Selected(screen));
        screen.Press(Key.CursorDown);
        Assert.Equal("5 sentinel3 :27003", Selected(screen));
        screen.Press(Key.CursorLeft);
        Assert.Equal("4 sentinel2 :27002", Selected(screen));
        screen.Press(Key.CursorDown);
        Assert.Equal("timeline", Selected(screen));
    }

    [Fact]
    public void A_digit_selects_that_process()
    {
        using var screen = TuiScreen.Open();

        screen.Type("4");
        Assert.Equal("4 sentinel2 :27002", Selected(screen));

        screen.Type("9"); // there is no ninth: nothing changes
        Assert.Equal("4 sentinel2 :27002", Selected(screen));
    }

    [Fact]
    public void The_selected_pane_has_a_heavier_border()
    {
        using var screen = TuiScreen.Open();
        screen.Type("2");

        (int row, int col) = screen.Find("2 node2 :7002");
        Assert.Equal("┏", screen.App.Driver!.Contents![row, screen.Window.Processes[1].Frame.X].Grapheme);
        Assert.NotEqual("┏", screen.App.Driver!.Contents![row, 0].Grapheme);
        Assert.True(col > 0);
    }

    [Fact]
    public void Clicking_a_pane_selects_it()
    {
        using var screen = TuiScreen.Open();
        (int row, int col) = screen.Find("sentinel2 :27002");

        screen.Click(col, row + 3);

        Assert.Equal("4 sentinel2 :27002", Selected(screen));
    }

    [Fact]
    public void Enter_zooms_the_selected_pane_to_the_whole_screen_and_Esc_brings_the_others_back()
    {
        using var screen = TuiScreen.Open();
        screen.Type("2");

        screen.Press(Key.Enter);

        Assert.True(screen.Window.Zoomed);
        Assert.Contains("node2 :7002", screen.Text);
        Assert.DoesNotContain("node1 :7001", screen.Text);
        Assert.DoesNotContain("┤timeline├", screen.Text); // its pane (the status bar names it too)
        Assert.Equal(80, screen.Window.Processes[1].Frame.Width);
        Assert.Equal(23, screen.Window.Processes[1].Frame.Height);

        screen.Press(Key.Esc);

        Assert.False(screen.Window.Zoomed);
        Assert.Contains("node1 :7001", screen.Text);
        Assert.Contains("┤timeline├", screen.Text);
    }

    [Fact]
    public void Z_toggles_zoom_and_arrows_move_the_zoom_to_the_next_pane()
    {
        using var screen = TuiScreen.Open();

        screen.Type("z");
        screen.Press(Key.CursorRight);
        Assert.Contains("node2 :7002", screen.Text);
        Assert.DoesNotContain("node1 :7001", screen.Text);

        screen.Type("z");
        Assert.Contains("node1 :7001", screen.Text);
    }
}
