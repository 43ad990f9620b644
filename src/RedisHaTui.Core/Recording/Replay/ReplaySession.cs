using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording.Replay;

/// <summary>
/// A recorded session played back as one more <see cref="ILabSession"/>: the screen draws it as it draws a live lab.
/// The store holds the recording's snapshot at the playhead (its clock is the playhead), the log rings its lines
/// then, and every action is refused with "replay". A timer on the wall clock carries the playhead while playing,
/// and a command of the player (a key) shows its moment at once. No Redis, no lab, no process.
/// </summary>
public sealed class ReplaySession : ILabSession
{
    /// <summary>How often playing moves the screen on: 20 frames a second reads as smooth, and costs nothing paused.</summary>
    public static readonly TimeSpan FramePeriod = TimeSpan.FromMilliseconds(50);

    private readonly IRecording _recording;
    private readonly ReplayLogs _logs;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private DateTimeOffset? _shownAt;
    private LabSnapshot? _shown;
    private int _disposed;

    /// <param name="wall">The clock playing runs on (a FakeTimeProvider in tests).</param>
    public ReplaySession(IRecording recording, TimeProvider? wall = null)
    {
        _recording = recording;
        wall ??= TimeProvider.System;
        Player = new ReplayPlayer(recording, wall);
        Clock = new ReplayClock(Player, wall);
        Store = new LabStore(LabSnapshot.Initial(Lab), Clock, ReplayActions.Refuse);
        _logs = new ReplayLogs(recording, Lab.Monitor.LogLines);
        Player.Moved += ShowPosition;
        ShowPosition();
        _timer = wall.CreateTimer(_ => Frame(), null, FramePeriod, FramePeriod);
    }

    /// <summary>The lab the recording was made of (secrets redacted).</summary>
    public LabDefinition Lab => _recording.Header.Lab;

    public LabStore Store { get; }

    public ILabActions Actions { get; } = new ReplayActions();

    public bool OwnsProcesses => false;

    public ActionPolicy Policy => ReplayActions.Policy;

    public ReplayPlayer Player { get; }

    /// <summary>The session's clock: the playhead.</summary>
    public ReplayClock Clock { get; }

    public IRecording Recording => _recording;

    public LogRing Log(string processName)
    {
        LogRing ring = _logs.Ring(processName);
        lock (_gate) if (_shownAt is { } at) _logs.ShowAt(at); // a pane made after the first frame starts at the playhead too
        return ring;
    }

    /// <summary>What an empty pane says: what the live screen said then, for a lab it owned; else that nothing was recorded.</summary>
    public string LogSource(string processName) =>
        _recording.Header.Mode == "owned" ? "waiting for output…" : $"no log of {processName} recorded";

    /// <summary>
    /// Shows the moment at the playhead if it moved: its snapshot into the store (only when it differs from the one
    /// shown), its lines into the rings. Called by the timer while playing and by every command of the player.
    /// </summary>
    public void ShowPosition()
    {
        if (Volatile.Read(ref _disposed) == 1) return;
        lock (_gate)
        {
            // Live at the end of a recording still being written: read what was appended first.
            if (Player.Live && !_recording.Finished) _recording.Refresh();
            DateTimeOffset at = Player.Position;
            if (at == _shownAt) return;
            _shownAt = at;
            LabSnapshot recorded = _recording.SnapshotAt(at);
            if (!ReferenceEquals(recorded, _shown) && recorded != _shown)
            {
                _shown = recorded;
                Store.Update(_ => recorded);
            }
            _logs.ShowAt(at);
        }
    }

    private void Frame()
    {
        try { ShowPosition(); }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            // A recording that cannot be read further stays where it is; the reader's Problem says why.
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return ValueTask.CompletedTask;
        Player.Moved -= ShowPosition;
        _timer.Dispose();
        lock (_gate) _recording.Dispose();
        return ValueTask.CompletedTask;
    }
}
