namespace RedisHaTui.Core.Recording.Replay;

/// <summary>
/// Where a replay is in its recording and how it moves: play and pause, 1×/2×/10×, seek, one moment at a time, ten
/// seconds, mark to mark, and back to the end. The position while playing is computed from the wall clock when asked
/// (<see cref="Position"/>), so nothing here runs on its own: a test drives it by advancing a FakeTimeProvider.
/// At the end of a recording still being written (follow) the player is live: it stays at the end as it grows.
/// Safe to use from the UI thread and the session's timer at once.
/// </summary>
public sealed class ReplayPlayer
{
    /// <summary>The speeds, slowest first: &lt; and &gt; step through them.</summary>
    public static readonly IReadOnlyList<int> Speeds = [1, 2, 10];

    /// <summary>Shift+← and Shift+→.</summary>
    public static readonly TimeSpan Skip = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _wall;
    private readonly Lock _gate = new();
    private DateTimeOffset _anchor; // the position when playing last started, or where it stands while paused
    private long _anchorWall;       // the wall clock's timestamp at that moment
    private bool _playing;
    private bool _live;
    private int _speed = 1;

    /// <param name="wall">The clock playing runs on: the system's in the app, a FakeTimeProvider in tests.</param>
    public ReplayPlayer(IRecording recording, TimeProvider? wall = null)
    {
        Recording = recording;
        _wall = wall ?? TimeProvider.System;
        _anchor = recording.Start;
        _anchorWall = _wall.GetTimestamp();
    }

    public IRecording Recording { get; }

    /// <summary>The clock playing runs on, for what the viewer's own time measures (how long a message stays).</summary>
    public TimeProvider Wall => _wall;

    /// <summary>Raised after a command moved the position or changed how it moves (not as time passes while playing).</summary>
    public event Action? Moved;

    public DateTimeOffset Start => Recording.Start;

    public DateTimeOffset End => Recording.End;

    /// <summary>The moment shown: while playing, where the wall clock has carried it (never past the end).</summary>
    public DateTimeOffset Position
    {
        get
        {
            lock (_gate) return PositionNow();
        }
    }

    public bool Playing
    {
        get
        {
            lock (_gate)
            {
                PositionNow(); // played to the end since: stopped there, or live
                return _playing || _live;
            }
        }
    }

    /// <summary>At the end and staying there as the recording grows (follow); End returns here.</summary>
    public bool Live
    {
        get
        {
            lock (_gate)
            {
                PositionNow();
                return _live;
            }
        }
    }

    public int Speed
    {
        get { lock (_gate) return _speed; }
    }

    /// <summary>Space: plays from here (from the start again once at the end), or pauses where it is.</summary>
    public void TogglePlay()
    {
        if (Playing) Pause();
        else Play();
    }

    public void Play() => Change(() =>
    {
        DateTimeOffset at = PositionNow();
        // Played to the end of a finished recording: play again from the start, as a player does.
        if (at >= Recording.End && Recording.Finished) at = Recording.Start;
        Anchor(at);
        _playing = true;
    });

    public void Pause() => Change(() =>
    {
        Anchor(PositionNow());
        _playing = false;
        _live = false;
    });

    /// <summary>&gt;: the next speed up (10× stays 10×); the position is kept.</summary>
    public void Faster() => SetSpeed(+1);

    /// <summary>&lt;: the next speed down (1× stays 1×).</summary>
    public void Slower() => SetSpeed(-1);

    /// <summary>Goes to <paramref name="at"/> (clamped to the recording), playing on if it was playing; live ends.</summary>
    public void SeekTo(DateTimeOffset at) => Change(() =>
    {
        bool playing = _playing || _live;
        _live = false;
        Anchor(Clamp(at));
        _playing = playing;
    });

    /// <summary>Shift+←/→: ten seconds (or <paramref name="by"/>) back or on.</summary>
    public void SkipBy(TimeSpan by) => SeekTo(Position + by);

    /// <summary>→: the next moment at which the screen changes; pauses there, to look at it.</summary>
    public void StepForward() => StepTo(forward: true);

    /// <summary>←: the moment before the one shown.</summary>
    public void StepBack() => StepTo(forward: false);

    /// <summary>]: the next mark after the position, or null when there is none (the position stays).</summary>
    public RecordingMark? NextMark() => JumpToMark(forward: true);

    /// <summary>[: the mark before the position (a mark a moment ago is passed over, so [ [ walks back).</summary>
    public RecordingMark? PreviousMark() => JumpToMark(forward: false);

    /// <summary>End: to the end of the recording; live while it grows (follow), so new moments show as they come.</summary>
    public void GoToEnd() => Change(() =>
    {
        _live = !Recording.Finished;
        _playing = false;
        Anchor(Recording.End);
    });

    /// <summary>Home: to the start, paused.</summary>
    public void GoToStart() => Change(() =>
    {
        _live = false;
        _playing = false;
        Anchor(Recording.Start);
    });

    private void StepTo(bool forward) => Change(() =>
    {
        DateTimeOffset at = PositionNow();
        IReadOnlyList<DateTimeOffset> moments = Recording.Moments;
        int after = IndexAfter(moments, at);
        // Forward: the first moment after the position. Back: the moment before the one shown (the last at or before it).
        DateTimeOffset? target = forward
            ? after < moments.Count ? moments[after] : null
            : after >= 2 ? moments[after - 2] : Recording.Start;
        _live = false;
        _playing = false;
        Anchor(target is { } t ? Clamp(t) : at);
    });

    private RecordingMark? JumpToMark(bool forward)
    {
        RecordingMark? found = null;
        Change(() =>
        {
            DateTimeOffset at = PositionNow();
            IReadOnlyList<RecordingMark> marks = Recording.Marks;
            found = forward ? marks.FirstOrDefault(m => m.At > at) : marks.LastOrDefault(m => m.At < at);
            if (found is null) return;
            bool playing = _playing || _live;
            _live = false;
            Anchor(Clamp(found.At));
            _playing = playing;
        });
        return found;
    }

    private void SetSpeed(int step) => Change(() =>
    {
        int i = Math.Clamp(IndexOfSpeed(_speed) + step, 0, Speeds.Count - 1);
        Anchor(PositionNow()); // the time played so far counts at the old speed
        _speed = Speeds[i];
    });

    private static int IndexOfSpeed(int speed)
    {
        for (int i = 0; i < Speeds.Count; i++)
            if (Speeds[i] == speed) return i;
        return 0;
    }

    private DateTimeOffset PositionNow()
    {
        if (_live) return Recording.End;
        if (!_playing) return Clamp(_anchor);
        TimeSpan played = _wall.GetElapsedTime(_anchorWall) * _speed;
        DateTimeOffset at = _anchor + played;
        if (at < Recording.End) return at;
        // Reached the end: a finished recording stops there; one still being written goes live.
        if (Recording.Finished) { _playing = false; }
        else _live = true;
        Anchor(Recording.End);
        return Recording.End;
    }

    private void Anchor(DateTimeOffset at)
    {
        _anchor = at;
        _anchorWall = _wall.GetTimestamp();
    }

    private DateTimeOffset Clamp(DateTimeOffset at) =>
        at < Recording.Start ? Recording.Start : at > Recording.End ? Recording.End : at;

    /// <summary>The index of the first moment strictly after <paramref name="at"/> (binary search: an hour holds many).</summary>
    private static int IndexAfter(IReadOnlyList<DateTimeOffset> moments, DateTimeOffset at)
    {
        int lo = 0, hi = moments.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (moments[mid] <= at) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private void Change(Action change)
    {
        lock (_gate) change();
        Moved?.Invoke();
    }
}
