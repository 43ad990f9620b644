using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace RedisHaTui.Core.State;

/// <summary>
/// Holds the current <see cref="LabSnapshot"/>. All changes go through <see cref="Update"/>, which versions them;
/// readers either read <see cref="Current"/>, handle <see cref="Changed"/> (synchronously, on the updater's
/// thread: keep it quick) or <see cref="WatchAsync"/> (the current snapshot first, then each change; a slow
/// reader skips to the newest rather than queueing stale pictures). What is derived from the rest of the
/// snapshot (what can run now) is computed here, inside every update, so no reader ever sees it stale.
/// </summary>
public sealed class LabStore
{
    private readonly TimeProvider _time;
    private readonly Func<LabSnapshot, LabSnapshot> _derive;
    private readonly Lock _gate = new();
    private readonly List<Channel<LabSnapshot>> _watchers = [];
    private LabSnapshot _current;

    /// <param name="derive">Recomputes derived parts (availability) from the rest; it must be pure and quick.</param>
    public LabStore(LabSnapshot initial, TimeProvider? time = null, Func<LabSnapshot, LabSnapshot>? derive = null)
    {
        _time = time ?? TimeProvider.System;
        _derive = derive ?? (s => s);
        _current = _derive(initial);
    }

    public TimeProvider Time => _time;

    public LabSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after every change, on the thread that made it.</summary>
    public event Action<LabSnapshot>? Changed;

    /// <summary>Handlers on <see cref="Changed"/> right now: a soak checks that nothing forgets to unsubscribe.</summary>
    public int ChangedHandlerCount => Changed?.GetInvocationList().Length ?? 0;

    /// <summary>Readers of <see cref="WatchAsync"/> (and waits of <see cref="WaitForAsync"/>) under way right now.</summary>
    public int WatcherCount
    {
        get { lock (_gate) return _watchers.Count; }
    }

    /// <summary>Applies a change atomically; returns the new snapshot (the same one when nothing changed: no new version).</summary>
    public LabSnapshot Update(Func<LabSnapshot, LabSnapshot> change)
    {
        LabSnapshot next;
        Channel<LabSnapshot>[] watchers;
        lock (_gate)
        {
            LabSnapshot changed = change(_current);
            if (ReferenceEquals(changed, _current)) return _current;
            changed = _derive(changed);
            if (changed == _current) return _current;
            next = changed with { Version = _current.Version + 1, At = _time.GetUtcNow() };
            Volatile.Write(ref _current, next);
            watchers = [.. _watchers];
            // Writing under the lock keeps every watcher's sequence in version order.
            foreach (Channel<LabSnapshot> w in watchers) w.Writer.TryWrite(next);
        }
        Changed?.Invoke(next);
        return next;
    }

    /// <summary>
    /// Completes with the first snapshot (the current one included) that satisfies <paramref name="condition"/>,
    /// or fails with what <paramref name="failure"/> says once it says something: waiting on the store instead of
    /// reading the lab a second time (aspire's WaitForResourceAsync).
    /// </summary>
    public async Task<LabSnapshot> WaitForAsync(Func<LabSnapshot, bool> condition, CancellationToken ct, Func<LabSnapshot, Exception?>? failure = null)
    {
        await foreach (LabSnapshot s in WatchAsync(ct))
        {
            if (condition(s)) return s;
            if (failure?.Invoke(s) is { } e) throw e;
        }
        ct.ThrowIfCancellationRequested();
        throw new OperationCanceledException(ct);
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
