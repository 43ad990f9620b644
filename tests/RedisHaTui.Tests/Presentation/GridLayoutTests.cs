using System.Drawing;
using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Presentation;

public sealed class GridLayoutTests
{
    [Theory]
    [InlineData(5, 80, 17, "2,3")]   // the tutorial at 80x24: nodes on top, sentinels below
    [InlineData(5, 200, 45, "2,3")]
    [InlineData(10, 80, 17, "3,3,4")]
    [InlineData(10, 200, 45, "3,3,4")]
    [InlineData(1, 80, 17, "1")]
    [InlineData(3, 200, 20, "3")]
    [InlineData(16, 200, 45, "4,4,4,4")]
    public void Panes_are_tiled_in_rows_with_the_shorter_rows_first(int count, int width, int height, string rows)
    {
        IReadOnlyList<int> counts = GridLayout.RowCounts(count, GridLayout.Columns(count, new Size(width, height)));
        Assert.Equal(rows, string.Join(",", counts));
    }

    [Theory]
    [InlineData(5, 80, 17)]
    [InlineData(10, 80, 17)]
    [InlineData(5, 200, 45)]
    [InlineData(10, 200, 45)]
    [InlineData(13, 120, 30)]
    public void Cells_cover_the_area_exactly_without_overlap(int count, int width, int height)
    {
        var area = new Rectangle(0, 0, width, height);
        IReadOnlyList<Rectangle> cells = GridLayout.Compute(count, area);
        Assert.Equal(count, cells.Count);
        Assert.All(cells, c => Assert.True(area.Contains(c), $"{c} leaves the area"));
        for (int i = 0; i < cells.Count; i++)
            for (int j = i + 1; j < cells.Count; j++)
                Assert.False(cells[i].IntersectsWith(cells[j]), $"{cells[i]} overlaps {cells[j]}");
        Assert.Equal(width * height, cells.Sum(c => c.Width * c.Height));
    }

    [Fact]
    public void At_80x24_every_pane_of_the_tutorial_keeps_room_for_its_facts()
    {
        ScreenLayout screen = ScreenLayout.For(new Size(80, 24));
        IReadOnlyList<Rectangle> cells = GridLayout.Compute(5, screen.Panes);
        Assert.All(cells, c => Assert.True(c.Width >= 26 && c.Height >= 8, $"{c} is too small"));
    }

    [Theory]
    [InlineData(80, 24, 17, 6)]
    [InlineData(200, 60, 45, 14)]
    [InlineData(40, 10, 6, 3)]
    public void The_timeline_takes_a_quarter_of_the_screen_and_the_status_line_the_last_row(int width, int height, int panes, int timeline)
    {
        ScreenLayout layout = ScreenLayout.For(new Size(width, height));
        Assert.Equal(panes, layout.Panes.Height);
        Assert.Equal(timeline, layout.Timeline.Height);
        Assert.Equal(new Rectangle(0, height - 1, width, 1), layout.Status);
        Assert.Equal(layout.Panes.Bottom, layout.Timeline.Top);
        Assert.Equal(layout.Timeline.Bottom, layout.Status.Top);
    }
}
