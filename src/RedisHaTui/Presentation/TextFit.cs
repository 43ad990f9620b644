namespace RedisHaTui.Presentation;

/// <summary>Fitting text to a pane's width: an ellipsis says something was cut, wrapping prefers spaces.</summary>
internal static class TextFit
{
    public static string Truncate(string text, int width)
    {
        if (width <= 0) return "";
        return text.Length <= width ? text : width == 1 ? "…" : text[..(width - 1)].TrimEnd() + "…";
    }

    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        if (width <= 0 || maxLines <= 0) return lines;
        string rest = text;
        while (rest.Length > 0 && lines.Count < maxLines)
        {
            if (rest.Length <= width) { lines.Add(rest); rest = ""; break; }
            if (lines.Count == maxLines - 1) { lines.Add(Truncate(rest, width)); rest = ""; break; }
            int cut = rest.LastIndexOf(' ', width);
            if (cut <= width / 3) cut = width;
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (lines.Count == 0) lines.Add("");
        return lines;
    }
}
