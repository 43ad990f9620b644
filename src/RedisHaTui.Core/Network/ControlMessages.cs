using System.Text.Json.Serialization;

namespace RedisHaTui.Core.Network;

/// <summary>What another terminal asks the lab's owner: partition (with its spec), heal, or network (how it stands).</summary>
public sealed record ControlRequest(string Verb, string? Spec = null);

/// <summary>
/// The owner's answer, also what `partition --json` and `heal --json` print: whether it was done, the message
/// (or why not), and the network after it.
/// </summary>
/// <param name="Cut">The cut in force ("node1, sentinel1, A / node2, …"); null when the network is whole.</param>
/// <param name="Sides">The two sides of the cut; empty when whole.</param>
/// <param name="CutLinks">Each cut link between processes, "node1-node2".</param>
/// <param name="Open">Connections through the relay now.</param>
/// <param name="Stalled">Of those, held by the cut.</param>
public sealed record ControlReply(bool Ok, string Message, string? Cut, string[][] Sides, string[] CutLinks, int Open, int Stalled);

/// <summary>The control channel's JSON, generated at build time (the native build has no reflection).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlReply))]
public sealed partial class ControlJson : JsonSerializerContext;
