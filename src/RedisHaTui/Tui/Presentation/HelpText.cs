namespace RedisHaTui.Tui.Presentation;

/// <summary>One row of the `?` overlay: the keys as a person reads them, and what they do.</summary>
internal sealed record HelpLine(string Keys, string Text);

/// <summary>The `?` overlay's content, from the key table's help lines.</summary>
internal static class HelpText
{
    private const int KeysColumn = 20;

    public static IReadOnlyList<Fact> Lines(IEnumerable<HelpLine> help) =>
    [
        .. help.Select(h => new Fact($"{h.Keys,-KeysColumn} {h.Text}")),
        new Fact(""),
        new Fact("badges: MASTER REPLICA SENTINEL SYNCING STARTING PAUSED DOWN", Tone.Dim),
    ];
}
