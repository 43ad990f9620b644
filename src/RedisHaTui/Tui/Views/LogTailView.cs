using RedisHaTui.Core.Processes;
using RedisHaTui.Presentation;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The live tail of one process's log. Draws only the visible lines, copied from the ring at draw time, so
/// its cost is O(screen) however fast lines arrive; it is redrawn by the main window's one coalescing timer,
/// never per line. Scrolled back, it stays anchored to an absolute line number and does not drift.
/// </summary>
internal sealed class LogTailView : View
{
    private readonly Theme _theme;
    private long? _anchorEnd; // exclusive end line number; null follows the tail

    public LogTailView(LogRing ring, Theme theme, string emptyText)
    {
        Ring = ring;
        _theme = theme;
        EmptyText = emptyText;
        CanFocus = false;
    }

    public LogRing Ring { get; }

    /// <summary>Shown while the log has no line: "waiting for output", or where the log would come from when attached.</summary>
    public string EmptyText { get; set; }

    public bool Following => _anchorEnd is null;

    /// <summary>The search text highlighted in visible lines.</summary>
    public string? Pattern { get; private set; }

    /// <summary>The line number of the current search match.</summary>
    public long? MatchLine { get; private set; }

    private int Rows => Math.Max(1, Viewport.Height);

    /// <summary>The end (exclusive) of what is shown, clamped to the lines the ring still holds.</summary>
    public long VisibleEnd
    {
        get
        {
            long total = Ring.Total;
            if (_anchorEnd is not { } end) return total;
            long floor = Math.Min(total, Ring.First + Rows);
            return Math.Clamp(end, floor, total);
        }
    }

    public void ScrollBy(int lines)
    {
        long total = Ring.Total;
        long end = VisibleEnd + lines;
        _anchorEnd = end >= total ? null : Math.Max(end, Math.Min(total, Ring.First + Rows));
        SetNeedsDraw();
    }

    public void PageUp() => ScrollBy(-Math.Max(1, Rows - 1));

    public void PageDown() => ScrollBy(Math.Max(1, Rows - 1));

    public void ScrollToTop()
    {
        long total = Ring.Total;
        long end = Math.Min(total, Ring.First + Rows);
        _anchorEnd = end >= total ? null : end;
        SetNeedsDraw();
    }

    public void ScrollToBottom()
    {
        _anchorEnd = null;
        SetNeedsDraw();
    }

    public void ClearSearch()
    {
        Pattern = null;
        MatchLine = null;
        SetNeedsDraw();
    }

    /// <summary>
    /// Finds <paramref name="pattern"/> (case-insensitive): a new search starts at the bottom visible line and goes
    /// back in time, the way one looks for "what just happened"; repeats go older or newer from the current match.
    /// Returns the match's line number, or null when there is none (the view does not move then).
    /// </summary>
    public long? Search(string pattern, bool older, bool fromCurrent)
    {
        if (string.IsNullOrEmpty(pattern)) return null;
        // A new pattern forgets the old match: its highlight would lie, and n must not continue from it.
        if (!string.Equals(pattern, Pattern, StringComparison.Ordinal)) MatchLine = null;
        Pattern = pattern;
        IReadOnlyList<string> lines = Ring.Take(Ring.Capacity, long.MaxValue);
        long first = Ring.Total - lines.Count; // the ring may have moved on; number lines by what was copied
        long start = fromCurrent && MatchLine is { } current ? current + (older ? -1 : 1) : VisibleEnd - 1;
        for (long n = start; n >= first && n < first + lines.Count; n += older ? -1 : 1)
        {
            if (!lines[(int)(n - first)].Contains(pattern, StringComparison.OrdinalIgnoreCase)) continue;
            MatchLine = n;
            long end = VisibleEnd;
            if (n < end - Rows || n >= end || Following) _anchorEnd = Math.Min(first + lines.Count, n + 1 + Rows / 2);
            SetNeedsDraw();
            return n;
        }
        SetNeedsDraw();
        return null;
    }

    /// <summary>Every cell is painted in <see cref="OnDrawingContent"/>: Terminal.Gui's clearing first would be thrown away.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int rows = Viewport.Height, width = Viewport.Width;
        if (rows <= 0 || width <= 0) return true;
        long end = VisibleEnd, total = Ring.Total;
        IReadOnlyList<string> lines = Ring.Take(rows, end);
        for (int r = 0; r < rows; r++) this.Blank(r, width, _theme.Of(Tone.Normal));
        if (lines.Count == 0)
        {
            foreach ((string text, int row) in TextFit.Wrap(EmptyText, width, rows).Select((t, i) => (t, i)))
                this.Put(0, row, text, _theme.Of(Tone.Dim), width);
            return true;
        }
        bool compact = width < 110;
        long firstNumber = end - lines.Count;
        for (int i = 0; i < lines.Count; i++)
        {
            string text = LogLineText.Printable(compact ? LogLineText.Compact(lines[i]) : lines[i]);
            Tone tone = firstNumber + i == MatchLine ? Tone.Strong : Tone.Normal;
            DrawLine(i, text, width, tone);
        }
        if (!Following && total > end)
        {
            string more = $" ↓ {total - end} newer · End ";
            if (more.Length <= width) this.Put(width - more.Length, rows - 1, more, _theme.Of(Tone.Warn), more.Length);
        }
        return true;
    }

    private void DrawLine(int row, string text, int width, Tone tone)
    {
        this.Put(0, row, text, _theme.Of(tone), width);
        if (Pattern is not { Length: > 0 } pattern) return;
        for (int at = text.IndexOf(pattern, StringComparison.OrdinalIgnoreCase); at >= 0 && at < width;
             at = text.IndexOf(pattern, at + pattern.Length, StringComparison.OrdinalIgnoreCase))
            this.Put(at, row, text.Substring(at, pattern.Length), _theme.Highlight, width - at);
    }
}
