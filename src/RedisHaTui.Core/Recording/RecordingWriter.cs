using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

/// <summary>
/// Writes one recording's lines to a stream (docs/recording.md): the header, then keyframes and deltas of the
/// snapshots, log lines, marks, and an end line on a clean close. Not thread-safe: the flight recorder's one
/// writer thread owns it. Snapshots that differ from the last one written only in their poll times are skipped.
/// </summary>
public sealed class RecordingWriter : IDisposable
{
    private static readonly JsonWriterOptions LineOptions = new()
    {
        // Names and messages stay readable (→, é); JSON escapes every control character, so a line never breaks.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private readonly RecordingHeader _header;
    private readonly KeyframePolicy _policy;
    private readonly long _startMs;
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly Utf8JsonWriter _json;
    private Stream _stream;
    private LabSnapshot? _last;
    private LabSnapshot? _lastCompared;
    private JsonNode? _lastNode;
    private long _keyframeBytes;
    private long _deltaBytesSince;
    private DateTimeOffset _keyframeAt;

    public RecordingWriter(Stream stream, RecordingHeader header, KeyframePolicy? policy = null)
    {
        _stream = stream;
        _header = header;
        _policy = policy ?? KeyframePolicy.Default;
        _startMs = header.StartedAt.ToUnixTimeMilliseconds();
        _json = new Utf8JsonWriter(_buffer, LineOptions);
        WriteHeader();
    }

    /// <summary>Bytes written into the current stream (the current segment).</summary>
    public long SegmentBytes { get; private set; }

    /// <summary>The number of the current segment, written in its header line ("n"): a follower sees a rotation by it.</summary>
    public int Segment { get; private set; }

    public long Keyframes { get; private set; }
    public long Deltas { get; private set; }

    /// <summary>The last snapshot written, if any: a new segment starts with it as its keyframe.</summary>
    public LabSnapshot? Last => _last;

    /// <summary>Writes the snapshot as a keyframe or a delta; false when nothing but poll times changed.</summary>
    public bool Snapshot(LabSnapshot snapshot)
    {
        LabSnapshot compared = snapshot.WithoutPollTimes() with { Version = 0, At = default };
        if (_lastCompared is not null && compared == _lastCompared) return false;
        JsonNode node = JsonSerializer.SerializeToNode(snapshot, RecordingJson.Snapshot)!;
        foreach (RecordingMark mark in RecordingMarks.Between(_last, snapshot)) Mark(mark);
        if (_lastNode is null) WriteKeyframe(snapshot.At, node);
        else
        {
            JsonArray ops = JsonDiff.Diff(_lastNode, node);
            Begin(snapshot.At, RecordingLine.Delta);
            _json.WritePropertyName(RecordingLine.OpsProperty);
            ops.WriteTo(_json);
            _json.Flush();
            long size = _buffer.WrittenCount + 2;
            if (_policy.KeyframeDue(_deltaBytesSince, size, _keyframeBytes, snapshot.At - _keyframeAt))
            {
                Discard();
                WriteKeyframe(snapshot.At, node);
            }
            else
            {
                _deltaBytesSince += Finish();
                Deltas++;
            }
        }
        (_last, _lastCompared, _lastNode) = (snapshot, compared, node);
        return true;
    }

    public void Log(string process, DateTimeOffset at, string text)
    {
        Begin(at, RecordingLine.Log);
        _json.WriteString(RecordingLine.ProcessProperty, process);
        _json.WriteString(RecordingLine.TextProperty, text);
        Finish();
    }

    public void Mark(RecordingMark mark)
    {
        Begin(mark.At, RecordingLine.Mark);
        _json.WriteString(RecordingLine.MarkKindProperty, mark.Kind.ToString());
        _json.WriteString(RecordingLine.TextProperty, mark.Text);
        Finish();
    }

    /// <summary>The last line of a recording closed cleanly: a reader knows it is not still being written or cut short.</summary>
    public void End(DateTimeOffset at)
    {
        Begin(at, RecordingLine.End);
        Finish();
        Flush();
    }

    public void Flush() => _stream.Flush();

    /// <summary>Continues in a new stream (the file rotated): the header again, and the last snapshot as a keyframe.</summary>
    public void StartSegment(Stream stream, bool dispose = false)
    {
        if (dispose) _stream.Dispose();
        _stream = stream;
        SegmentBytes = 0;
        Segment++;
        WriteHeader();
        if (_last is not null && _lastNode is not null) WriteKeyframe(_last.At, _lastNode);
    }

    private void WriteHeader()
    {
        Begin(_header.StartedAt, RecordingLine.Header);
        _json.WriteNumber("n", Segment);
        _json.WritePropertyName(RecordingLine.HeaderProperty);
        JsonSerializer.Serialize(_json, _header, RecordingJson.Header);
        Finish();
    }

    private void WriteKeyframe(DateTimeOffset at, JsonNode node)
    {
        Begin(at, RecordingLine.Keyframe);
        _json.WritePropertyName(RecordingLine.SnapshotProperty);
        node.WriteTo(_json);
        _keyframeBytes = Finish();
        _deltaBytesSince = 0;
        _keyframeAt = at;
        Keyframes++;
    }

    private void Begin(DateTimeOffset at, string kind)
    {
        _json.Reset(_buffer);
        _buffer.ResetWrittenCount();
        _json.WriteStartObject();
        // Nothing is recorded before the recording began: a store's first snapshot has no time yet (default), and the
        // lines printed before the recorder started were there at its start.
        _json.WriteNumber("t", Math.Max(0, at.ToUnixTimeMilliseconds() - _startMs));
        _json.WriteString("k", kind);
    }

    private void Discard()
    {
        _json.Flush();
        _buffer.ResetWrittenCount();
    }

    /// <summary>Ends the line and writes it; returns its size in bytes.</summary>
    private long Finish()
    {
        _json.WriteEndObject();
        _json.Flush();
        _buffer.GetSpan(1)[0] = (byte)'\n';
        _buffer.Advance(1);
        _stream.Write(_buffer.WrittenSpan);
        SegmentBytes += _buffer.WrittenCount;
        return _buffer.WrittenCount;
    }

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
