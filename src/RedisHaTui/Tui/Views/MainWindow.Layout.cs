using System.Drawing;
using RedisHaTui.Tui.Presentation;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

internal sealed partial class MainWindow
{
    private IReadOnlyList<Rectangle> _paneRects = [];

    /// <summary>Every frame comes from the pure layout functions, recomputed on each resize; no Pos/Dim chains to reason about.</summary>
    protected override void OnSubViewLayout(LayoutEventArgs args)
    {
        ScreenLayout layout = ScreenLayout.For(Viewport.Size);
        _paneRects = [.. GridLayout.Compute(_processes.Count, layout.Panes), layout.Timeline];
        for (int i = 0; i < _panes.Count; i++)
        {
            if (!_zoomed) Place(_panes[i], _paneRects[i]);
            else if (i == _selected) Place(_panes[i], layout.Zoomed);
            else if (_panes[i].Visible) _panes[i].Visible = false;
        }
        Place(_status, layout.Status);

        Rectangle area = layout.Zoomed;
        int consoleHeight = Math.Min(area.Height, Math.Max(6, area.Height * 55 / 100));
        Place(_console, new Rectangle(0, area.Bottom - consoleHeight, area.Width, consoleHeight), _console.Visible);

        (int wantW, int wantH) = _overlay.WantedSize;
        int w = Math.Min(area.Width, wantW), h = Math.Min(area.Height, wantH);
        Place(_overlay, new Rectangle((area.Width - w) / 2, Math.Max(0, (area.Height - h) / 2), w, h), _overlay.Visible);
        base.OnSubViewLayout(args);
    }

    private readonly Dictionary<View, Rectangle> _placed = [];

    /// <summary>
    /// Assigns a frame only when it changed: every Pos/Dim assignment marks the layout dirty, so assigning on each
    /// pass would re-run layout and redraw the whole screen on every loop iteration.
    /// </summary>
    private void Place(View view, Rectangle r, bool visible = true)
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

    private void SetZoom(bool zoomed)
    {
        if (_zoomed == zoomed) return;
        _zoomed = zoomed;
        SetNeedsLayout();
        SetNeedsDraw();
    }

    private void Navigate(Direction direction) => Select(PaneNavigation.Next(_paneRects, _selected, direction));
}
