using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>The player's logic on a fake clock: play, pause, speeds, seeks, steps, marks and the live end.</summary>
public sealed class ReplayPlayerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly LabDefinition Lab = TestLabs.Definition();

    /// <summary>A minute with moments at 0, 5, 10, 30 and 60 s; a failover mark at 10 s and a fault at 30 s.</summary>
    private static MemoryRecording Minute()
    {
        LabSnapshot s = LabSnapshot.Initial(Lab);
        return new MemoryRecording(Lab, T0, s)
            .Add(T0.AddSeconds(5), s with { MasterName = "at5" })
            .Add(T0.AddSeconds(10), s with { MasterName = "at10" })
            .Log("node1", T0.AddSeconds(30), "line at 30")
            .Add(T0.AddSeconds(60), s with { MasterName = "at60" })
            .Mark(T0.AddSeconds(10), RecordingMarkKind.Failover, "failover #1")
            .Mark(T0.AddSeconds(30), RecordingMarkKind.Fault, "kill -9 node1");
    }

    [Fact]
    public void A_replay_opens_at_the_start_paused_and_paused_it_stays_there_however_long_the_clock_runs()
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(Minute(), wall);

        wall.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(T0, player.Position);
        Assert.False(player.Playing);
    }

    [Theory]
    [InlineData(0, 3)]  // 1×: three seconds of wall time are three seconds of recording
    [InlineData(1, 6)]  // 2×
    [InlineData(2, 30)] // 10×
    public void Playing_moves_the_position_at_the_chosen_speed(int faster, int expectedSeconds)
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(Minute(), wall);
        for (int i = 0; i < faster; i++) player.Faster();

        player.Play();
        wall.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(T0.AddSeconds(expectedSeconds), player.Position);
        Assert.Equal(ReplayPlayer.Speeds[faster], player.Speed);
    }

    [Fact]
    public void A_speed_change_while_playing_keeps_the_time_already_played_at_the_old_speed()
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(Minute(), wall);
        player.Play();
        wall.Advance(TimeSpan.FromSeconds(2)); // 2 s at 1×

        player.Faster();
        wall.Advance(TimeSpan.FromSeconds(2)); // 4 s at 2×

        Assert.Equal(T0.AddSeconds(6), player.Position);
        player.Faster();
        player.Faster(); // 10× is the fastest
        Assert.Equal(10, player.Speed);
        player.Slower();
        player.Slower();
        player.Slower();
        Assert.Equal(1, player.Speed);
    }

    [Fact]
    public void Space_pauses_where_it_is_and_the_position_then_stays()
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(Minute(), wall);
        player.TogglePlay();
        wall.Advance(TimeSpan.FromSeconds(7));

        player.TogglePlay();
        wall.Advance(TimeSpan.FromSeconds(20));

        Assert.False(player.Playing);
        Assert.Equal(T0.AddSeconds(7), player.Position);
    }

    [Fact]
    public void A_finished_recording_played_to_its_end_stops_there_and_space_plays_it_again_from_the_start()
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(Minute(), wall);
        player.Play();

        wall.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(T0.AddSeconds(60), player.Position);
        Assert.False(player.Playing);
        player.TogglePlay();
        Assert.Equal(T0, player.Position);
        Assert.True(player.Playing);
    }

    [Fact]
    public void Seeking_clamps_to_the_recording_and_keeps_playing_if_it_was()
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(Minute(), wall);

        player.SeekTo(T0.AddSeconds(-5));
        Assert.Equal(T0, player.Position);
        player.SeekTo(T0.AddHours(1));
        Assert.Equal(T0.AddSeconds(60), player.Position);

        player.SeekTo(T0.AddSeconds(20));
        player.Play();
        player.SeekTo(T0.AddSeconds(40));
        wall.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(T0.AddSeconds(41), player.Position);
    }

    [Fact]
    public void Arrows_step_one_moment_at_a_time_and_pause_there()
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(Minute(), wall);
        player.Play();

        player.StepForward();
        Assert.Equal(T0.AddSeconds(5), player.Position);
        Assert.False(player.Playing);
        player.StepForward();
        player.StepForward();
        Assert.Equal(T0.AddSeconds(30), player.Position); // the log line is a moment too

        player.StepBack();
        Assert.Equal(T0.AddSeconds(10), player.Position);
        // Between two moments, back goes to the one before the moment shown (10 s is shown at 12 s).
        player.SeekTo(T0.AddSeconds(12));
        player.StepBack();
        Assert.Equal(T0.AddSeconds(5), player.Position);
        player.StepBack();
        player.StepBack();
        Assert.Equal(T0, player.Position);
        player.SeekTo(T0.AddSeconds(60));
        player.StepForward(); // nothing after the last moment: stays
        Assert.Equal(T0.AddSeconds(60), player.Position);
    }

    [Fact]
    public void Shift_arrows_skip_ten_seconds()
    {
        var player = new ReplayPlayer(Minute(), new FakeTimeProvider(T0.AddDays(1)));

        player.SkipBy(ReplayPlayer.Skip);
        player.SkipBy(ReplayPlayer.Skip);
        player.SkipBy(-ReplayPlayer.Skip);

        Assert.Equal(T0.AddSeconds(10), player.Position);
    }

    [Fact]
    public void Brackets_jump_from_mark_to_mark_and_say_where_there_is_none()
    {
        var player = new ReplayPlayer(Minute(), new FakeTimeProvider(T0.AddDays(1)));

        Assert.Equal("failover #1", player.NextMark()?.Text);
        Assert.Equal(T0.AddSeconds(10), player.Position);
        Assert.Equal("kill -9 node1", player.NextMark()?.Text);
        Assert.Null(player.NextMark());
        Assert.Equal(T0.AddSeconds(30), player.Position);
        Assert.Equal("failover #1", player.PreviousMark()?.Text);
        Assert.Null(player.PreviousMark());
        Assert.Equal(T0.AddSeconds(10), player.Position);
    }

    [Fact]
    public void End_follows_a_recording_still_being_written_and_pause_or_a_seek_leaves_the_live_end()
    {
        MemoryRecording recording = Minute();
        recording.Finished = false;
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var player = new ReplayPlayer(recording, wall);

        player.GoToEnd();
        Assert.True(player.Live);
        recording.Add(T0.AddSeconds(75), LabSnapshot.Initial(Lab));
        Assert.Equal(T0.AddSeconds(75), player.Position);

        player.SkipBy(-ReplayPlayer.Skip);
        Assert.False(player.Live);
        Assert.Equal(T0.AddSeconds(65), player.Position);
        // Played up to the end of a growing recording, it becomes live again.
        wall.Advance(TimeSpan.FromSeconds(30));
        Assert.True(player.Live);
        recording.Add(T0.AddSeconds(80), LabSnapshot.Initial(Lab));
        Assert.Equal(T0.AddSeconds(80), player.Position);
    }

    [Fact]
    public void End_on_a_finished_recording_goes_to_its_last_moment_paused()
    {
        var player = new ReplayPlayer(Minute(), new FakeTimeProvider(T0.AddDays(1)));

        player.GoToEnd();

        Assert.False(player.Live);
        Assert.False(player.Playing);
        Assert.Equal(T0.AddSeconds(60), player.Position);
    }
}
