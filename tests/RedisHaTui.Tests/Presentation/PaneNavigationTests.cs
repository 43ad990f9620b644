using System.Drawing;
using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Presentation;

public sealed class PaneNavigationTests
{
    // The tutorial at 80x24: node1 node2 / sentinel1 sentinel2 sentinel3 / timeline.
    private static readonly Rectangle[] Screen =
    [
        new(0, 0, 40, 8), new(40, 0, 40, 8),
        new(0, 8, 26, 9), new(26, 8, 27, 9), new(53, 8, 27, 9),
        new(0, 17, 80, 6),
    ];

    [Theory]
    [InlineData(0, Direction.Right, 1)]
    [InlineData(1, Direction.Right, 1)] // the edge: stay
    [InlineData(1, Direction.Left, 0)]
    [InlineData(0, Direction.Down, 2)]
    [InlineData(1, Direction.Down, 4)] // the nearest below, by centre
    [InlineData(3, Direction.Up, 0)]
    [InlineData(4, Direction.Up, 1)]
    [InlineData(3, Direction.Down, 5)] // down from the last row reaches the timeline
    [InlineData(5, Direction.Up, 3)]
    [InlineData(2, Direction.Left, 2)]
    public void Arrows_move_to_the_nearest_pane_in_that_direction(int from, Direction direction, int to) =>
        Assert.Equal(to, PaneNavigation.Next(Screen, from, direction));
}
