using RedisHaTui.Presentation;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The badge and facts block at the top of a process pane. Its own view so that a changed fact redraws these
/// few rows, not the log under them nor the border around them.
/// </summary>
internal sealed class PaneHeader : View
{
    private readonly Theme _theme;

    public PaneHeader(Theme theme)
    {
        _theme = theme;
        CanFocus = false;
    }

    public Badge Badge { get; private set; } = new(BadgeKind.Starting);

    public IReadOnlyList<Fact> Facts { get; private set; } = [];

    /// <summary>True when what is shown changed (and a redraw was asked for).</summary>
    public bool Show(Badge badge, IReadOnlyList<Fact> facts)
    {
        if (badge == Badge && facts.SequenceEqual(Facts)) return false;
        Badge = badge;
        Facts = facts;
        SetNeedsDraw();
        return true;
    }

    /// <summary>The rows the facts need at this width; the pane decides how many it gives.</summary>
    public int WantedRows(int width) => Pack(width).Count;

    private IReadOnlyList<IReadOnlyList<Fact>> Pack(int width) =>
        FactLines.Pack(Facts, Math.Max(1, width), _theme.BadgeText(Badge).Length + 1);

    /// <summary>Every cell is painted in <see cref="OnDrawingContent"/>: Terminal.Gui's clearing first would be thrown away.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width;
        if (width <= 0) return true;
        string badge = _theme.BadgeText(Badge);
        IReadOnlyList<IReadOnlyList<Fact>> lines = Pack(width);
        for (int row = 0; row < Viewport.Height; row++)
        {
            this.Blank(row, width, _theme.Of(Tone.Normal));
            if (row >= lines.Count) continue;
            int col = 0, start = 0;
            if (row == 0) col = start = this.Put(0, 0, badge, _theme.Of(Badge.Kind), width) + 1;
            foreach (Fact fact in lines[row])
            {
                if (col > start) col += FactLines.Separator.Length;
                col += this.Put(col, row, fact.Text, _theme.Of(fact.Tone), width - col);
            }
        }
        return true;
    }
}
