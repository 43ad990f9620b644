using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// One way of saying a headline (the health verdict, a failover's stopwatch, the write load's ledger): a lead
/// ("failover #1 node1→node2"), figures that must stay whole ("+switch-master 5.83", "acked 2576"), and an
/// optional tail of plain words (the problems) that may be wrapped and, last of all, cut.
/// </summary>
internal sealed record HeadlineForm(string? Lead, ValueArray<string> Parts, string? Tail = null, string Separator = " · ", string? TailSeparator = null)
{
    /// <summary>What joins the plain words to the figures: the separator, unless the form says (": " after "NOT READY TO FAIL OVER").</summary>
    public string TailGlue => TailSeparator ?? Separator;

    public HeadlineForm(params string[] parts) : this(null, [.. parts]) { }
}

/// <summary>
/// Fits a headline into the rows a pane can give it: the fullest form whose lead and figures fit whole, wrapped
/// only between figures, so the number the room is looking at is never the one cut off.
/// </summary>
internal static class Headline
{
    /// <param name="forms">From the fullest to the most compact.</param>
    /// <param name="tailRows">Rows beyond <paramref name="maxRows"/> that only the plain words may take (the verdict's problems).</param>
    /// <returns>At most <paramref name="maxRows"/> (+ <paramref name="tailRows"/>) lines, none wider than <paramref name="width"/>.</returns>
    public static IReadOnlyList<string> Fit(IReadOnlyList<HeadlineForm> forms, int width, int maxRows, int tailRows = 0)
    {
        if (width <= 0 || maxRows <= 0 || forms.Count == 0) return [];
        foreach (HeadlineForm form in forms)
            if (Wrap(form, width, maxRows, tailRows) is { } lines) return lines;
        // Not even the most compact form fits (a pane a dozen columns wide): say what fits of it.
        HeadlineForm last = forms[^1];
        return TextFit.Wrap(Join(last), width, maxRows);
    }

    /// <summary>The fewest rows (up to <paramref name="maxRows"/>) in which some form fits whole: what a pane must give the headline.</summary>
    public static int RowsNeeded(IReadOnlyList<HeadlineForm> forms, int width, int maxRows)
    {
        for (int rows = 1; rows < maxRows; rows++)
            if (forms.Any(f => Wrap(f, width, rows) is not null)) return rows;
        return Math.Max(1, maxRows);
    }

    /// <summary>The form on as few lines as its figures allow, or null when a figure would be cut or the lines are too many.</summary>
    public static IReadOnlyList<string>? Wrap(HeadlineForm form, int width, int maxRows, int tailRows = 0)
    {
        var lines = new List<string>();
        string current = form.Lead ?? "";
        for (int i = 0; i < form.Parts.Count; i++)
        {
            string part = form.Parts[i];
            if (part.Length > width) return null;
            string glue = current.Length == 0 ? "" : i == 0 && form.Lead is not null ? ": " : form.Separator;
            if (current.Length + glue.Length + part.Length <= width)
            {
                current += glue + part;
                continue;
            }
            if (current.Length > width) return null;
            // The separator ends the line it follows, so the next line is seen to continue it.
            lines.Add(current.Length > 0 && glue.Trim().Length > 0 && current.Length + glue.TrimEnd().Length <= width ? current + glue.TrimEnd() : current);
            current = part;
        }
        if (current.Length > width) return null;
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        if (lines.Count > maxRows) return null;
        if (form.Tail is { Length: > 0 } tail)
        {
            // Plain words go after the figures: on the last line if they fit, else on the rows left, cut at the end.
            string last = lines[^1];
            string glue = last.Length == 0 ? "" : form.TailGlue;
            if (last.Length + glue.Length + tail.Length <= width) lines[^1] = last + glue + tail;
            else if (lines.Count < maxRows + tailRows) lines.AddRange(TextFit.Wrap(tail, width, maxRows + tailRows - lines.Count));
        }
        return lines;
    }

    /// <summary>The form on one line, however long: the fallback, and what tests read.</summary>
    public static string Join(HeadlineForm form)
    {
        string figures = string.Join(form.Separator, form.Parts);
        string text = form.Lead is null ? figures : figures.Length == 0 ? form.Lead : $"{form.Lead}: {figures}";
        return form.Tail is { Length: > 0 } tail ? (text.Length == 0 ? tail : text + form.TailGlue + tail) : text;
    }
}

/// <summary>A headline's forms with its colour; records compare by value, so a pane redraws only when it changed.</summary>
internal sealed record HeadlineText(ValueArray<HeadlineForm> Forms, Tone Tone)
{
    /// <summary>The fullest form on one line.</summary>
    public string Full => Forms.Count == 0 ? "" : Headline.Join(Forms[0]);

    /// <summary>The most compact form on one line.</summary>
    public string Compact => Forms.Count == 0 ? "" : Headline.Join(Forms[^1]);

    public IReadOnlyList<Fact> Fit(int width, int maxRows, int tailRows = 0) => [.. Headline.Fit(Forms, width, maxRows, tailRows).Select(t => new Fact(t, Tone))];
}
