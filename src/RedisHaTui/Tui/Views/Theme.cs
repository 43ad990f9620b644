using RedisHaTui.Presentation;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// Colours for tones and badges. Only the 16 named colours are used, so a 16-colour terminal (TERM=linux,
/// NO_COLOR, Force16Colors) maps them exactly instead of to the nearest guess; every badge is a dark text on
/// a bright background or the reverse, so it stays readable when hues collapse.
/// </summary>
internal sealed record Theme(
    string Name,
    Attribute Base,
    Attribute Border,
    Attribute SelectedBorder,
    Attribute StatusBar,
    Attribute StatusKey,
    Attribute Highlight,
    Attribute Input,
    IReadOnlyDictionary<Tone, Attribute> Tones,
    IReadOnlyDictionary<BadgeKind, Attribute> Badges,
    int BadgePadding,
    LineStyle PaneBorder,
    LineStyle SelectedPaneBorder)
{
    public Attribute Of(Tone tone) => Tones[tone];

    public Attribute Of(BadgeKind badge) => Badges[badge];

    /// <summary>The badge text as drawn: presenters get wider blocks that read from the back of the room.</summary>
    public string BadgeText(Badge badge) => new string(' ', BadgePadding) + badge.Text + new string(' ', BadgePadding);

    public static Theme For(string? name, bool noColor) =>
        noColor ? Mono : (name ?? "").Trim().ToLowerInvariant() switch
        {
            "presenter" => Presenter,
            "mono" => Mono,
            _ => Default,
        };

    private static Attribute A(ColorName16 fg, ColorName16 bg, TextStyle style = TextStyle.None) => new(new Color(fg), new Color(bg), style);

    public static readonly Theme Default = new(
        "default",
        Base: A(ColorName16.Gray, ColorName16.Black),
        Border: A(ColorName16.DarkGray, ColorName16.Black),
        SelectedBorder: A(ColorName16.BrightYellow, ColorName16.Black, TextStyle.Bold),
        StatusBar: A(ColorName16.Gray, ColorName16.Black),
        StatusKey: A(ColorName16.BrightCyan, ColorName16.Black, TextStyle.Bold),
        Highlight: A(ColorName16.Black, ColorName16.BrightYellow),
        Input: A(ColorName16.White, ColorName16.Blue),
        Tones: new Dictionary<Tone, Attribute>
        {
            [Tone.Normal] = A(ColorName16.Gray, ColorName16.Black),
            [Tone.Dim] = A(ColorName16.DarkGray, ColorName16.Black),
            [Tone.Strong] = A(ColorName16.White, ColorName16.Black, TextStyle.Bold),
            [Tone.Good] = A(ColorName16.BrightGreen, ColorName16.Black),
            [Tone.Warn] = A(ColorName16.BrightYellow, ColorName16.Black),
            [Tone.Bad] = A(ColorName16.BrightRed, ColorName16.Black, TextStyle.Bold),
            [Tone.Accent] = A(ColorName16.BrightCyan, ColorName16.Black),
        },
        Badges: new Dictionary<BadgeKind, Attribute>
        {
            [BadgeKind.Master] = A(ColorName16.Black, ColorName16.BrightGreen, TextStyle.Bold),
            [BadgeKind.Replica] = A(ColorName16.Black, ColorName16.BrightCyan, TextStyle.Bold),
            [BadgeKind.Sentinel] = A(ColorName16.White, ColorName16.Blue, TextStyle.Bold),
            [BadgeKind.Syncing] = A(ColorName16.Black, ColorName16.BrightYellow, TextStyle.Bold),
            [BadgeKind.Starting] = A(ColorName16.Black, ColorName16.Gray, TextStyle.Bold),
            [BadgeKind.Paused] = A(ColorName16.White, ColorName16.Magenta, TextStyle.Bold),
            [BadgeKind.Down] = A(ColorName16.White, ColorName16.Red, TextStyle.Bold),
            [BadgeKind.Unknown] = A(ColorName16.White, ColorName16.DarkGray, TextStyle.Bold),
        },
        BadgePadding: 1,
        PaneBorder: LineStyle.Rounded,
        SelectedPaneBorder: LineStyle.Heavy);

    /// <summary>Black on white: the most contrast a washed-out projector keeps; bold everywhere it matters.</summary>
    public static readonly Theme Presenter = new(
        "presenter",
        Base: A(ColorName16.Black, ColorName16.White),
        Border: A(ColorName16.DarkGray, ColorName16.White),
        SelectedBorder: A(ColorName16.Red, ColorName16.White, TextStyle.Bold),
        StatusBar: A(ColorName16.Black, ColorName16.White),
        StatusKey: A(ColorName16.Blue, ColorName16.White, TextStyle.Bold),
        Highlight: A(ColorName16.Black, ColorName16.BrightYellow, TextStyle.Bold),
        Input: A(ColorName16.White, ColorName16.Blue, TextStyle.Bold),
        Tones: new Dictionary<Tone, Attribute>
        {
            [Tone.Normal] = A(ColorName16.Black, ColorName16.White),
            [Tone.Dim] = A(ColorName16.DarkGray, ColorName16.White),
            [Tone.Strong] = A(ColorName16.Black, ColorName16.White, TextStyle.Bold),
            [Tone.Good] = A(ColorName16.Green, ColorName16.White, TextStyle.Bold),
            [Tone.Warn] = A(ColorName16.Magenta, ColorName16.White, TextStyle.Bold),
            [Tone.Bad] = A(ColorName16.Red, ColorName16.White, TextStyle.Bold),
            [Tone.Accent] = A(ColorName16.Blue, ColorName16.White, TextStyle.Bold),
        },
        Badges: new Dictionary<BadgeKind, Attribute>
        {
            [BadgeKind.Master] = A(ColorName16.White, ColorName16.Green, TextStyle.Bold),
            [BadgeKind.Replica] = A(ColorName16.White, ColorName16.Blue, TextStyle.Bold),
            [BadgeKind.Sentinel] = A(ColorName16.White, ColorName16.Black, TextStyle.Bold),
            [BadgeKind.Syncing] = A(ColorName16.Black, ColorName16.BrightYellow, TextStyle.Bold),
            [BadgeKind.Starting] = A(ColorName16.White, ColorName16.DarkGray, TextStyle.Bold),
            [BadgeKind.Paused] = A(ColorName16.White, ColorName16.Magenta, TextStyle.Bold),
            [BadgeKind.Down] = A(ColorName16.White, ColorName16.Red, TextStyle.Bold),
            [BadgeKind.Unknown] = A(ColorName16.Black, ColorName16.Gray, TextStyle.Bold),
        },
        BadgePadding: 2,
        PaneBorder: LineStyle.Single,
        SelectedPaneBorder: LineStyle.Heavy);

    /// <summary>NO_COLOR: grey and white only; meaning is carried by bold, underline and reverse video.</summary>
    public static readonly Theme Mono = new(
        "mono",
        Base: A(ColorName16.Gray, ColorName16.Black),
        Border: A(ColorName16.Gray, ColorName16.Black),
        SelectedBorder: A(ColorName16.White, ColorName16.Black, TextStyle.Bold),
        StatusBar: A(ColorName16.Gray, ColorName16.Black),
        StatusKey: A(ColorName16.White, ColorName16.Black, TextStyle.Bold),
        Highlight: A(ColorName16.Gray, ColorName16.Black, TextStyle.Reverse),
        Input: A(ColorName16.White, ColorName16.Black, TextStyle.Underline),
        Tones: new Dictionary<Tone, Attribute>
        {
            [Tone.Normal] = A(ColorName16.Gray, ColorName16.Black),
            [Tone.Dim] = A(ColorName16.Gray, ColorName16.Black, TextStyle.Faint),
            [Tone.Strong] = A(ColorName16.White, ColorName16.Black, TextStyle.Bold),
            [Tone.Good] = A(ColorName16.White, ColorName16.Black),
            [Tone.Warn] = A(ColorName16.White, ColorName16.Black, TextStyle.Underline),
            [Tone.Bad] = A(ColorName16.White, ColorName16.Black, TextStyle.Bold | TextStyle.Underline),
            [Tone.Accent] = A(ColorName16.White, ColorName16.Black),
        },
        Badges: Enum.GetValues<BadgeKind>().ToDictionary(k => k, k => k == BadgeKind.Down
            ? A(ColorName16.White, ColorName16.Black, TextStyle.Bold | TextStyle.Reverse | TextStyle.Underline)
            : A(ColorName16.Gray, ColorName16.Black, TextStyle.Bold | TextStyle.Reverse)),
        BadgePadding: 1,
        PaneBorder: LineStyle.Single,
        SelectedPaneBorder: LineStyle.Double);
}
