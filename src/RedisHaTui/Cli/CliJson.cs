using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace RedisHaTui.Cli;

/// <summary>
/// Every JSON document the CLI prints, serialized by generated code (no reflection): the shapes are the records
/// in StatusJson.cs and EventsJson.cs, and the README documents them field by field.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(EventLine))]
[JsonSerializable(typeof(FailoverPhaseLine))]
[JsonSerializable(typeof(DriftDocument))]
[JsonSerializable(typeof(Presentation.Handout.HandoutDocument))]
[JsonSerializable(typeof(LoadDocument))]
[JsonSerializable(typeof(RedisHaTui.Core.Network.ControlReply))]
public sealed partial class CliJson : JsonSerializerContext
{
    /// <summary>Indented, for `status --json`: one document a person may read too.</summary>
    public static CliJson Document { get; } = new(OptionsFor(indented: true));

    /// <summary>One object per line, for `events --json`: a line is a record for `jq` or a log shipper.</summary>
    public static CliJson Line { get; } = new(OptionsFor(indented: false));

    // Relaxed escaping: the output is read by scripts, not embedded in HTML, so "→", quotes in Sentinel's
    // texts and non-ASCII names print as themselves instead of \uXXXX.
    private static JsonSerializerOptions OptionsFor(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
