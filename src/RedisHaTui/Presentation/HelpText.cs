namespace RedisHaTui.Presentation;

/// <summary>One row of the `?` overlay: the keys as a person reads them, and what they do.</summary>
internal sealed record HelpLine(string Keys, string Text);

/// <summary>A help row as shown now: null <paramref name="WhyNot"/> when its keys can run, else the snapshot's reason.</summary>
internal sealed record HelpRow(HelpLine Line, string? WhyNot = null);

/// <summary>The `?` overlay's content, from the key table's help lines and what the snapshot says can run now.</summary>
internal static class HelpText
{
    private const int KeysColumn = 20;

    /// <summary>Every key; one that cannot run now is dimmed with the reason, so a student learns why.</summary>
    public static IReadOnlyList<Fact> Lines(IEnumerable<HelpRow> rows) =>
    [
        .. rows.Select(r => r.WhyNot is { } why
            ? new Fact($"{r.Line.Keys,-KeysColumn} {r.Line.Text} · not now: {why}", Tone.Dim)
            : new Fact($"{r.Line.Keys,-KeysColumn} {r.Line.Text}")),
        new Fact(""),
        new Fact("Tab walks the panes, then the timeline and the write-load chart: z (or Enter) zooms the one selected.", Tone.Dim),
        new Fact("badges: MASTER REPLICA SENTINEL SYNCING STARTING PAUSED DOWN", Tone.Dim),
        new Fact(""),
        new Fact("short forms where a pane is narrow (z zooms it for the full words):", Tone.Dim),
        .. ScreenGlossary.Lines.Select(h => new Fact($"{h.Keys,-KeysColumn} {h.Text}", Tone.Dim)),
    ];

    /// <summary>The rows with nothing disabled: what the help says when no lab is read yet, and the key sheet.</summary>
    public static IReadOnlyList<Fact> Lines(IEnumerable<HelpLine> help) => Lines(help.Select(h => new HelpRow(h)));
}
