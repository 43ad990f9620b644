namespace RedisHaTui.Core.Recording.Replay;

/// <summary>
/// The clock of a replayed session: "now" is the playhead, so every "ago" and "since" on the screen is computed
/// at the moment shown, and a paused replay stands still. Timers run on the wall clock underneath: what the screen
/// schedules (a redraw, a message's life) still happens, and nothing it schedules moves the playhead; only the
/// player does.
/// </summary>
public sealed class ReplayClock(ReplayPlayer player, TimeProvider wall) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => player.Position;

    public override TimeZoneInfo LocalTimeZone => wall.LocalTimeZone;

    /// <summary>Elapsed times measured on this clock are playhead time too (ticks of the position).</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => player.Position.UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        wall.CreateTimer(callback, state, dueTime, period);
}
