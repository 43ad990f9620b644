using System.Drawing;

namespace RedisHaTui.Presentation;

/// <summary>
/// Tiles N panes over an area: picks the column count whose cells come closest to a readable pane
/// (about 36x9), then fills rows so that shorter rows come first. With the tutorial's 2 nodes and
/// 3 sentinels that puts the nodes side by side on top and the sentinels below.
/// </summary>
internal static class GridLayout
{
    private const double IdealWidth = 36, IdealHeight = 9;

    public static int Columns(int count, Size area)
    {
        if (count <= 1) return 1;
        int best = 1;
        double bestScore = double.MinValue;
        for (int cols = 1; cols <= count; cols++)
        {
            int rows = (count + cols - 1) / cols;
            double score = Math.Min(area.Width / (double)cols / IdealWidth, area.Height / (double)rows / IdealHeight);
            if (score > bestScore + 1e-9) { best = cols; bestScore = score; }
        }
        return best;
    }

    /// <summary>How many panes go on each row, shorter rows first.</summary>
    public static IReadOnlyList<int> RowCounts(int count, int columns)
    {
        if (count <= 0) return [];
        int rows = (count + columns - 1) / columns;
        int perRow = count / rows, longer = count % rows;
        return [.. Enumerable.Range(0, rows).Select(r => perRow + (r >= rows - longer ? 1 : 0))];
    }

    /// <summary>One rectangle per pane, in order, covering <paramref name="area"/> without overlap.</summary>
    public static IReadOnlyList<Rectangle> Compute(int count, Rectangle area)
    {
        IReadOnlyList<int> rows = RowCounts(count, Columns(count, area.Size));
        var cells = new List<Rectangle>(count);
        for (int r = 0; r < rows.Count; r++)
        {
            (int y, int h) = Split(area.Y, area.Height, r, rows.Count);
            for (int c = 0; c < rows[r]; c++)
            {
                (int x, int w) = Split(area.X, area.Width, c, rows[r]);
                cells.Add(new Rectangle(x, y, w, h));
            }
        }
        return cells;
    }

    private static (int Start, int Length) Split(int origin, int total, int index, int parts)
    {
        int start = total * index / parts, end = total * (index + 1) / parts;
        return (origin + start, end - start);
    }
}
