using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RedisHaTui.Core.State;

/// <summary>
/// Holds the current <see cref="LabSnapshot"/>. All changes go through <see cref="Update"/>, which versions them;
/// readers either read <see cref="Current"/>, handle <see cref="Changed"/> (synchronously, on the updater's
/// thread: keep it quick) or <see cref="WatchAsync"/> (the current snapshot first, then each change; a slow
/// reader skips to the newest rather than queueing stale pictures).
/// </summary>
public sealed class LabStore(LabSnapshot initial, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private readonly List<Channel<LabSnapshot>> _watchers = [];
    private LabSnapshot _current = initial;

    public LabSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after every change, on the thread that made it.</summary>
    public event Action<LabSnapshot>? Changed;

    /// <summary>Applies a change atomically; returns the new snapshot (the same one when nothing changed).</summary>
    public LabSnapshot Update(Func<LabSnapshot, LabSnapshot> change)
    {
        LabSnapshot next;
        Channel<LabSnapshot>[] watchers;
        lock (_gate)
        {
            LabSnapshot changed = change(_current);
            if (ReferenceEquals(changed, _current)) return _current;
            next = changed with { Version = _current.Version + 1, At = _time.GetUtcNow() };
            Volatile.Write(ref _current, next);
            watchers = [.. _watchers];
            // Writing under the lock keeps every watcher's sequence in version order.
            foreach (Channel<LabSnapshot> w in watchers) w.Writer.TryWrite(next);
        }
        Changed?.Invoke(next);
        return next;
    }

    /// <summary>The current snapshot, then every change until cancelled.</summary>
    public async IAsyncEnumerable<LabSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        var channel = Channel.CreateBounded<LabSnapshot>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        lock (_gate)
        {
            channel.Writer.TryWrite(_current);
            _watchers.Add(channel);
        }
        try
        {
            while (true)
            {
                LabSnapshot next;
                try
                {
                    if (!await channel.Reader.WaitToReadAsync(ct)) yield break;
                    if (!channel.Reader.TryRead(out next!)) continue;
                }
                catch (OperationCanceledException) { yield break; }
                yield return next;
            }
        }
        finally
        {
            lock (_gate) _watchers.Remove(channel);
        }
    }
}
