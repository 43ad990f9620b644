using System.Drawing;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// Gives views absolute frames computed by the pure layout functions, assigning only when a frame changed:
/// every Pos/Dim assignment marks the layout dirty, so assigning on each pass would re-run layout and redraw
/// the whole screen on every loop iteration.
/// </summary>
internal sealed class FramePlacer
{
    private readonly Dictionary<View, Rectangle> _placed = [];

    public void Place(View view, Rectangle r, bool visible = true)
    {
        r = new Rectangle(r.X, r.Y, Math.Max(0, r.Width), Math.Max(0, r.Height));
        if (!_placed.TryGetValue(view, out Rectangle was) || was != r)
        {
            _placed[view] = r;
            view.X = r.X;
            view.Y = r.Y;
            view.Width = r.Width;
            view.Height = r.Height;
        }
        bool show = visible && r.Width > 0 && r.Height > 0;
        if (view.Visible != show) view.Visible = show;
    }
}
