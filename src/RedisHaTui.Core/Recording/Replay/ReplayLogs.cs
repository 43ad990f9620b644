using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Recording.Replay;

/// <summary>
/// The log panes of a replay: one ring per process showing the recording's last lines at the playhead. Playing on
/// appends what came since; a seek anywhere else puts the lines of that moment in place of the old.
/// </summary>
internal sealed class ReplayLogs(IRecording recording, int lines)
{
    private readonly Dictionary<string, (LogRing Ring, IReadOnlyList<RecordedLogLine> Shown)> _logs = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public LogRing Ring(string process)
    {
        lock (_gate)
        {
            if (!_logs.TryGetValue(process, out var log)) _logs[process] = log = (new LogRing(lines), []);
            return log.Ring;
        }
    }

    /// <summary>Every ring as it was at <paramref name="at"/>.</summary>
    public void ShowAt(DateTimeOffset at)
    {
        lock (_gate)
            foreach (string process in _logs.Keys.ToArray())
            {
                (LogRing ring, IReadOnlyList<RecordedLogLine> shown) = _logs[process];
                IReadOnlyList<RecordedLogLine> now = recording.LogAt(process, at, lines);
                if (SameTail(shown, now)) continue;
                if (AppendedTo(shown, now) is { } from)
                    for (int i = from; i < now.Count; i++) ring.Append(now[i].Text, now[i].At);
                else ring.Replace([.. now.Select(l => new LogLine(l.Text, l.At))]);
                _logs[process] = (ring, now);
            }
    }

    private static bool SameTail(IReadOnlyList<RecordedLogLine> shown, IReadOnlyList<RecordedLogLine> now) =>
        shown.Count == now.Count && (now.Count == 0 || (shown[^1] == now[^1] && shown[0] == now[0]));

    /// <summary>Where the lines new since <paramref name="shown"/> start in <paramref name="now"/>, when it only went on; else null.</summary>
    private static int? AppendedTo(IReadOnlyList<RecordedLogLine> shown, IReadOnlyList<RecordedLogLine> now)
    {
        if (shown.Count == 0) return now.Count == 0 ? null : 0;
        RecordedLogLine last = shown[^1];
        // The last line shown, found again in the newer window, with the lines before it the same: playing went on.
        for (int i = now.Count - 1; i >= 0; i--)
        {
            if (now[i].At < last.At) return null;
            if (now[i] != last) continue;
            int overlap = Math.Min(Math.Min(i + 1, shown.Count), 16); // a few lines tell a continuation from a coincidence
            for (int k = 1; k < overlap; k++)
                if (now[i - k] != shown[^(k + 1)]) return null;
            return i + 1;
        }
        return null;
    }
}
