using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation.Handout;

/// <summary>The handout as one JSON document (shape: <see cref="HandoutDocument"/>), serialized by generated code.</summary>
public static class HandoutJson
{
    public static string Render(LabSnapshot s, DateTimeOffset now) => JsonSerializer.Serialize(Document(s, now), CliJson.Document.HandoutDocument);

    public static HandoutDocument Document(LabSnapshot s, DateTimeOffset now) => new()
    {
        WrittenAt = now,
        MasterName = s.MasterName,
        Timeline = [.. s.Timeline.Select(e => new HandoutEvent
        {
            Id = e.Id, At = e.At, Source = e.Source.ToString().ToLowerInvariant(), Kind = e.Name, Text = e.Text, SeenBy = [.. e.SeenBy],
            SinceFailoverSeconds = e.SinceFailover is { } t ? Math.Round(t.TotalSeconds, 3) : null, LoggedAt = e.LoggedAt,
        })],
        Failovers = [.. s.Failovers.Select(f => new HandoutFailover
        {
            Number = f.Number, StartedAt = f.StartedAt, Cause = f.Cause, OldMaster = f.OldMaster, NewMaster = f.NewMaster, Complete = f.Complete,
            Phases = [.. f.Phases.Select(p => new HandoutPhase(PhaseText.Name(p), Math.Round(p.After.TotalSeconds, 3)))],
        })],
        Loads = [.. s.Loads.Select(l => new HandoutLoad
        {
            Number = l.Number, StartedAt = l.StartedAt, EndedAt = l.EndedAt, Running = l.Running, Rate = l.Rate, Acked = l.Acked, Failed = l.Failed,
            Errors = l.Errors.GroupBy(c => c.Kind).ToDictionary(g => Camel(g.Key), g => g.Sum(c => c.Count)),
            OutageMs = l.Outage is { } o ? Math.Round(o.TotalMilliseconds) : null, OutageStart = l.OutageStart, OutageEnd = l.OutageEnd,
            OutageOpen = l.OutageOpen, OutageError = l.OutageError is { } k ? Camel(k) : null, Outage = Core.Load.OutageText.Sentence(l),
            Present = l.Present, Lost = l.Lost, LostSequences = [.. l.LostSequences], Indeterminate = l.Indeterminate, VerifiedOn = l.VerifiedOn,
            PerSecond = [.. l.PerSecond.Select(p => new HandoutSecond(p.At, p.Acked, p.Failed))],
            Client = l.Client,
            PinnedTo = l.PinnedTo,
        })],
    };

    /// <summary>An error kind as the JSON documents name it (the keys of "errors").</summary>
    internal static string Camel(WriteErrorKind k) => k switch
    {
        WriteErrorKind.Connection => "connection",
        WriteErrorKind.NoReplicas => "noReplicas",
        WriteErrorKind.ReadOnly => "readOnly",
        WriteErrorKind.Timeout => "timeout",
        _ => "other",
    };
}

/// <summary>`events --export FILE.json`: the session's timeline, failovers and write-load ledgers.</summary>
public sealed record HandoutDocument
{
    public required DateTimeOffset WrittenAt { get; init; }
    public required string MasterName { get; init; }
    public required IReadOnlyList<HandoutEvent> Timeline { get; init; }
    public required IReadOnlyList<HandoutFailover> Failovers { get; init; }
    public required IReadOnlyList<HandoutLoad> Loads { get; init; }
}

/// <summary>One timeline entry (the fields of `events --json`'s event lines).</summary>
public sealed record HandoutEvent
{
    public required long Id { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Source { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public required IReadOnlyList<string> SeenBy { get; init; }
    public double? SinceFailoverSeconds { get; init; }
    /// <summary>When its sentinel logged it, if read.</summary>
    public DateTimeOffset? LoggedAt { get; init; }
}

/// <summary>One failover's stopwatch.</summary>
public sealed record HandoutFailover
{
    public required int Number { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required string Cause { get; init; }
    public string? OldMaster { get; init; }
    public string? NewMaster { get; init; }
    public required bool Complete { get; init; }
    public required IReadOnlyList<HandoutPhase> Phases { get; init; }
}

/// <summary>A phase and its time from the failover's start.</summary>
public sealed record HandoutPhase(string Phase, double Seconds);

/// <summary>One write-load run's ledger (field names as `load --json`'s where they overlap).</summary>
public sealed record HandoutLoad
{
    public required int Number { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? EndedAt { get; init; }
    public required bool Running { get; init; }
    public required int Rate { get; init; }
    public required long Acked { get; init; }
    public required long Failed { get; init; }
    public required IReadOnlyDictionary<string, long> Errors { get; init; }
    public double? OutageMs { get; init; }
    public DateTimeOffset? OutageStart { get; init; }
    public DateTimeOffset? OutageEnd { get; init; }
    public required bool OutageOpen { get; init; }
    public string? OutageError { get; init; }
    public string? Outage { get; init; }
    public long? Present { get; init; }
    public long? Lost { get; init; }
    public required IReadOnlyList<long> LostSequences { get; init; }
    public long? Indeterminate { get; init; }
    public string? VerifiedOn { get; init; }
    public required IReadOnlyList<HandoutSecond> PerSecond { get; init; }
    /// <summary>The partitionable lab's client it wrote as (A, B), or "pinned"; null for the plain load.</summary>
    public string? Client { get; init; }
    /// <summary>The node a pinned client wrote to without asking the sentinels; null otherwise.</summary>
    public string? PinnedTo { get; init; }
}

/// <summary>One second of the chart.</summary>
public sealed record HandoutSecond(DateTimeOffset At, int Acked, int Failed);
