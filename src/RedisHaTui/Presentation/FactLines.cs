namespace RedisHaTui.Presentation;

/// <summary>Packs facts into as few lines as a pane's width allows, never splitting one fact across lines.</summary>
internal static class FactLines
{
    public const string Separator = "  ";

    /// <param name="firstLineUsed">Columns already taken on the first line (by the badge).</param>
    public static IReadOnlyList<IReadOnlyList<Fact>> Pack(IReadOnlyList<Fact> facts, int width, int firstLineUsed = 0)
    {
        var lines = new List<IReadOnlyList<Fact>>();
        var line = new List<Fact>();
        int used = firstLineUsed; // the badge's width includes the space after it
        foreach (Fact fact in facts)
        {
            int need = (line.Count == 0 ? 0 : Separator.Length) + fact.Text.Length;
            if (used + need > width && (line.Count > 0 || used > 0))
            {
                lines.Add(line);
                line = [];
                used = 0;
                need = fact.Text.Length;
            }
            line.Add(fact);
            used += need;
        }
        if (line.Count > 0 || lines.Count == 0) lines.Add(line);
        return lines;
    }
}
