using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

// The contract between the flight recorder's reader and everything that plays a recording (replay, follow,
// export, cast): a recording opened and indexed, asked for the lab "as it was at time t". The format itself
// (newline-delimited JSON, versioned) is documented in docs/recording.md; only the reader knows it.

/// <summary>What a recording says about itself: written once, in its first line.</summary>
public sealed record RecordingHeader
{
    /// <summary>The format version the file was written in (<see cref="RecordingFormat.Version"/> when this app wrote it).</summary>
    public required int FormatVersion { get; init; }
    /// <summary>The app version that wrote it ("1.4.0+abc123").</summary>
    public required string AppVersion { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>The lab or deployment recorded, secrets redacted; what a replay shows its panes for.</summary>
    public required LabDefinition Lab { get; init; }
    /// <summary>How the session watched it: "owned", "attached", "deployment".</summary>
    public required string Mode { get; init; }
    /// <summary>The walkthrough the presenter had loaded, as Markdown, so a replay shows the same panel (its progress travels in the snapshot); null when none.</summary>
    public string? WalkthroughMarkdown { get; init; }
}

/// <summary>What a mark in a recording is, for the scrub bar's jumps ([ and ]).</summary>
public enum RecordingMarkKind { Failover, Fault, Action, WalkthroughStep, Partition, Note }

/// <summary>A moment worth jumping to: a failover's start, a fault, an action, a walkthrough step reached.</summary>
public sealed record RecordingMark(DateTimeOffset At, RecordingMarkKind Kind, string Text);

/// <summary>One line of a process's output, with the time the app read it.</summary>
public sealed record RecordedLogLine(DateTimeOffset At, string Text);

/// <summary>
/// A recording opened for playing. Reading never throws for a damaged file: what could be read is there and
/// <see cref="Problem"/> says what could not ("cut short at 12:03:04.120: the last line is incomplete").
/// A recording being written (follow) grows: <see cref="Refresh"/> reads what was appended since.
/// </summary>
public interface IRecording : IDisposable
{
    RecordingHeader Header { get; }

    /// <summary>The first and the last moment recorded (the last grows while following).</summary>
    DateTimeOffset Start { get; }
    DateTimeOffset End { get; }

    /// <summary>Every recorded moment at which the screen changes (snapshot change or log line), in order: ← and → step through them.</summary>
    IReadOnlyList<DateTimeOffset> Moments { get; }

    /// <summary>Failovers, faults, actions and walkthrough steps, in order.</summary>
    IReadOnlyList<RecordingMark> Marks { get; }

    /// <summary>The lab exactly as the screen saw it at <paramref name="at"/> (the last snapshot recorded at or before it).</summary>
    LabSnapshot SnapshotAt(DateTimeOffset at);

    /// <summary>The last <paramref name="count"/> lines a process had printed at <paramref name="at"/>, oldest first.</summary>
    IReadOnlyList<RecordedLogLine> LogAt(string process, DateTimeOffset at, int count);

    /// <summary>Why part of the file could not be read (cut short, a corrupt line), or null when all of it was.</summary>
    string? Problem { get; }

    /// <summary>Reads lines appended since the last read (a recording still being written); true when anything was added.</summary>
    bool Refresh();

    /// <summary>True when the writer closed the recording (its last line says so); false while it is still written or was cut short.</summary>
    bool Finished { get; }
}

