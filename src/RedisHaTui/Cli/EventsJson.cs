using System.Text.Json.Serialization;

namespace RedisHaTui.Cli;

// The lines `events --json` prints (README: "events --json prints one object per line"), told apart by "type".

/// <summary>One timeline entry: <c>{"type":"event",…}</c>.</summary>
public sealed record EventLine(
    long Id,
    DateTimeOffset At,
    string Source,
    string Kind,
    string Text,
    IReadOnlyList<string> SeenBy,
    double? SinceFailoverSeconds)
{
    [JsonPropertyOrder(-1)] // first on the line, as before: readers switch on it
    public string Type => "event";
}

/// <summary>One phase of a failover's stopwatch: <c>{"type":"failover-phase",…}</c>.</summary>
public sealed record FailoverPhaseLine(
    int Failover,
    string Cause,
    string? OldMaster,
    string? NewMaster,
    string Phase,
    double Seconds)
{
    [JsonPropertyOrder(-1)] // first on the line, as before: readers switch on it
    public string Type => "failover-phase";
}
