using System.Text;
using RedisHaTui.Core.Recording;

namespace RedisHaTui.Presentation;

/// <summary>Where a replay stands, as the scrub bar shows it: a pure copy of the player's state at one moment.</summary>
internal sealed record ScrubState(
    DateTimeOffset Start,
    DateTimeOffset End,
    DateTimeOffset Position,
    bool Playing,
    bool Live,
    int Speed,
    IReadOnlyList<RecordingMark> Marks,
    bool Damaged);

/// <summary>
/// The replay's status line: a REPLAY badge, playing or paused and the speed, the clock time shown, a track with the
/// playhead and the marks, and how far in (5:12 / 58:10). Pure: state and width in, coloured pieces out; what does
/// not fit goes, least useful first (the help hint, the length, the clock), the track shrinks to what is left.
/// </summary>
internal static class ScrubBar
{
    /// <summary>The narrowest track worth drawing.</summary>
    private const int MinTrack = 8;

    public const char Head = '●';
    public const char Played = '━';
    public const char Ahead = '─';
    public const char FailoverMark = '◆';
    public const char OtherMark = '┼';

    public static IReadOnlyList<Fact> Pieces(ScrubState s, int width, TimeZoneInfo zone)
    {
        var badge = new Fact(s.Damaged ? " REPLAY ! " : " REPLAY ", s.Damaged ? Tone.Warn : Tone.Accent);
        var state = new Fact(s.Live ? " ● live " : s.Playing ? $" ▶ {s.Speed}× " : $" ❚❚ {s.Speed}× ", s.Live ? Tone.Good : Tone.Strong);
        var clock = new Fact($"{TimeZoneInfo.ConvertTime(s.Position, zone):HH:mm:ss} ");
        var length = new Fact($" {Offset(s.Position - s.Start, s.End - s.Start)} / {Offset(s.End - s.Start, s.End - s.Start)}");
        var help = new Fact("  ? keys", Tone.Dim);
        (Fact[] Before, Fact[] After)[] forms =
        [
            ([badge, state, clock], [length, help]),
            ([badge, state, clock], [length]),
            ([badge, state], [length]),
            ([badge, state], []),
        ];
        foreach ((Fact[] before, Fact[] after) in forms)
        {
            int track = width - before.Concat(after).Sum(f => f.Text.Length);
            if (track >= MinTrack) return [.. before, .. Track(s, track), .. after];
        }
        return Fit([badge, state], width);
    }

    /// <summary>The track: played part, the head, the rest; marks drawn over both, the head over a mark.</summary>
    public static IReadOnlyList<Fact> Track(ScrubState s, int width)
    {
        double length = Math.Max(1, (s.End - s.Start).TotalMilliseconds);
        int Column(DateTimeOffset at) => (int)Math.Round(Math.Clamp((at - s.Start).TotalMilliseconds / length, 0, 1) * (width - 1));
        int head = Column(s.Position);
        var cells = new char[width];
        for (int i = 0; i < width; i++) cells[i] = i < head ? Played : Ahead;
        foreach (RecordingMark m in s.Marks)
        {
            int c = Column(m.At);
            if (cells[c] != FailoverMark) cells[c] = m.Kind == RecordingMarkKind.Failover ? FailoverMark : OtherMark;
        }
        cells[head] = Head;
        string text = new(cells);
        return [new Fact(text[..head], Tone.Accent), new Fact(text[head..(head + 1)], Tone.Strong), new Fact(text[(head + 1)..], Tone.Dim)];
    }

    /// <summary>"5:12", "1:02:03": minutes and seconds, hours once the recording is an hour long.</summary>
    public static string Offset(TimeSpan at, TimeSpan length)
    {
        if (at < TimeSpan.Zero) at = TimeSpan.Zero;
        return length.TotalHours >= 1
            ? $"{(int)at.TotalHours}:{at.Minutes:00}:{at.Seconds:00}"
            : $"{(int)at.TotalMinutes}:{at.Seconds:00}";
    }

    /// <summary>The pieces as one string: what a test or a cast reads.</summary>
    public static string Text(IReadOnlyList<Fact> pieces)
    {
        var text = new StringBuilder();
        foreach (Fact f in pieces) text.Append(f.Text);
        return text.ToString();
    }

    private static IReadOnlyList<Fact> Fit(IReadOnlyList<Fact> pieces, int width)
    {
        var fitted = new List<Fact>();
        int left = width;
        foreach (Fact f in pieces)
        {
            if (left <= 0) break;
            fitted.Add(f with { Text = TextFit.Truncate(f.Text, left) });
            left -= Math.Min(left, f.Text.Length);
        }
        return fitted;
    }
}
