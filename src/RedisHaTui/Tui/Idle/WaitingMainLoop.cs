using System.Diagnostics;
using System.Runtime.InteropServices;
using Terminal.Gui.App;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Idle;

/// <summary>
/// Lets Terminal.Gui's main loop sleep between iterations instead of the fixed slice it sleeps by default. The wait
/// runs in the public Iteration event, which the loop raises first in every iteration; the loop's own delay is
/// switched off by a rate above 1000 (ApplicationMainLoop.Iteration: 1000 / rate ms, rounded down to 0).
/// Woken by input (the blocking input), by Invoke and timers added from other threads (TimedEvents.Added: the
/// monitor's snapshots, action results) and by SIGWINCH (a resize).
/// </summary>
internal sealed class WaitingMainLoop : IDisposable
{
    /// <summary>Above 1000, 1000 / rate is 0 ms: Terminal.Gui's loop no longer sleeps on its own.</summary>
    public const ushort LoopRateWithoutSleep = 1001;

    // No spinning before blocking: a wake-up that spins is what this class exists to avoid.
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
    private readonly TimeSpan _redrawGap;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastInput;
    private long _lastIteration;
    private int _busyStreak;
    private int _uiThread;
    private IApplication? _app;
    private TimedEvents? _timers;
    private Func<bool> _inputPending = () => false;
    private PosixSignalRegistration? _resize;
    private ushort _rateBefore;

    /// <param name="redrawCeiling">Iterations per second at most while work keeps coming: the old loop rate, now a ceiling.</param>
    public WaitingMainLoop(int redrawCeiling) => _redrawGap = TimeSpan.FromSeconds(1.0 / Math.Clamp(redrawCeiling, 1, 1000));

    /// <summary>Called by the input thread after it queued input.</summary>
    public void InputArrived()
    {
        Volatile.Write(ref _lastInput, Stopwatch.GetTimestamp());
        _wake.Set();
    }

    /// <summary>Ends the current sleep (from any thread).</summary>
    public void Wake() => _wake.Set();

    /// <summary>
    /// Starts sleeping between iterations of <paramref name="app"/>; call on the UI thread after Init, as the last
    /// Iteration handler (handlers after it would run after the sleep).
    /// </summary>
    /// <returns>False when this application's timers are not Terminal.Gui's own (nothing to ask for the next due time).</returns>
    public bool Attach(IApplication app, Func<bool> inputPending)
    {
        if (app.TimedEvents is not TimedEvents timers) return false;
        _app = app;
        _timers = timers;
        _inputPending = inputPending;
        _uiThread = Environment.CurrentManagedThreadId;
        _lastIteration = Stopwatch.GetTimestamp();
        timers.Added += OnTimerAdded;
        // Not cancelled: the runtime's own handling of the signal goes on.
        if (!OperatingSystem.IsWindows()) _resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => _wake.Set());
        app.Iteration += OnIteration;
        _rateBefore = Application.MaximumIterationsPerSecond;
        Application.MaximumIterationsPerSecond = LoopRateWithoutSleep;
        return true;
    }

    // Invoke, AddTimeout and the synchronization context all add a timer. One added on the UI thread is seen by the
    // next iteration's look at the timers anyway; only another thread's needs to wake the loop.
    private void OnTimerAdded(object? sender, TimeoutEventArgs e)
    {
        if (Environment.CurrentManagedThreadId != _uiThread) _wake.Set();
    }

    private void OnIteration(object? sender, EventArgs e)
    {
        if (_app is null || _timers is null) return;
        long now = Stopwatch.GetTimestamp();
        _timers.CheckTimers(out int nextTimerMs); // -1 when there is none
        var state = new LoopState(_inputPending(), DrawPending(_app), nextTimerMs,
            Stopwatch.GetElapsedTime(Volatile.Read(ref _lastInput), now), Stopwatch.GetElapsedTime(_started, now),
            Stopwatch.GetElapsedTime(_lastIteration, now), _busyStreak);
        LoopWait wait = WaitPolicy.Next(state, _redrawGap);
        _busyStreak = wait.BusyStreak;
        if (wait.Sleep > TimeSpan.Zero) _wake.Wait(wait.Sleep);
        // Whatever woke us was published before it set the event, so the iteration about to run handles it.
        _wake.Reset();
        _lastIteration = Stopwatch.GetTimestamp();
    }

    /// <summary>What the iteration's LayoutAndDraw would act on (ApplicationImpl.Screen.cs): a running view or popover needing layout or drawing.</summary>
    private static bool DrawPending(IApplication app)
    {
        if (app.ClearScreenNextIteration) return true;
        if (app.Popovers?.GetActivePopover() is View { Visible: true } popover && NeedsWork(popover)) return true;
        if (app.SessionStack is not { } sessions) return false;
        foreach (SessionToken token in sessions)
            if (token.Runnable is View view && NeedsWork(view)) return true;
        return false;
    }

    // Terminal.Gui keeps a "a subview needs drawing" flag, but it is internal: walk the visible tree (tens of views).
    private static bool NeedsWork(View v)
    {
        if (!v.Visible) return false;
        if (v.NeedsLayout || v.NeedsDraw) return true;
        foreach (View sub in v.SubViews)
            if (NeedsWork(sub)) return true;
        return false;
    }

    public void Dispose()
    {
        if (_app is not null)
        {
            _app.Iteration -= OnIteration;
            Application.MaximumIterationsPerSecond = _rateBefore; // process-wide: the next loop must not run without a sleep
        }
        if (_timers is not null) _timers.Added -= OnTimerAdded;
        _resize?.Dispose();
        _app = null;
        _wake.Set();
    }
}
