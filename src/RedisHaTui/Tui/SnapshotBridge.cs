using RedisHaTui.Core.State;
using Terminal.Gui.App;

namespace RedisHaTui.Tui;

/// <summary>
/// The one door from the lab store into the UI thread. The store raises Changed on the monitor's thread;
/// however many changes arrive before the UI thread gets to it, one Invoke is queued and it applies the
/// newest snapshot, so a burst of events costs one redraw.
/// </summary>
internal sealed class SnapshotBridge : IDisposable
{
    private readonly LabStore _store;
    private readonly IApplication _app;
    private readonly Action<LabSnapshot> _apply;
    private int _queued;
    private volatile bool _disposed;

    public SnapshotBridge(LabStore store, IApplication app, Action<LabSnapshot> apply)
    {
        _store = store;
        _app = app;
        _apply = apply;
        _store.Changed += OnChanged;
    }

    private void OnChanged(LabSnapshot _)
    {
        if (_disposed || Interlocked.Exchange(ref _queued, 1) == 1) return;
        _app.Invoke(() =>
        {
            Volatile.Write(ref _queued, 0);
            if (!_disposed) _apply(_store.Current);
        });
    }

    public void Dispose()
    {
        _disposed = true;
        _store.Changed -= OnChanged;
    }
}
