using RedisHaTui.Core.Recording;
using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Presentation;

/// <summary>The replay's scrub bar as a pure function of the player's state and the width.</summary>
public sealed class ScrubBarTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    private static ScrubState State(double at, bool playing = false, bool live = false, int speed = 1, bool damaged = false, double length = 600) =>
        new(T0, T0.AddSeconds(length), T0.AddSeconds(at), playing, live, speed,
            [new RecordingMark(T0.AddSeconds(length / 2), RecordingMarkKind.Failover, "failover #1"), new RecordingMark(T0.AddSeconds(length), RecordingMarkKind.Fault, "kill")],
            damaged);

    [Theory]
    [InlineData(0, false, false, 1, " REPLAY  ❚❚ 1× 10:00:00 ●────────────────◆────────────────┼ 0:00 / 10:00  ? keys")]
    [InlineData(150, true, false, 2, " REPLAY  ▶ 2× 10:02:30 ━━━━━━━━━●────────◆────────────────┼ 2:30 / 10:00  ? keys")]
    [InlineData(600, false, true, 1, " REPLAY  ● live 10:10:00 ━━━━━━━━━━━━━━━━◆━━━━━━━━━━━━━━━● 10:00 / 10:00  ? keys")]
    public void At_80_columns_everything_fits_with_the_head_and_the_marks_on_the_track(double at, bool playing, bool live, int speed, string expected)
    {
        string text = ScrubBar.Text(ScrubBar.Pieces(State(at, playing, live, speed), 80, TimeZoneInfo.Utc));

        Assert.Equal(expected, text);
        Assert.Equal(80, text.Length);
    }

    [Theory]
    [InlineData(60, " REPLAY  ❚❚ 1× 10:01:00 ━●─────◆──────┼ 1:00 / 10:00  ? keys")]
    [InlineData(50, " REPLAY  ❚❚ 1× 10:01:00 ━●────◆─────┼ 1:00 / 10:00")]   // the help hint goes first
    [InlineData(40, " REPLAY  ❚❚ 1× ━●────◆────┼ 1:00 / 10:00")]                // then the clock
    [InlineData(24, " REPLAY  ❚❚ 1× ━●──◆───┼")]                               // then the length
    [InlineData(12, " REPLAY  ❚❚…")]                                           // no room for a track
    public void Narrower_the_least_useful_pieces_go_first(int width, string expected)
    {
        string text = ScrubBar.Text(ScrubBar.Pieces(State(60), width, TimeZoneInfo.Utc));

        Assert.Equal(expected, text);
        Assert.True(text.Length <= width);
    }

    [Fact]
    public void A_damaged_recording_is_marked_on_the_badge()
    {
        IReadOnlyList<Fact> pieces = ScrubBar.Pieces(State(0, damaged: true), 80, TimeZoneInfo.Utc);

        Assert.Equal(new Fact(" REPLAY ! ", Tone.Warn), pieces[0]);
    }

    [Theory]
    [InlineData(0, 600, "0:00")]
    [InlineData(65, 600, "1:05")]
    [InlineData(3725, 3725, "1:02:05")]
    [InlineData(65, 3725, "0:01:05")] // an hour-long recording shows hours throughout
    public void Offsets_are_minutes_and_seconds_with_hours_once_the_recording_is_an_hour_long(double at, double length, string expected) =>
        Assert.Equal(expected, ScrubBar.Offset(TimeSpan.FromSeconds(at), TimeSpan.FromSeconds(length)));
}
