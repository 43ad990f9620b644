using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Load;

/// <summary>
/// Every write's outcome as it comes back, from any thread: which sequence numbers were acknowledged and which
/// failed (the read-back needs both), counts by error kind, the per-second bars, the longest time without an
/// acknowledged write (the one still going on included), and the start of each burst of one error kind (explained
/// once on the timeline). <see cref="Fill"/> turns it into the store's <see cref="LoadLedger"/>; the writer calls it
/// a few times a second.
/// </summary>
public sealed class LoadRecorder
{
    /// <summary>Seconds of bars kept: ten minutes, more than a workshop's drill.</summary>
    public const int MaxSeconds = 600;

    /// <summary>A kind that returns after another kind, this long after it was last explained, is explained again.</summary>
    public static readonly TimeSpan BurstGap = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly List<long> _acked = [];
    private readonly List<long> _failed = [];
    private readonly long[] _errors = new long[Enum.GetValues<WriteErrorKind>().Length];
    private readonly LinkedList<WriteSecond> _seconds = new();
    private readonly List<(WriteErrorKind Kind, DateTimeOffset At)> _newBursts = [];
    /// <summary>When each kind was last explained since the last acknowledged write.</summary>
    private readonly Dictionary<WriteErrorKind, DateTimeOffset> _explained = [];
    private WriteErrorKind? _lastKind;
    private DateTimeOffset? _lastAck, _lastFailure, _firstFailure, _resumedAt, _outageStart, _outageEnd;
    private WriteErrorKind? _lastFailureKind;
    private TimeSpan? _outage;
    private string? _firstOtherMessage;

    public void Acked(long sequence, DateTimeOffset at)
    {
        lock (_gate)
        {
            _acked.Add(sequence);
            Count(at, acked: true);
            // The first acknowledged write after failures from the start ends an outage that began with them.
            if ((_lastAck ?? _firstFailure) is { } last && at - last is var gap && gap > (_outage ?? TimeSpan.Zero))
                (_outage, _outageStart, _outageEnd) = (gap, last, at);
            if (_lastAck is null || at > _lastAck) _lastAck = at;
            if (_lastFailure is { } f && (_resumedAt is null || _resumedAt < f) && at >= f) _resumedAt = at;
            // An acknowledged write ends every burst of errors.
            _explained.Clear();
            _lastKind = null;
        }
    }

    public void Failed(long sequence, WriteErrorKind kind, DateTimeOffset at, string? message = null)
    {
        lock (_gate)
        {
            _failed.Add(sequence);
            _errors[(int)kind]++;
            Count(at, acked: false);
            if (_lastFailure is null || at >= _lastFailure) (_lastFailure, _lastFailureKind) = (at, kind);
            if (_firstFailure is null || at < _firstFailure) _firstFailure = at;
            if (kind == WriteErrorKind.Other) _firstOtherMessage ??= message;
            // A burst starts with a kind not seen since the last acknowledged write, or one that comes back after another
            // kind (NOREPLICAS from the old master, connection errors, then NOREPLICAS from the new one) a while later.
            bool fresh = !_explained.TryGetValue(kind, out DateTimeOffset said) || (_lastKind != kind && at - said > BurstGap);
            if (fresh)
            {
                _explained[kind] = at;
                _newBursts.Add((kind, at));
            }
            _lastKind = kind;
        }
    }

    public long AckedCount
    {
        get { lock (_gate) return _acked.Count; }
    }

    public long FailedCount
    {
        get { lock (_gate) return _failed.Count; }
    }

    /// <summary>The first message of an "other" error, for its explanation.</summary>
    public string? FirstOtherMessage
    {
        get { lock (_gate) return _firstOtherMessage; }
    }

    /// <summary>Error kinds that started a new burst since the last call (an acknowledged write ends a burst).</summary>
    public IReadOnlyList<(WriteErrorKind Kind, DateTimeOffset At)> TakeNewBursts()
    {
        lock (_gate)
        {
            var bursts = _newBursts.ToArray();
            _newBursts.Clear();
            return bursts;
        }
    }

    /// <summary>The sequence numbers, for the read-back: (acknowledged, failed).</summary>
    public (long[] Acked, long[] Failed) Sequences()
    {
        lock (_gate) return ([.. _acked], [.. _failed]);
    }

    /// <summary>The running counts on top of <paramref name="ledger"/> (its number, start and rate are the writer's).</summary>
    /// <param name="now">Now while the load runs; when it stopped writing once it has ended: where an open outage ends.</param>
    public LoadLedger Fill(LoadLedger ledger, DateTimeOffset now)
    {
        lock (_gate)
        {
            (TimeSpan? outage, DateTimeOffset? start, DateTimeOffset? end, bool open) = (_outage, _outageStart, _outageEnd, false);
            // Writes failed since the last acknowledged one: the outage under way counts, up to now (or the last
            // failure, if an answer stamped later is already in). Without a failure the quiet since the last
            // acknowledged write is only the next write not being back yet.
            if (_lastFailure is { } failed && (_lastAck is null || failed > _lastAck))
            {
                DateTimeOffset from = _lastAck ?? _firstFailure!.Value;
                TimeSpan current = (now > failed ? now : failed) - from;
                if (current >= (outage ?? TimeSpan.Zero)) (outage, start, end, open) = (current, from, null, true);
            }
            return ledger with
            {
                Acked = _acked.Count,
                Failed = _failed.Count,
                Errors = [.. Enum.GetValues<WriteErrorKind>().Where(k => _errors[(int)k] > 0).Select(k => new WriteErrorCount(k, _errors[(int)k]))],
                Outage = outage,
                OutageStart = start,
                OutageEnd = end,
                OutageOpen = open,
                OutageError = open ? _lastFailureKind : null,
                PerSecond = [.. _seconds],
                LastFailureAt = _lastFailure,
                ResumedAt = _resumedAt,
            };
        }
    }

    private void Count(DateTimeOffset at, bool acked)
    {
        var second = new DateTimeOffset(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        // Outcomes arrive nearly in order; a late one belongs to a recent second, found from the end.
        LinkedListNode<WriteSecond>? node = _seconds.Last;
        while (node is not null && node.Value.At > second) node = node.Previous;
        if (node is null || node.Value.At != second)
        {
            // Seconds without any outcome (a paused master) are bars of zero, so the chart's time axis stays true.
            if (node is not null && node.Next is null)
                for (DateTimeOffset gap = node.Value.At.AddSeconds(1); gap < second; gap = gap.AddSeconds(1))
                    node = _seconds.AddLast(new WriteSecond(gap, 0, 0));
            var fresh = new WriteSecond(second, 0, 0);
            node = node is null ? _seconds.AddFirst(fresh) : _seconds.AddAfter(node, fresh);
        }
        node.Value = acked ? node.Value with { Acked = node.Value.Acked + 1 } : node.Value with { Failed = node.Value.Failed + 1 };
        while (_seconds.Count > MaxSeconds) _seconds.RemoveFirst();
    }
}
