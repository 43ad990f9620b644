using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>The guided walkthrough beside the panes: the steps, and the shown one in full (<see cref="WalkthroughText"/>).</summary>
internal sealed class WalkthroughPanel : View
{
    private readonly Theme _theme;
    private readonly Walkthrough _walkthrough;
    private WalkthroughProgress _progress;

    public WalkthroughPanel(Theme theme, Walkthrough walkthrough)
    {
        _theme = theme;
        _walkthrough = walkthrough;
        _progress = WalkthroughProgress.Start(walkthrough);
        CanFocus = false;
        BorderStyle = theme.PaneBorder;
        SetScheme(new Scheme(theme.Border));
        Title = WalkthroughText.Title(walkthrough, _progress);
    }

    public void Show(WalkthroughProgress progress)
    {
        if (progress == _progress) return;
        _progress = progress;
        Title = WalkthroughText.Title(_walkthrough, progress);
        SetNeedsDraw();
    }

    /// <summary>Every cell is painted in <see cref="OnDrawingContent"/>: Terminal.Gui's clearing first would be thrown away.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, rows = Viewport.Height;
        IReadOnlyList<Fact> lines = WalkthroughText.Lines(_walkthrough, _progress, width - 1, rows);
        for (int r = 0; r < rows; r++)
        {
            this.Blank(r, width, _theme.Base);
            if (r < lines.Count) this.Put(1, r, lines[r].Text, _theme.Of(lines[r].Tone), width - 1);
        }
        return true;
    }
}
