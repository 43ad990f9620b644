namespace RedisHaTui.Tui.Idle;

/// <summary>What the main loop knows when it is about to start an iteration.</summary>
/// <param name="InputPending">Input is queued and not processed yet.</param>
/// <param name="DrawPending">A view on screen needs layout or drawing (timers run after drawing, so their changes show next iteration).</param>
/// <param name="NextTimerMs">Milliseconds to the earliest timer (0: due now or within the millisecond), -1 when there is none.</param>
/// <param name="SinceInput">Time since input last arrived.</param>
/// <param name="SinceStart">Time since the screen started.</param>
/// <param name="SinceIteration">Time since the previous iteration started.</param>
/// <param name="BusyStreak">How many iterations in a row started without waiting because work was pending.</param>
internal readonly record struct LoopState(bool InputPending, bool DrawPending, int NextTimerMs, TimeSpan SinceInput, TimeSpan SinceStart,
    TimeSpan SinceIteration, int BusyStreak);

/// <summary>How long the main loop sleeps before an iteration, and the busy streak after it.</summary>
internal readonly record struct LoopWait(TimeSpan Sleep, int BusyStreak);

/// <summary>
/// How long the main loop may sleep: until the next timer, at most <see cref="IdleCap"/>, and not at all while work
/// is pending. Input, Invoke and timers added from other threads, and a resize wake it early. Pure, so tested with tables.
/// </summary>
internal static class WaitPolicy
{
    /// <summary>The longest sleep: a safety net for anything that changes the screen without waking the loop.</summary>
    public static readonly TimeSpan IdleCap = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest sleep just after input and at start-up. Terminal.Gui decides some things on its own clock inside
    /// an iteration: a lone ESC becomes the Esc key after 50 ms, a click is sent once the 500 ms double-click window
    /// passed, the first frame waits for the terminal's answers to its start-up queries (or their time-outs).
    /// Half of those 50 ms: a wake at 50 ms often comes a hair early for the ESC's strict "more than 50 ms", and
    /// the Esc key then waited a second sleep (Esc took ~110 ms with a 50 ms cap; Terminal.Gui's polling ~140 ms).
    /// </summary>
    public static readonly TimeSpan AlertCap = TimeSpan.FromMilliseconds(25);

    public static readonly TimeSpan AlertAfterInput = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan AlertAfterStart = TimeSpan.FromSeconds(3);

    /// <summary>The sleep that stops a sub-millisecond timer from spinning the loop (CheckTimers rounds down to 0).</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    /// <param name="redrawGap">The shortest time between iterations while work keeps coming (the redraw ceiling).</param>
    public static LoopWait Next(LoopState s, TimeSpan redrawGap)
    {
        // Input is paced by the person typing: never hold it back.
        if (s.InputPending) return new(TimeSpan.Zero, 0);
        if (s.DrawPending || s.NextTimerMs == 0)
        {
            // The first busy iteration runs at once (a timer's change drawn right away); a streak means something asks
            // for work on every iteration (a view that always needs drawing, a timer due within the millisecond):
            // pace it, at most one iteration per redrawGap, instead of spinning.
            int streak = s.BusyStreak + 1;
            if (streak < 2) return new(TimeSpan.Zero, streak);
            TimeSpan rest = s.DrawPending ? redrawGap - s.SinceIteration : Tick;
            return new(rest > Tick ? rest : Tick, streak);
        }
        TimeSpan cap = s.SinceInput < AlertAfterInput || s.SinceStart < AlertAfterStart ? AlertCap : IdleCap;
        // +1 ms: CheckTimers rounds down, and waking a hair early would cost an extra iteration for nothing.
        TimeSpan timer = s.NextTimerMs < 0 ? cap : TimeSpan.FromMilliseconds(s.NextTimerMs + 1);
        return new(timer < cap ? timer : cap, 0);
    }
}
