using RedisHaTui.Core.Load;
using RedisHaTui.Core.Session;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// `w`: starts the write load at the lab's Load:Rate, or stops the one running. The writer runs on its own tasks
/// and reaches the screen only through the store's snapshots; nothing here waits for it.
/// </summary>
internal sealed class LoadController(ILabSession session, StatusLine status) : IDisposable
{
    private WriteLoad? _load;

    public bool Running => _load is { Completion.IsCompleted: false };

    public void Toggle()
    {
        if (Running)
        {
            _ = _load!.StopAsync();
            status.Show("stopping the write load: reading back what the master kept…", Tone.Accent);
            return;
        }
        // Someone else's deployment is written to only when the person said so (--allow-writes).
        if (session.Policy.Writes is { } why)
        {
            status.Show($"write load refused: {why}", Tone.Warn);
            return;
        }
        int rate = session.Lab.Load.Rate;
        _load = WriteLoad.Start(session.Lab, session.Store, new LoadOptions(rate));
        status.Show($"write load started: {rate} writes/s through the sentinels (w stops it)", Tone.Accent);
    }

    public void Dispose()
    {
        if (_load is not null) _ = _load.DisposeAsync().AsTask();
    }
}
