using System.Drawing;

namespace RedisHaTui.Presentation;

public enum Direction { Left, Right, Up, Down }

/// <summary>Arrow-key selection over panes laid out on screen: the nearest pane in that direction.</summary>
internal static class PaneNavigation
{
    public static int Next(IReadOnlyList<Rectangle> panes, int current, Direction direction)
    {
        if (current < 0 || current >= panes.Count) return panes.Count > 0 ? 0 : -1;
        Rectangle from = panes[current];
        int best = current;
        (int Primary, int Secondary) bestDistance = (int.MaxValue, int.MaxValue);
        for (int i = 0; i < panes.Count; i++)
        {
            if (i == current) continue;
            Rectangle to = panes[i];
            (int primary, int secondary) = direction switch
            {
                Direction.Left => (from.Left - to.Right, Math.Abs(CenterY(from) - CenterY(to))),
                Direction.Right => (to.Left - from.Right, Math.Abs(CenterY(from) - CenterY(to))),
                Direction.Up => (from.Top - to.Bottom, Math.Abs(CenterX(from) - CenterX(to))),
                _ => (to.Top - from.Bottom, Math.Abs(CenterX(from) - CenterX(to))),
            };
            if (primary < 0) continue; // not in that direction
            if ((primary, secondary).CompareTo(bestDistance) < 0) { best = i; bestDistance = (primary, secondary); }
        }
        return best;
    }

    private static int CenterX(Rectangle r) => r.Left + r.Width / 2;

    private static int CenterY(Rectangle r) => r.Top + r.Height / 2;
}
