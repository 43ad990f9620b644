namespace RedisHaTui.Core.Processes;

/// <summary>One line of a process's output and the time the app read it.</summary>
public readonly record struct LogLine(string Text, DateTimeOffset At);

/// <summary>
/// The last N lines of one process's output, each with the time it was read (the session's clock). Producers
/// append from any thread; readers copy only the lines they show, so drawing costs O(screen) however fast lines
/// arrive. Lines are numbered from the first ever appended (<see cref="Total"/>), so a reader scrolled back keeps
/// its place while new lines arrive. <see cref="Appended"/> hears every line (the flight recorder).
/// </summary>
public sealed class LogRing(int capacity, TimeProvider? time = null)
{
    private readonly string[] _lines = new string[Math.Max(1, capacity)];
    private readonly DateTimeOffset[] _times = new DateTimeOffset[Math.Max(1, capacity)];
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly Lock _gate = new();
    private long _total;
    private long _taken;
    private long _floor; // no line before this number is held (after a Replace)

    public int Capacity => _lines.Length;

    /// <summary>
    /// Raised for every line appended, on the producer's thread, after the line is in the ring: a listener must be
    /// quick and must not block (the recorder only queues it). Lines of one producer arrive in order.
    /// </summary>
    public event Action<LogLine>? Appended;

    /// <summary>Lines ever appended; the newest line has number Total - 1.</summary>
    public long Total { get { lock (_gate) return _total; } }

    /// <summary>The number of the oldest line still held.</summary>
    public long First { get { lock (_gate) return FirstHeld; } }

    private long FirstHeld => Math.Max(_floor, _total - _lines.Length);

    /// <summary>Appends a line read now.</summary>
    public void Append(string line) => Append(line, _time.GetUtcNow());

    /// <summary>Appends a line read at <paramref name="at"/>.</summary>
    public void Append(string line, DateTimeOffset at)
    {
        lock (_gate)
        {
            long slot = _total % _lines.Length;
            _lines[slot] = line;
            _times[slot] = at;
            _total++;
        }
        Appended?.Invoke(new LogLine(line, at));
    }

    /// <summary>
    /// Shows other lines in place of all that were held (a replay that seeks): numbering goes on from where it was,
    /// as if the old lines had scrolled away, so a reader's line numbers never run backwards.
    /// </summary>
    /// Not heard by <see cref="Appended"/>: these lines were read before, elsewhere.
    public void Replace(IReadOnlyList<LogLine> lines)
    {
        lock (_gate)
        {
            Array.Clear(_lines);
            _floor = _total;
            _taken = -1; // a redraw even when no line came in place of the old
            foreach (LogLine line in lines.Skip(Math.Max(0, lines.Count - _lines.Length)))
            {
                long slot = _total % _lines.Length;
                _lines[slot] = line.Text;
                _times[slot] = line.At;
                _total++;
            }
        }
    }

    /// <summary>Up to <paramref name="count"/> lines ending just before line number <paramref name="end"/> (clamped to what is held).</summary>
    public IReadOnlyList<string> Take(int count, long end)
    {
        lock (_gate)
        {
            (long start, end) = Window(count, end);
            var result = new string[end - start];
            for (long i = start; i < end; i++) result[i - start] = _lines[i % _lines.Length];
            return result;
        }
    }

    /// <summary>As <see cref="Take"/>, with the time each line was read.</summary>
    public IReadOnlyList<LogLine> TakeLines(int count, long end)
    {
        lock (_gate)
        {
            (long start, end) = Window(count, end);
            var result = new LogLine[end - start];
            for (long i = start; i < end; i++) result[i - start] = new LogLine(_lines[i % _lines.Length], _times[i % _lines.Length]);
            return result;
        }
    }

    private (long Start, long End) Window(int count, long end)
    {
        end = Math.Clamp(end, 0, _total);
        long start = Math.Max(FirstHeld, end - count);
        return (Math.Min(start, end), end);
    }

    /// <summary>The newest lines.</summary>
    public IReadOnlyList<string> Tail(int count) => Take(count, long.MaxValue);

    /// <summary>True once after new lines arrived since the last call: lets one UI timer redraw only what changed.</summary>
    public bool TakeDirty()
    {
        lock (_gate)
        {
            if (_taken == _total) return false;
            _taken = _total;
            return true;
        }
    }
}
