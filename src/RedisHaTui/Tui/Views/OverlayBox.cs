using RedisHaTui.Presentation;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// A box drawn over the panes for the help and the confirmations. Not a modal Dialog: the main window keeps
/// routing keys (so Esc closes it and never quits) and the panes keep updating behind it.
/// </summary>
internal sealed class OverlayBox : View
{
    private readonly Theme _theme;
    private IReadOnlyList<Fact> _lines = [];
    private int _top; // the first line shown, when the lines are more than the box can hold (a long config drift)

    public OverlayBox(Theme theme)
    {
        _theme = theme;
        CanFocus = false;
        Visible = false;
        BorderStyle = LineStyle.Double;
        SetScheme(new Scheme(theme.SelectedBorder));
    }

    public string Footer { get; private set; } = "";

    public IReadOnlyList<Fact> Lines => _lines;

    public void Open(string title, IReadOnlyList<Fact> lines, string footer)
    {
        Title = title;
        _lines = lines;
        Footer = footer;
        _top = 0;
        Visible = true;
        SetNeedsLayout();
        SetNeedsDraw();
    }

    public void Close() => Visible = false;

    /// <summary>Moves the lines by <paramref name="delta"/> rows (a page is <see cref="BodyRows"/>); false when already at that end.</summary>
    public bool Scroll(int delta)
    {
        int top = Math.Clamp(_top + delta, 0, Math.Max(0, _lines.Count - BodyRows));
        if (top == _top) return false;
        _top = top;
        SetNeedsDraw();
        return true;
    }

    /// <summary>How many lines the box shows at once.</summary>
    public int BodyRows => Math.Max(1, Footer.Length > 0 ? Viewport.Height - 2 : Viewport.Height);

    /// <summary>True when some lines do not fit and can be scrolled to.</summary>
    public bool Overflows => _lines.Count > BodyRows;

    /// <summary>The size the content wants (border included), for the main window to center.</summary>
    public (int Width, int Height) WantedSize =>
        (Math.Max(Title.Length + 6, Math.Max(Footer.Length, _lines.Count == 0 ? 0 : _lines.Max(l => l.Text.Length))) + 4,
         _lines.Count + (Footer.Length > 0 ? 2 : 0) + 2);

    /// <summary>Every cell is painted in <see cref="OnDrawingContent"/>: Terminal.Gui's clearing first would be thrown away.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, rows = Viewport.Height;
        for (int r = 0; r < rows; r++) this.Blank(r, width, _theme.Base);
        int bodyRows = Footer.Length > 0 ? rows - 2 : rows;
        for (int i = 0; _top + i < _lines.Count && i < bodyRows; i++)
            this.Put(1, i, TextFit.Truncate(_lines[_top + i].Text, width - 2), _theme.Of(_lines[_top + i].Tone), width - 2);
        string footer = Overflows ? $"lines {_top + 1}-{Math.Min(_lines.Count, _top + bodyRows)} of {_lines.Count} · ↑↓ PgUp PgDn scroll · {Footer}" : Footer;
        if (Footer.Length > 0 && rows >= 2) this.Put(1, rows - 1, TextFit.Truncate(footer, width - 2), _theme.StatusKey, width - 2);
        return true;
    }
}
