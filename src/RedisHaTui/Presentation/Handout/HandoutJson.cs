using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation.Handout;

/// <summary>The handout as one JSON document (shape: <see cref="HandoutDocument"/>), serialized by generated code.</summary>
public static class HandoutJson
{
    public static string Render(LabSnapshot s, DateTimeOffset now) => JsonSerializer.Serialize(Document(s, now), CliJson.Document.HandoutDocument);

    public static HandoutDocument Document(LabSnapshot s, DateTimeOffset now) => new(
        now, s.MasterName,
        [.. s.Timeline.Select(e => new HandoutEvent(e.Id, e.At, e.Source.ToString().ToLowerInvariant(), e.Name, e.Text, [.. e.SeenBy],
            e.SinceFailover is { } t ? Math.Round(t.TotalSeconds, 3) : null, e.LoggedAt))],
        [.. s.Failovers.Select(f => new HandoutFailover(f.Number, f.StartedAt, f.Cause, f.OldMaster, f.NewMaster, f.Complete,
            [.. f.Phases.Select(p => new HandoutPhase(PhaseText.Name(p), Math.Round(p.After.TotalSeconds, 3)))]))],
        [.. s.Loads.Select(l => new HandoutLoad(l.Number, l.StartedAt, l.EndedAt, l.Running, l.Rate, l.Acked, l.Failed,
            l.Errors.GroupBy(c => c.Kind).ToDictionary(g => Camel(g.Key), g => g.Sum(c => c.Count)),
            l.Outage is { } o ? Math.Round(o.TotalMilliseconds) : null, l.OutageStart, l.OutageEnd, l.OutageOpen,
            l.OutageError is { } k ? Camel(k) : null, Core.Load.OutageText.Sentence(l),
            l.Present, l.Lost, [.. l.LostSequences], l.Indeterminate, l.VerifiedOn,
            [.. l.PerSecond.Select(p => new HandoutSecond(p.At, p.Acked, p.Failed))]) { Client = l.Client })]);

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
public sealed record HandoutDocument(
    DateTimeOffset WrittenAt,
    string MasterName,
    IReadOnlyList<HandoutEvent> Timeline,
    IReadOnlyList<HandoutFailover> Failovers,
    IReadOnlyList<HandoutLoad> Loads);

/// <summary>One timeline entry (the fields of `events --json`'s event lines); LoggedAt: when its sentinel logged it, if read.</summary>
public sealed record HandoutEvent(long Id, DateTimeOffset At, string Source, string Kind, string Text, IReadOnlyList<string> SeenBy, double? SinceFailoverSeconds,
    DateTimeOffset? LoggedAt);

/// <summary>One failover's stopwatch.</summary>
public sealed record HandoutFailover(int Number, DateTimeOffset StartedAt, string Cause, string? OldMaster, string? NewMaster, bool Complete, IReadOnlyList<HandoutPhase> Phases);

/// <summary>A phase and its time from the failover's start.</summary>
public sealed record HandoutPhase(string Phase, double Seconds);

/// <summary>One write-load run's ledger (field names as `load --json`'s where they overlap).</summary>
public sealed record HandoutLoad(
    int Number, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, bool Running, int Rate, long Acked, long Failed,
    IReadOnlyDictionary<string, long> Errors, double? OutageMs, DateTimeOffset? OutageStart, DateTimeOffset? OutageEnd,
    bool OutageOpen, string? OutageError, string? Outage,
    long? Present, long? Lost, IReadOnlyList<long> LostSequences, long? Indeterminate, string? VerifiedOn,
    IReadOnlyList<HandoutSecond> PerSecond)
{
    /// <summary>The partitionable lab's client it wrote as (A, B); null for the plain load.</summary>
    public string? Client { get; init; }
}

/// <summary>One second of the chart.</summary>
public sealed record HandoutSecond(DateTimeOffset At, int Acked, int Failed);
