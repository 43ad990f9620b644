using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Win32.SafeHandles;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

/// <summary>
/// A recording opened for playing (docs/recording.md). Opening indexes every line by its time and kind from the
/// line's fixed start, keeping byte offsets, without parsing snapshots; <see cref="SnapshotAt"/> parses the nearest
/// keyframe at or before the time and applies the deltas after it. Damage never throws: a corrupt line is skipped,
/// a line cut short at the end is left out, and <see cref="Problem"/> says so.
/// </summary>
public sealed partial class RecordingReader : IRecording
{
    private const int ChunkSize = 1 << 20;

    private readonly string _path;
    private readonly List<Segment> _segments = [];
    private readonly List<Line> _states = [];
    private readonly Dictionary<string, List<Line>> _logs = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<RecordingMark> _marks = [];
    private readonly MomentList _moments;
    private readonly List<string> _problems = [];
    private RecordingHeader? _header;
    private long _startMs;
    private long _firstT = long.MaxValue, _lastT = long.MinValue;
    private int _corrupt;
    private string? _cutShort;
    private (int Index, JsonNode Node, LabSnapshot Snapshot)? _cache;

    private RecordingReader(string path)
    {
        _path = path;
        _moments = new MomentList(this);
    }

    /// <summary>Opens and indexes a recording (FILE.1 first when the recording rotated).</summary>
    /// <exception cref="RecordingException">Not found, not a recording, or written by a newer format version.</exception>
    public static RecordingReader Open(string path)
    {
        if (!File.Exists(path)) throw new RecordingException($"{path}: no such recording");
        var reader = new RecordingReader(path);
        try
        {
            foreach (string file in RecordingSegments.Of(path)) reader.AddSegment(file);
            if (reader._header is null) throw new RecordingException($"{path}: not a recording of redis-ha-tui (its first line is no header)");
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public RecordingHeader Header => _header!;

    public DateTimeOffset Start => At(_firstT == long.MaxValue ? 0 : _firstT);
    public DateTimeOffset End => At(_lastT == long.MinValue ? 0 : Math.Max(_lastT, _firstT));

    public IReadOnlyList<DateTimeOffset> Moments => _moments;
    public IReadOnlyList<RecordingMark> Marks => _marks;
    public bool Finished { get; private set; }

    public string? Problem
    {
        get
        {
            var all = new List<string>(_problems);
            if (_corrupt > 0) all.Add(_corrupt == 1 ? "1 damaged line skipped" : $"{_corrupt} damaged lines skipped");
            if (_cutShort is not null && !Finished) all.Add(_cutShort);
            return all.Count == 0 ? null : string.Join("; ", all);
        }
    }

    /// <summary>Lines written since the last read, in the current file or, after a rotation, in the new one.</summary>
    public bool Refresh()
    {
        Segment current = _segments[^1];
        bool added = Scan(current);
        // A rotation moved the file being read aside: only checked when it has nothing new, as after a rotation.
        if (!added && !Finished && SegmentNumberAt(_path) is { } n && n != current.Number)
        {
            if (n > current.Number + 1) _problems.Add("a part written while not read was dropped by rotation");
            AddSegment(_path);
            added = true;
        }
        return added;
    }

    private DateTimeOffset At(long t) => DateTimeOffset.FromUnixTimeMilliseconds(_startMs + t).ToOffset(_header?.StartedAt.Offset ?? TimeSpan.Zero);

    private long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds() - _startMs;

    private void AddSegment(string file)
    {
        SafeFileHandle handle;
        try { handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RecordingException($"{file}: cannot read it ({e.Message})");
        }
        var segment = new Segment(file, handle);
        _segments.Add(segment);
        Scan(segment);
    }

    /// <summary>Indexes the complete lines of a segment not read yet; true when any was added.</summary>
    private bool Scan(Segment segment)
    {
        bool added = false;
        byte[] buffer = new byte[ChunkSize];
        long length = RandomAccess.GetLength(segment.Handle);
        while (segment.Scanned < length)
        {
            int read = RandomAccess.Read(segment.Handle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length - segment.Scanned)), segment.Scanned);
            if (read <= 0) break;
            ReadOnlySpan<byte> chunk = buffer.AsSpan(0, read);
            int consumed = 0;
            while (true)
            {
                int newline = chunk[consumed..].IndexOf((byte)'\n');
                if (newline < 0) break;
                Index(segment, chunk.Slice(consumed, newline), segment.Scanned + consumed);
                consumed += newline + 1;
                added = true;
            }
            if (consumed == 0)
            {
                // One line longer than the buffer: read it whole.
                if (read < buffer.Length) break;
                buffer = new byte[buffer.Length * 2];
                continue;
            }
            segment.Scanned += consumed;
        }
        _cutShort = segment.Scanned < length && ReferenceEquals(segment, _segments[^1])
            ? $"cut short at {End:HH:mm:ss.fff}: the last line is incomplete"
            : null;
        return added;
    }

