using System.Text;
using System.Text.Json;

namespace RedisHaTui.Core.Sharing;

/// <summary>
/// The one thing the share server reads from a recording line: whether it is a keyframe (top-level "k": "K",
/// docs/recording.md), a full state a new follower can start from instead of the file's beginning. It knows nothing
/// else of the format.
/// </summary>
public static class RecordingLineKind
{
    public const string Keyframe = "K";

    /// <summary>True for a keyframe line. Cheap for the others: a line without the text "K" is not parsed at all.</summary>
    public static bool IsKeyframe(string line)
    {
        if (!line.Contains("\"K\"", StringComparison.Ordinal)) return false;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;
            bool keyframe = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isKind = reader.ValueTextEquals("k"u8);
                if (!reader.Read()) return false;
                if (isKind && !(keyframe = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("K"u8))) return false;
                reader.Skip();
            }
            // Only a whole object is a keyframe to start from (keyframes are rare: reading one to its end is cheap).
            return keyframe && reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0;
        }
        catch (JsonException)
        {
            return false; // a damaged line is the reader's to report, not a keyframe
        }
    }
}
