namespace RedisHaTui.Presentation;

/// <summary>
/// What a piece of text means, not how it looks: the theme turns a tone into colours, so presentation
/// functions stay testable without a terminal and a theme change never touches them.
/// </summary>
public enum Tone { Normal, Dim, Strong, Good, Warn, Bad, Accent }

/// <summary>A short piece of text with its meaning, e.g. "link down" as <see cref="Tone.Bad"/>.</summary>
internal sealed record Fact(string Text, Tone Tone = Tone.Normal)
{
    public override string ToString() => Text;
}
