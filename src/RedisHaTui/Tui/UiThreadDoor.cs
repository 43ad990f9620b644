using RedisHaTui.Core.Actions;
using RedisHaTui.Core.State;
using Terminal.Gui.App;

namespace RedisHaTui.Tui;

/// <summary>
/// The one door into the UI thread for everything that does not start there: store snapshots, action results
/// and the redraw timer. Views are UI-thread-only, so whatever else changes them comes through here, with the
/// same three promises: a burst of snapshots costs one Invoke and shows the newest; nothing runs once the window
/// closed; an exception in a callback is reported (on the status line) instead of taking the screen down.
/// </summary>
internal sealed class UiThreadDoor : IDisposable
{
    private readonly IApplication _app;
    private readonly Action<Exception> _report;
    private readonly CancellationTokenSource _closing = new();
    private readonly List<Action> _onClose = [];

    public UiThreadDoor(IApplication app, Action<Exception> report)
    {
        _app = app;
        _report = report;
    }

    /// <summary>Cancelled when the window closes: background work started for the screen stops with it.</summary>
    public CancellationToken Closing => _closing.Token;

    public bool Closed => _closing.IsCancellationRequested;

    /// <summary>Runs <paramref name="action"/> now, on the calling (UI) thread; a bug in it is reported, not thrown.</summary>
    public void Guarded(Action action)
    {
        try { action(); }
        catch (Exception ex) { _report(ex); }
    }

    /// <summary>Runs <paramref name="action"/> on the UI thread later (inline when already on it); dropped after close.</summary>
    public void Post(Action action)
    {
        if (Closed) return;
        try { _app.Invoke(() => { if (!Closed) Guarded(action); }); }
        catch (Exception) { /* the application is shutting down: there is nobody left to tell */ }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the thread pool (a stop waits seconds for SHUTDOWN: never on the UI thread),
    /// then <paramref name="show"/> with its result on the UI thread. A failure becomes a refusal worded by
    /// <paramref name="failed"/>; nothing is shown once the window closed.
    /// </summary>
    public void RunThenShow(Func<CancellationToken, Task<LabActionResult>> work, Func<Exception, LabActionResult> failed, Action<LabActionResult> show)
    {
        CancellationToken ct = Closing;
        _ = Task.Run(async () =>
        {
            LabActionResult result;
            try { result = await work(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) { result = failed(ex); }
            Post(() => show(result));
        }, CancellationToken.None);
    }

    /// <summary>
    /// Applies the store's newest snapshot on the UI thread after each change. The store raises Changed on the
    /// monitor's thread; however many changes arrive before the UI thread gets to it, one Invoke is queued.
    /// </summary>
    public void WatchNewest(LabStore store, Action<LabSnapshot> apply)
    {
        int queued = 0;
        void OnChanged(LabSnapshot _)
        {
            if (Closed || Interlocked.Exchange(ref queued, 1) == 1) return;
            // Cleared before reading Current: a change landing after the read queues the next Invoke.
            Post(() =>
            {
                Volatile.Write(ref queued, 0);
                apply(store.Current);
            });
        }
        store.Changed += OnChanged;
        _onClose.Add(() => store.Changed -= OnChanged);
    }

    /// <summary>Calls <paramref name="tick"/> on the UI thread every <paramref name="period"/> until the door closes.</summary>
    public void Every(TimeSpan period, Action tick)
    {
        object? timer = _app.AddTimeout(period, () => { if (!Closed) Guarded(tick); return !Closed; });
        _onClose.Add(() => { if (timer is not null) _app.RemoveTimeout(timer); });
    }

    public void Dispose()
    {
        if (Closed) return;
        _closing.Cancel();
        foreach (Action close in _onClose) close();
        _onClose.Clear();
    }
}
