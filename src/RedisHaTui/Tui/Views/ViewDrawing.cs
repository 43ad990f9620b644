using Terminal.Gui.ViewBase;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace RedisHaTui.Tui.Views;

internal static class ViewDrawing
{
    /// <summary>Draws text clipped to <paramref name="maxWidth"/> columns; returns the columns used.</summary>
    public static int Put(this View view, int col, int row, string text, Attribute attribute, int maxWidth)
    {
        if (maxWidth <= 0 || text.Length == 0) return 0;
        if (text.Length > maxWidth) text = text[..maxWidth];
        view.SetAttribute(attribute);
        view.AddStr(col, row, text);
        return text.Length;
    }

    /// <summary>Paints a row in one attribute so nothing from the previous frame shows through.</summary>
    public static void Blank(this View view, int row, int width, Attribute attribute)
    {
        if (width <= 0) return;
        view.SetAttribute(attribute);
        view.AddStr(0, row, new string(' ', width));
    }
}
