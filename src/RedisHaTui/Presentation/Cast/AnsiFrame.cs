using System.Globalization;
using System.Text;

namespace RedisHaTui.Presentation.Cast;

/// <summary>
/// A drawn screen as the ANSI text that paints it on a terminal: the first frame clears and paints everything,
/// each later one repaints only the rows that changed (a recording's moment usually changes a few rows, so a
/// cast of an hour stays small). The cursor is hidden: the screen has none.
/// </summary>
public static class AnsiFrame
{
    private const string Esc = "\u001b[";

    /// <summary>The text that turns <paramref name="previous"/> (null: an unknown terminal) into <paramref name="current"/>; "" when nothing changed.</summary>
    public static string Paint(CastCell[][]? previous, CastCell[][] current)
    {
        var text = new StringBuilder();
        bool full = previous is null || previous.Length != current.Length;
        if (full) text.Append(Esc).Append("?25l").Append(Esc).Append("0m").Append(Esc).Append("2J");
        for (int row = 0; row < current.Length; row++)
        {
            if (!full && previous![row].AsSpan().SequenceEqual(current[row])) continue;
            text.Append(Esc).Append((row + 1).ToString(CultureInfo.InvariantCulture)).Append(";1H");
            CellStyle? style = null;
            foreach (CastCell cell in current[row])
            {
                if (cell.Text.Length == 0) continue; // the second column of a wide character: drawn with the first
                if (cell.Style != style)
                {
                    text.Append(Sgr(cell.Style));
                    style = cell.Style;
                }
                text.Append(cell.Text);
            }
            text.Append(Esc).Append("0m");
        }
        return text.ToString();
    }

    /// <summary>The SGR sequence that sets <paramref name="style"/> from scratch.</summary>
    public static string Sgr(CellStyle style)
    {
        var s = new StringBuilder(Esc).Append('0');
        if (style.Bold) s.Append(";1");
        if (style.Dim) s.Append(";2");
        if (style.Italic) s.Append(";3");
        if (style.Underline) s.Append(";4");
        if (style.Reverse) s.Append(";7");
        Rgb(s, 38, style.Foreground);
        Rgb(s, 48, style.Background);
        return s.Append('m').ToString();
    }

    private static void Rgb(StringBuilder s, int code, int rgb) =>
        s.Append(CultureInfo.InvariantCulture, $";{code};2;{(rgb >> 16) & 0xFF};{(rgb >> 8) & 0xFF};{rgb & 0xFF}");
}
