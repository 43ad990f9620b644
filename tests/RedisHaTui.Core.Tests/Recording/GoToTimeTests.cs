using RedisHaTui.Core.Recording.Replay;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>"Go to time" as typed at the replay's `:` prompt and after `replay --at`.</summary>
public sealed class GoToTimeTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 23, 50, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddMinutes(20); // past midnight: 00:10
    private static readonly DateTimeOffset Position = Start.AddMinutes(5);

    [Theory]
    [InlineData("23:55:30", 5 * 60 + 30)]
    [InlineData("23:55", 5 * 60)]
    [InlineData("23:50:00.250", 0.25)]
    [InlineData("00:05", 15 * 60)]     // after midnight: the next day's
    [InlineData("5m30s", 5 * 60 + 30)] // from the start
    [InlineData("90", 90)]
    [InlineData("1m", 60)]
    [InlineData("+30s", 5 * 60 + 30)]  // from where the replay is
    [InlineData("-2m", 3 * 60)]
    [InlineData(" start ", 0)]
    [InlineData("END", 20 * 60)]
    public void A_clock_time_an_offset_or_a_step_names_a_moment(string typed, double secondsIn)
    {
        (DateTimeOffset? at, string? error) = GoToTime.Parse(typed, Start, End, Position, TimeZoneInfo.Utc);

        Assert.Null(error);
        Assert.Equal(Start.AddSeconds(secondsIn), at);
    }

    [Theory]
    [InlineData("soon", "'soon' is not a time: a clock time (12:03:04)")]
    [InlineData("", "say where to go")]
    [InlineData("25:00", "25:00 is not a time of day")]
    [InlineData("01:00", "01:00 is outside the recording (23:50:00–00:10:00)")]
    [InlineData("1h", "1h is outside the recording")]
    [InlineData("-10m", "-10m is outside the recording")]
    public void What_names_no_moment_of_the_recording_is_refused_saying_why(string typed, string expected)
    {
        (DateTimeOffset? at, string? error) = GoToTime.Parse(typed, Start, End, Position, TimeZoneInfo.Utc);

        Assert.Null(at);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void A_clock_time_is_read_in_the_zone_the_timeline_shows()
    {
        TimeZoneInfo plusTwo = TimeZoneInfo.CreateCustomTimeZone("plus2", TimeSpan.FromHours(2), "plus2", "plus2");

        (DateTimeOffset? at, _) = GoToTime.Parse("01:55", Start, End, Position, plusTwo);

        Assert.Equal(Start.AddMinutes(5), at);
    }
}
