using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

// What a recording holds is the snapshot's own types, serialized by generated code (the app is published with
// NativeAOT: no reflection). Two rules keep the format a faithful copy of the records without annotating them:
// only what can be read back is written (computed properties such as Port or LastLoad are left out), and every
// ValueArray<T> the snapshot uses has its converter listed here: a new one missing fails the round-trip test.

/// <summary>The generated serializers for the recording's payloads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    Converters =
    [
        typeof(SecretJsonConverter), typeof(IPAddressJsonConverter),
        typeof(ValueArrayJsonConverter<string>), typeof(ValueArrayJsonConverter<long>),
        typeof(ValueArrayJsonConverter<NodeSnapshot>), typeof(ValueArrayJsonConverter<SentinelSnapshot>),
        typeof(ValueArrayJsonConverter<ReplicaLink>), typeof(ValueArrayJsonConverter<WatchedKey>),
        typeof(ValueArrayJsonConverter<TimelineEntry>), typeof(ValueArrayJsonConverter<FailoverRecord>),
        typeof(ValueArrayJsonConverter<FailoverPhase>), typeof(ValueArrayJsonConverter<LoadLedger>),
        typeof(ValueArrayJsonConverter<CommandState>), typeof(ValueArrayJsonConverter<WriteErrorCount>),
        typeof(ValueArrayJsonConverter<WriteSecond>), typeof(ValueArrayJsonConverter<PromotionCandidate>),
        typeof(ValueArrayJsonConverter<Walkthrough.StepState>),
    ])]
[JsonSerializable(typeof(LabSnapshot))]
[JsonSerializable(typeof(RecordingHeader))]
[JsonSerializable(typeof(NodeDefinition))]
[JsonSerializable(typeof(SentinelDefinition))]
internal sealed partial class RecordingJsonContext : JsonSerializerContext;

/// <summary>The options every recording line is written and read with.</summary>
public static class RecordingJson
{
    // A copy of the context's own options, so its converters come along.
    public static readonly JsonSerializerOptions Options = new(RecordingJsonContext.Default.Options)
    {
        TypeInfoResolver = RecordingJsonContext.Default.WithAddedModifier(WriteOnlyWhatReadsBack),
    };

    public static JsonTypeInfo<LabSnapshot> Snapshot => (JsonTypeInfo<LabSnapshot>)Options.GetTypeInfo(typeof(LabSnapshot));
    public static JsonTypeInfo<RecordingHeader> Header => (JsonTypeInfo<RecordingHeader>)Options.GetTypeInfo(typeof(RecordingHeader));

    /// <summary>
    /// Drops computed properties (no setter, no constructor parameter): they would bloat every keyframe and some
    /// throw on a partial lab (InitialMaster). A process in the network is written with its kind, since
    /// <see cref="ProcessDefinition"/> is abstract.
    /// </summary>
    private static void WriteOnlyWhatReadsBack(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            JsonPropertyInfo p = info.Properties[i];
            if (p.Set is null && p.AssociatedParameter is null) info.Properties.RemoveAt(i);
        }
        if (info.Type == typeof(ProcessDefinition))
        {
            info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "$type" };
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(typeof(NodeDefinition), "node"));
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(typeof(SentinelDefinition), "sentinel"));
        }
    }
}

/// <summary>A password is written as the redaction every printed form uses ("***"), never its value.</summary>
public sealed class SecretJsonConverter : JsonConverter<Secret>
{
    public override Secret Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, Secret value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>An IP address as its text ("127.1.2.10").</summary>
public sealed class IPAddressJsonConverter : JsonConverter<IPAddress>
{
    public override IPAddress Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IPAddress.TryParse(reader.GetString(), out IPAddress? ip) ? ip : throw new JsonException($"not an IP address: {reader.GetString()}");

    public override void Write(Utf8JsonWriter writer, IPAddress value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}

/// <summary>A <see cref="ValueArray{T}"/> as a JSON array (the serializer cannot build one by itself).</summary>
public sealed class ValueArrayJsonConverter<T> : JsonConverter<ValueArray<T>>
{
    public override ValueArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null) return default;
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException($"expected an array of {typeof(T).Name}");
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = System.Collections.Immutable.ImmutableArray.CreateBuilder<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            items.Add(JsonSerializer.Deserialize(ref reader, item)!);
        return new ValueArray<T>(items.DrainToImmutable());
    }

    public override void Write(Utf8JsonWriter writer, ValueArray<T> value, JsonSerializerOptions options)
    {
        var item = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (T x in value) JsonSerializer.Serialize(writer, x, item);
        writer.WriteEndArray();
    }
}
