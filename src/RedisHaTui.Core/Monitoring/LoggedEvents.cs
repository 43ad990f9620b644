using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Monitoring;

/// <summary>
/// Reads the event lines the sentinels write in their own logs (the log rings the panes show) and notes on each
/// timeline entry when its sentinel logged it, so an event that arrived late over pub/sub is shown as late. A log
/// line may be read before or after its event arrives: one not matched yet is tried again at the next read, until
/// it is older than the timeline's fold window. Called from the monitor's loop: no timer of its own.
/// </summary>
internal sealed class LoggedEvents(Func<string, LogRing?> logs)
{
    private readonly Dictionary<string, long> _read = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Sentinel, SentinelLogLine Line)> _unmatched = [];

    /// <summary>Lines already in a ring when it is first read are only the recent past worth matching.</summary>
    private const int FirstLines = 200;

    public void Note(LabStore store, LabDefinition lab)
    {
        foreach (SentinelDefinition sentinel in lab.Sentinels)
        {
            if (logs(sentinel.Name) is not { } ring) continue;
            long total = ring.Total;
            long from = _read.TryGetValue(sentinel.Name, out long read) ? read : total - FirstLines;
            if (total <= from) continue;
            foreach (string line in ring.Take((int)Math.Min(total - from, ring.Capacity), total))
                if (SentinelLogLine.Parse(line) is { } logged) _unmatched.Add((sentinel.Name, logged));
            _read[sentinel.Name] = total;
        }
        DateTimeOffset now = store.Time.GetUtcNow();
        _unmatched.RemoveAll(u => now - u.Line.At > Timeline.FoldWindow);
        if (_unmatched.Count == 0) return;
        var matched = new HashSet<int>();
        store.Update(s =>
        {
            matched.Clear();
            for (int i = 0; i < _unmatched.Count; i++)
            {
                LabSnapshot noted = Timeline.NoteLogged(s, _unmatched[i].Sentinel, _unmatched[i].Line);
                if (!ReferenceEquals(noted, s)) matched.Add(i);
                s = noted;
            }
            return s;
        });
        for (int i = _unmatched.Count - 1; i >= 0; i--) if (matched.Contains(i)) _unmatched.RemoveAt(i);
    }
}
