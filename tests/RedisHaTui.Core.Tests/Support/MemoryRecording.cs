using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// A recording held in memory, for tests of what plays one (replay, the player, the screen over it): the snapshots
/// and log lines a file would hold, answered as <see cref="IRecording"/> promises. A test double for the file, not a
/// mock of Redis: the snapshots are the lab's own types, built as the monitor builds them.
/// </summary>
public sealed class MemoryRecording : IRecording
{
    private readonly List<(DateTimeOffset At, LabSnapshot Snapshot)> _snapshots = [];
    private readonly Dictionary<string, List<RecordedLogLine>> _logs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecordingMark> _marks = [];
    private readonly List<(DateTimeOffset At, Action Add)> _pending = []; // appended later, as a file being written grows

    public MemoryRecording(LabDefinition lab, DateTimeOffset start, LabSnapshot first, string? walkthroughMarkdown = null)
    {
        Header = new RecordingHeader
        {
            FormatVersion = RecordingFormat.Version, AppVersion = "test", StartedAt = start, Lab = lab, Mode = "owned",
            WalkthroughMarkdown = walkthroughMarkdown,
        };
        _snapshots.Add((start, first));
        End = start;
    }

    public RecordingHeader Header { get; }

    public DateTimeOffset Start => Header.StartedAt;

    public DateTimeOffset End { get; private set; }

    public IReadOnlyList<DateTimeOffset> Moments =>
        [.. _snapshots.Select(s => s.At).Concat(_logs.Values.SelectMany(l => l.Select(x => x.At))).Distinct().Order()];

    public IReadOnlyList<RecordingMark> Marks => _marks;

    public string? Problem { get; set; }

    public bool Finished { get; set; } = true;

    public bool Disposed { get; private set; }

    /// <summary>The lab as it was from <paramref name="at"/> on.</summary>
    public MemoryRecording Add(DateTimeOffset at, LabSnapshot snapshot)
    {
        _snapshots.Add((at, snapshot));
        _snapshots.Sort((a, b) => a.At.CompareTo(b.At));
        Grow(at);
        return this;
    }

    public MemoryRecording Log(string process, DateTimeOffset at, string text)
    {
        if (!_logs.TryGetValue(process, out List<RecordedLogLine>? lines)) _logs[process] = lines = [];
        lines.Add(new RecordedLogLine(at, text));
        Grow(at);
        return this;
    }

    public MemoryRecording Mark(DateTimeOffset at, RecordingMarkKind kind, string text)
    {
        _marks.Add(new RecordingMark(at, kind, text));
        _marks.Sort((a, b) => a.At.CompareTo(b.At));
        return this;
    }

    /// <summary>A snapshot the writer has written but this reader has not read yet: <see cref="Refresh"/> reads it.</summary>
    public MemoryRecording Later(DateTimeOffset at, LabSnapshot snapshot)
    {
        _pending.Add((at, () => Add(at, snapshot)));
        return this;
    }

    public LabSnapshot SnapshotAt(DateTimeOffset at)
    {
        LabSnapshot found = _snapshots[0].Snapshot;
        foreach ((DateTimeOffset when, LabSnapshot s) in _snapshots)
        {
            if (when > at) break;
            found = s;
        }
        return found;
    }

    public IReadOnlyList<RecordedLogLine> LogAt(string process, DateTimeOffset at, int count) =>
        _logs.TryGetValue(process, out List<RecordedLogLine>? lines) ? [.. lines.Where(l => l.At <= at).TakeLast(count)] : [];

    public bool Refresh()
    {
        if (_pending.Count == 0) return false;
        foreach ((_, Action add) in _pending.ToArray()) add();
        _pending.Clear();
        return true;
    }

    private void Grow(DateTimeOffset at)
    {
        if (at > End) End = at;
    }

    public void Dispose() => Disposed = true;
}
