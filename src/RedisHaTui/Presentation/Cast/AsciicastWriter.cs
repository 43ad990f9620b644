using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RedisHaTui.Presentation.Cast;

/// <summary>What an asciicast says about itself: the terminal size it was drawn at and when it began.</summary>
public sealed record AsciicastHeader(int Width, int Height, DateTimeOffset Timestamp, string? Title = null);

/// <summary>What the terminal printed at a moment, as seconds since the cast began.</summary>
public sealed record CastFrame(TimeSpan At, string Output);

/// <summary>
/// Writes an asciicast v2 file (docs.asciinema.org/manual/asciicast/v2): a header object on the first line, then one
/// <c>[seconds, "o", text]</c> event per line. Every line is one JSON value; times never go backwards (a frame
/// stamped earlier than the one before is shown at the same instant), so any asciinema player can seek it.
/// </summary>
public static class AsciicastWriter
{
    // Box drawing and accents stay readable in the file; control characters (ESC included) are escaped as JSON requires.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the whole cast; returns how many events were written.</summary>
    public static int Write(TextWriter output, AsciicastHeader header, IEnumerable<CastFrame> frames)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(header.Width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(header.Height, 1);
        output.Write(Json(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("version", 2);
            w.WriteNumber("width", header.Width);
            w.WriteNumber("height", header.Height);
            w.WriteNumber("timestamp", header.Timestamp.ToUnixTimeSeconds());
            if (header.Title is { } title) w.WriteString("title", title);
            w.WriteStartObject("env");
            w.WriteString("TERM", "xterm-256color");
            w.WriteEndObject();
            w.WriteEndObject();
        }));
        output.Write('\n');
        int count = 0;
        var last = TimeSpan.Zero;
        foreach (CastFrame frame in frames)
        {
            if (frame.Output.Length == 0) continue;
            last = frame.At > last ? frame.At : last;
            TimeSpan at = last;
            output.Write(Json(w =>
            {
                w.WriteStartArray();
                // Microseconds, written as the plain decimal the format shows (no exponent).
                w.WriteRawValue(Math.Round(at.TotalSeconds, 6).ToString("0.0#####", CultureInfo.InvariantCulture));
                w.WriteStringValue("o");
                w.WriteStringValue(frame.Output);
                w.WriteEndArray();
            }));
            output.Write('\n');
            count++;
        }
        return count;
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options)) write(w);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
