using System.Text.Json;

namespace RedisHaTui.Core.Recording;

/// <summary>
/// The kinds of line in a recording and the fixed start every line has: <c>{"t":MS,"k":"KIND"</c> (then, for a
/// log line, <c>"p":"PROCESS"</c>), so the reader indexes a file without parsing what follows. MS is milliseconds
/// since the header's start.
/// </summary>
public static class RecordingLine
{
    public const string Header = "h", Keyframe = "K", Delta = "d", Log = "l", Mark = "m", End = "e";

    /// <summary>The property holding a line's payload: the header, the snapshot, the operations, a log line's text, a mark's text.</summary>
    public const string HeaderProperty = "h", SnapshotProperty = "s", OpsProperty = "o", ProcessProperty = "p", TextProperty = "x", MarkKindProperty = "m";

    /// <summary>What the start of one line says: its time, its kind and, for a log line, its process; null when the line does not start so.</summary>
    public static (long T, string Kind, string? Process)? ReadPrefix(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { AllowTrailingCommas = false });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            if (!reader.Read() || !reader.ValueTextEquals("t"u8) || !reader.Read() || !reader.TryGetInt64(out long t)) return null;
            if (!reader.Read() || !reader.ValueTextEquals("k"u8) || !reader.Read() || reader.TokenType != JsonTokenType.String) return null;
            string kind = reader.GetString()!;
            string? process = null;
            if (kind == Log)
            {
                if (!reader.Read() || !reader.ValueTextEquals("p"u8) || !reader.Read() || reader.TokenType != JsonTokenType.String) return null;
                process = reader.GetString();
            }
            // A line cut and glued to the next (a crash mid-write) starts well but does not end as an object does.
            if (line.Length == 0 || line[^1] != (byte)'}') return null;
            return (t, kind, process);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