    private void Index(Segment segment, ReadOnlySpan<byte> line, long offset)
    {
        if (line.IsEmpty) return;
        if (RecordingLine.ReadPrefix(line) is not var (t, kind, process))
        {
            _corrupt++;
            return;
        }
        var entry = new Line(t, segment, offset, line.Length, kind == RecordingLine.Keyframe);
        switch (kind)
        {
            case RecordingLine.Header:
                ReadHeader(segment, line);
                return;
            case RecordingLine.Keyframe or RecordingLine.Delta:
                if (!segment.HasKeyframe && !entry.Keyframe) return;   // a delta with nothing to apply it to
                segment.HasKeyframe = true;
                _states.Add(entry);
                _moments.Add(t);
                break;
            case RecordingLine.Log:
                if (!_logs.TryGetValue(process!, out List<Line>? lines)) _logs[process!] = lines = [];
                if (lines.Count > 0 && lines[^1].T > t) _problems.Add($"log lines of {process} out of order at {At(t):HH:mm:ss.fff}");
                lines.Add(entry);
                _moments.Add(t);
                break;
            case RecordingLine.Mark:
                if (ReadMark(line) is { } mark) _marks.Add(mark);
                else _corrupt++;
                break;
            case RecordingLine.End:
                Finished = true;
                break;
            default:
                // A kind of line a later minor version added: skipped, as the format promises.
                break;
        }
        _firstT = Math.Min(_firstT, t);
        _lastT = Math.Max(_lastT, t);
    }

    private void ReadHeader(Segment segment, ReadOnlySpan<byte> line)
    {
        JsonObject node;
        try { node = JsonNode.Parse(line)!.AsObject(); }
        catch (JsonException) { throw new RecordingException($"{segment.File}: its header line is damaged"); }
        segment.Number = node["n"]?.GetValue<int>() ?? 0;
        if (_header is not null) return;
        JsonNode? h = node[RecordingLine.HeaderProperty];
        int version = h?["formatVersion"]?.GetValue<int>() ?? 0;
        if (version > RecordingFormat.Version)
            throw new RecordingException($"{_path} was recorded in format version {version}; this redis-ha-tui reads up to version {RecordingFormat.Version}: update redis-ha-tui to play it");
        if (version < 1) throw new RecordingException($"{_path}: its header names no format version");
        try { _header = h.Deserialize(RecordingJson.Header); }
        catch (JsonException e) { throw new RecordingException($"{_path}: its header cannot be read ({e.Message})"); }
        _startMs = _header!.StartedAt.ToUnixTimeMilliseconds();
    }

    private RecordingMark? ReadMark(ReadOnlySpan<byte> line)
    {
        try
        {
            JsonNode node = JsonNode.Parse(line)!;
            if (!Enum.TryParse(node[RecordingLine.MarkKindProperty]?.GetValue<string>(), out RecordingMarkKind kind)) kind = RecordingMarkKind.Note;
            return new RecordingMark(At(node["t"]!.GetValue<long>()), kind, node[RecordingLine.TextProperty]?.GetValue<string>() ?? "");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The segment number in the first line of a file, or null when it cannot be read now.</summary>
    private static int? SegmentNumberAt(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var text = new StreamReader(stream);
            string? first = text.ReadLine();
            return first is null ? null : JsonNode.Parse(first)?["n"]?.GetValue<int>() ?? 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        foreach (Segment s in _segments) s.Handle.Dispose();
    }

    private sealed class Segment(string file, SafeFileHandle handle)
    {
        public string File { get; } = file;
        public SafeFileHandle Handle { get; } = handle;
        public long Scanned { get; set; }
        public int Number { get; set; }
        public bool HasKeyframe { get; set; }
    }

    private readonly record struct Line(long T, Segment Segment, long Offset, int Length, bool Keyframe);
}
