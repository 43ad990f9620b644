using System.Drawing;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Screen;
using RedisHaTui.Tui.Views;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tests.Tui.Screen;

[Collection("Tui")]
public sealed class PaneGridTests
{
    private static TimelineView Pane(string title) => new(Theme.Default, TimeZoneInfo.Utc) { Title = title };

    /// <summary>A side panel is one more group with its own region: selection and arrows reach it with no other change.</summary>
    [Fact]
    public void A_group_added_later_takes_its_region_and_joins_the_selection_order()
    {
        using var screen = new View();
        var grid = new PaneGrid(screen, new FramePlacer());
        TimelineView left = Pane("left"), right = Pane("right"), side = Pane("side");
        grid.AddGroup([left, right], l => [new Rectangle(0, 0, 40, 10), new Rectangle(40, 0, 40, 10)]);
        grid.AddGroup([side], l => [new Rectangle(0, 10, 80, 13)]);

        grid.Layout(ScreenLayout.For(new Size(80, 24)));

        Assert.Equal(new Rectangle(0, 10, 80, 13), side.Frame);
        Assert.True(left.Selected);
        grid.SelectToward(Direction.Right);
        Assert.Same(right, grid.Selected);
        grid.SelectToward(Direction.Down);
        Assert.Same(side, grid.Selected);
        grid.SelectNext();
        Assert.Same(left, grid.Selected);
        Assert.False(side.Selected);
    }

    [Fact]
    public void Zoomed_the_selected_pane_covers_the_panes_and_the_others_hide()
    {
        using var screen = new View();
        var grid = new PaneGrid(screen, new FramePlacer());
        TimelineView a = Pane("a"), b = Pane("b");
        grid.AddGroup([a, b], l => [new Rectangle(0, 0, 40, 23), new Rectangle(40, 0, 40, 23)]);
        ScreenLayout layout = ScreenLayout.For(new Size(80, 24));

        grid.SelectNext();
        Assert.True(grid.SetZoom(true));
        Assert.False(grid.SetZoom(true)); // no change, no relayout
        grid.Layout(layout);

        Assert.Equal(layout.Zoomed, b.Frame);
        Assert.False(a.Visible);
    }
}
