using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// What every selectable pane (a process or the timeline) shares: a border that shows selection without
/// relying on colour (heavier line style), and scrolling. Panes never take focus: the main window routes
/// every key, so a focused view can never swallow a letter.
/// </summary>
internal abstract class PaneView : View
{
    private bool _selected;

    protected PaneView(Theme theme)
    {
        Theme = theme;
        CanFocus = false;
        BorderStyle = theme.PaneBorder;
        SetScheme(new Scheme(theme.Border));
    }

    public Theme Theme { get; }

    public bool Selected
    {
        get => _selected;
        set
        {
            if (_selected == value) return;
            _selected = value;
            BorderStyle = value ? Theme.SelectedPaneBorder : Theme.PaneBorder;
            SetScheme(new Scheme(value ? Theme.SelectedBorder : Theme.Border));
            SetNeedsDraw();
        }
    }

    /// <summary>Applies the newest snapshot; a pane whose part of it did not change must not redraw.</summary>
    public abstract void Show(LabSnapshot snapshot);

    /// <summary>
    /// Called by the screen's one redraw timer: a pane fed faster than snapshots (a log) redraws here, at most
    /// once per tick. True when it asked for a redraw.
    /// </summary>
    public virtual bool RedrawIfFed() => false;

    public abstract void ScrollBy(int lines);

    public abstract void ScrollToTop();

    public abstract void ScrollToBottom();

    /// <summary>Rows a page scroll moves: one less than what is visible, so a line of context stays.</summary>
    /// <summary>
    /// A pane's inside is painted whole by what it holds (header and log, or its own rows), so Terminal.Gui's
    /// clearing of it first is work thrown away: 17 % of a full redraw's samples went to it (BENCHMARKS.md, issue 9).
    /// </summary>
    protected override bool OnClearingViewport() => true;

    protected int PageRows(int visible) => Math.Max(1, visible - 1);

    public abstract void PageUp();

    public abstract void PageDown();
}
