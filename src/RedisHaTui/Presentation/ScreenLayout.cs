using System.Drawing;

namespace RedisHaTui.Presentation;

/// <summary>Where the process panes, the timeline and the status line go on a screen of a given size.</summary>
internal sealed record ScreenLayout(Rectangle Panes, Rectangle Timeline, Rectangle Status)
{
    /// <summary>Everything but the status line: what a zoomed pane covers.</summary>
    public Rectangle Zoomed => new(0, 0, Status.Width, Status.Y);

    /// <summary>The `:` console: the lower half of the screen (a little more), at least 6 rows.</summary>
    public Rectangle Console
    {
        get
        {
            Rectangle area = Zoomed;
            int height = Math.Min(area.Height, Math.Max(6, area.Height * 55 / 100));
            return new Rectangle(0, area.Bottom - height, area.Width, height);
        }
    }

    /// <summary>A box of the wanted size centred over the panes, shrunk to fit.</summary>
    public Rectangle Centered(int wantWidth, int wantHeight)
    {
        Rectangle area = Zoomed;
        int w = Math.Min(area.Width, wantWidth), h = Math.Min(area.Height, wantHeight);
        return new Rectangle((area.Width - w) / 2, Math.Max(0, (area.Height - h) / 2), w, h);
    }

    /// <param name="chart">The write load's chart shares the timeline's row: it gets a few more rows (3/10 instead
    /// of a quarter: 7 inside at 30 rows instead of 5), so the ledger, bars, marks and their legend all fit.</param>
    public static ScreenLayout For(Size screen, bool chart = false)
    {
        int width = Math.Max(1, screen.Width), height = Math.Max(3, screen.Height);
        // A quarter of the screen for the timeline: 4 lines inside at 24 rows, capped so panes keep the space on tall screens.
        int timeline = chart ? Math.Clamp(height * 3 / 10, 3, 16) : Math.Clamp(height / 4, 3, 14);
        int panes = Math.Max(0, height - 1 - timeline);
        return new ScreenLayout(
            new Rectangle(0, 0, width, panes),
            new Rectangle(0, panes, width, timeline),
            new Rectangle(0, height - 1, width, 1));
    }
}
