namespace RedisHaTui.Core.Processes;

/// <summary>
/// The last N lines of one process's output. Producers append from any thread; readers copy only the lines
/// they show, so drawing costs O(screen) however fast lines arrive. Lines are numbered from the first ever
/// appended (<see cref="Total"/>), so a reader scrolled back keeps its place while new lines arrive.
/// </summary>
public sealed class LogRing(int capacity)
{
    private readonly string[] _lines = new string[Math.Max(1, capacity)];
    private readonly Lock _gate = new();
    private long _total;
    private long _taken;

    public int Capacity => _lines.Length;

    /// <summary>Lines ever appended; the newest line has number Total - 1.</summary>
    public long Total { get { lock (_gate) return _total; } }

    /// <summary>The number of the oldest line still held.</summary>
    public long First { get { lock (_gate) return Math.Max(0, _total - _lines.Length); } }

    public void Append(string line)
    {
        lock (_gate)
        {
            _lines[_total % _lines.Length] = line;
            _total++;
        }
    }

    /// <summary>Up to <paramref name="count"/> lines ending just before line number <paramref name="end"/> (clamped to what is held).</summary>
    public IReadOnlyList<string> Take(int count, long end)
    {
        lock (_gate)
        {
            end = Math.Clamp(end, 0, _total);
            long start = Math.Max(Math.Max(0, _total - _lines.Length), end - count);
            var result = new string[end - start];
            for (long i = start; i < end; i++) result[i - start] = _lines[i % _lines.Length];
            return result;
        }
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
