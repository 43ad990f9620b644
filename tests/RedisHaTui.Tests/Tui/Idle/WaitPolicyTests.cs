using RedisHaTui.Tui.Idle;

namespace RedisHaTui.Tests.Tui.Idle;

public sealed class WaitPolicyTests
{
    private static readonly TimeSpan Gap = TimeSpan.FromMilliseconds(50); // a ceiling of 20 redraws/s
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);

    public static TheoryData<string, bool, bool, int, int, int, int, int, int, int> Cases => new()
    {
        // what,                                         input, draw, timer ms, since input ms, since start ms, since iteration ms, streak → sleep ms, streak
        { "idle, no timer: the safety cap",                false, false, -1, 60_000, 60_000, 5, 0, 1000, 0 },
        { "idle, the log timer in 100 ms",                 false, false, 99, 60_000, 60_000, 1, 0, 100, 0 },
        { "idle, a timer in 5 s: still the cap",           false, false, 5000, 60_000, 60_000, 1, 0, 1000, 0 },
        { "a key 300 ms ago: alert cap (ESC, clicks)",     false, false, -1, 300, 60_000, 1, 0, 25, 0 },
        { "start-up: alert cap (the terminal's answers)",  false, false, 400, 60_000, 1000, 1, 0, 25, 0 },
        { "a key 300 ms ago, a timer in 10 ms",             false, false, 9, 300, 60_000, 1, 0, 10, 0 },
        { "a timer due now: run at once",                  false, false, 0, 60_000, 60_000, 1, 0, 0, 1 },
        { "input queued: run at once, streak ends",        true, true, 0, 0, 60_000, 0, 7, 0, 0 },
        { "a change to draw: run at once",                 false, true, 80, 60_000, 60_000, 1, 0, 0, 1 },
        { "still something to draw: paced to the gap",     false, true, 80, 60_000, 60_000, 10, 1, 40, 2 },
        { "draw pending after a long iteration: 1 ms",     false, true, 80, 60_000, 60_000, 70, 3, 1, 4 },
        { "a timer within the millisecond again: 1 ms",    false, false, 0, 60_000, 60_000, 0, 1, 1, 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_loop_sleeps_until_the_next_thing_to_do(string what, bool input, bool draw, int timerMs, int sinceInputMs, int sinceStartMs,
        int sinceIterationMs, int streak, int sleepMs, int streakAfter)
    {
        var state = new LoopState(input, draw, timerMs, TimeSpan.FromMilliseconds(sinceInputMs), TimeSpan.FromMilliseconds(sinceStartMs),
            TimeSpan.FromMilliseconds(sinceIterationMs), streak);

        LoopWait wait = WaitPolicy.Next(state, Gap);

        Assert.True(TimeSpan.FromMilliseconds(sleepMs) == wait.Sleep, $"{what}: slept {wait.Sleep.TotalMilliseconds} ms, expected {sleepMs}");
        Assert.True(streakAfter == wait.BusyStreak, $"{what}: streak {wait.BusyStreak}, expected {streakAfter}");
    }

    [Fact]
    public void A_view_that_always_needs_drawing_is_paced_not_spun()
    {
        // Simulates 100 iterations back to back in which something always needs drawing.
        var streak = 0;
        TimeSpan slept = TimeSpan.Zero;
        for (int i = 0; i < 100; i++)
        {
            LoopWait w = WaitPolicy.Next(new LoopState(false, true, -1, Long, Long, TimeSpan.Zero, streak), Gap);
            streak = w.BusyStreak;
            slept += w.Sleep;
        }
        Assert.Equal(99 * Gap, slept); // all but the first wait out the redraw gap: 20 iterations/s at most
    }
}
