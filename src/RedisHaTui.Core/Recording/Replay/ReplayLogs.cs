using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Recording.Replay;

/// <summary>
/// The log panes of a replay: one ring per process showing the recording's last lines at the playhead. Playing on
/// appends what came since (a frame reads only the newest few lines); a seek anywhere else puts the lines of that
/// moment in place of the old, as many as a pane scrolls back through in a replay.
/// </summary>
internal sealed class ReplayLogs(IRecording recording, int capacity)
{
    /// <summary>The lines a frame reads to find where it left off: more new lines than this since the last frame is a jump.</summary>
    private const int Step = 64;

    /// <summary>
    /// The lines a jump reads: each is a line of the file to parse, so a jump reads a few screens' worth rather than the
    /// live ring's thousands (measured: 5,000 per pane made a seek in an hour-long recording cost ~85 ms).
    /// </summary>
    public const int JumpLines = 500;

    /// <summary>Lines compared to tell a continuation from a coincidence.</summary>
    private const int Overlap = 16;

    private readonly Dictionary<string, (LogRing Ring, IReadOnlyList<RecordedLogLine> Tail)> _logs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public LogRing Ring(string process)
    {
        lock (_gate)
        {
            if (!_logs.TryGetValue(process, out var log)) _logs[process] = log = (new LogRing(Math.Min(capacity, JumpLines)), []);
            return log.Ring;
        }
    }

    /// <summary>Every ring as it was at <paramref name="at"/>.</summary>
    public void ShowAt(DateTimeOffset at)
    {
        lock (_gate)
            foreach (string process in _logs.Keys.ToArray())
            {
                (LogRing ring, IReadOnlyList<RecordedLogLine> tail) = _logs[process];
                IReadOnlyList<RecordedLogLine> recent = recording.LogAt(process, at, Step);
                if (recent.Count == 0 ? tail.Count == 0 : tail.Count > 0 && tail[^1] == recent[^1]) continue;
                if (AppendedTo(tail, recent) is { } from)
                    for (int i = from; i < recent.Count; i++) ring.Append(recent[i].Text, recent[i].At);
                else
                {
                    IReadOnlyList<RecordedLogLine> window = recent.Count < Step ? recent : recording.LogAt(process, at, ring.Capacity);
                    ring.Replace([.. window.Select(l => new LogLine(l.Text, l.At))]);
                }
                _logs[process] = (ring, [.. recent.TakeLast(Overlap)]);
            }
    }

    /// <summary>Where the lines new since <paramref name="tail"/> start in <paramref name="recent"/>, when playing only went on; else null.</summary>
    private static int? AppendedTo(IReadOnlyList<RecordedLogLine> tail, IReadOnlyList<RecordedLogLine> recent)
    {
        if (tail.Count == 0) return null;
        RecordedLogLine last = tail[^1];
        for (int i = recent.Count - 1; i >= 0; i--)
        {
            if (recent[i].At < last.At) return null;
            if (recent[i] != last) continue;
            for (int k = 1; k < Math.Min(i + 1, tail.Count); k++)
                if (recent[i - k] != tail[^(k + 1)]) return null;
            return i + 1;
        }
        return null;
    }
}
