using System.Drawing;

namespace RedisHaTui.Presentation;

/// <summary>Where the walkthrough panel goes: a column on the right, from the top to the status line; the panes and the timeline share the rest.</summary>
internal static class WalkthroughLayout
{
    public const int MinWidth = 30, MaxWidth = 56;

    public static (ScreenLayout Others, Rectangle Panel) Beside(ScreenLayout layout)
    {
        int width = layout.Status.Width;
        int panel = Math.Clamp(width * 35 / 100, Math.Min(MinWidth, width / 2), MaxWidth);
        int rest = width - panel;
        return (layout with
        {
            Panes = layout.Panes with { Width = rest },
            Timeline = layout.Timeline with { Width = rest },
        }, new Rectangle(rest, 0, panel, layout.Status.Y));
    }
}
