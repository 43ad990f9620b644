using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>A replay as a session: the store at the playhead, the logs then, the clock, and every action refused.</summary>
public sealed class ReplaySessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly LabDefinition Lab = TestLabs.Definition();

    private static LabSnapshot Master(string name) => LabSnapshot.Initial(Lab) with
    {
        Consensus = new Consensus { MasterByRoles = name, MasterBySentinels = name, Healthy = true },
        // What the live lab could do then: the replay must not say so.
        Availability = new Availability { Commands = [new CommandState(LabActionKind.Kill, "node1", null)] },
    };

    private static MemoryRecording Recording() => new MemoryRecording(Lab, T0, Master("node1"))
        .Log("node1", T0.AddSeconds(1), "node1 ready")
        .Log("node1", T0.AddSeconds(2), "node1 accepts")
        .Add(T0.AddSeconds(20), Master("node2"))
        .Log("node1", T0.AddSeconds(21), "node1 is a replica now")
        .Log("sentinel1", T0.AddSeconds(19), "+switch-master");

    [Fact]
    public async Task The_store_holds_the_recorded_snapshot_at_the_playhead_and_its_clock_is_the_playhead()
    {
        var wall = new FakeTimeProvider(T0.AddDays(3));
        await using var session = new ReplaySession(Recording(), wall);
        Assert.Equal("node1", session.Store.Current.Consensus.MasterByRoles);

        session.Player.SeekTo(T0.AddSeconds(20.5));

        Assert.Equal("node2", session.Store.Current.Consensus.MasterByRoles);
        Assert.Equal(T0.AddSeconds(20.5), session.Store.Time.GetUtcNow());
        Assert.Equal(T0.AddSeconds(20.5), session.Store.Current.At);
        session.Player.SeekTo(T0.AddSeconds(3));
        Assert.Equal("node1", session.Store.Current.Consensus.MasterByRoles);
    }

    [Fact]
    public async Task Playing_carries_the_screen_on_with_the_wall_clock_and_paused_nothing_changes()
    {
        var wall = new FakeTimeProvider(T0.AddDays(3));
        await using var session = new ReplaySession(Recording(), wall);
        session.Player.Faster(); // 2×

        session.Player.Play();
        wall.Advance(TimeSpan.FromSeconds(11)); // 22 s of recording, in frames of the session's timer

        Assert.Equal("node2", session.Store.Current.Consensus.MasterByRoles);
        session.Player.Pause();
        long version = session.Store.Current.Version;
        DateTimeOffset now = session.Store.Time.GetUtcNow();
        wall.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(version, session.Store.Current.Version);
        Assert.Equal(now, session.Store.Time.GetUtcNow());
    }

    [Fact]
    public async Task Every_action_is_refused_with_replay_whatever_the_recorded_lab_could_do()
    {
        await using var session = new ReplaySession(Recording(), new FakeTimeProvider(T0.AddDays(3)));
        LabSnapshot s = session.Store.Current;

        foreach (LabCommand c in LabCommands.All)
        {
            Assert.Equal("replay", s.WhyNot(c.Kind, "node1"));
            Assert.Equal("replay", s.WhyNot(c.Kind));
            LabActionResult result = await session.Actions.RunAsync(c.Kind, "node1");
            Assert.Equal(("replay", false), (result.Message, result.Ok));
        }
        Assert.False((await session.Actions.RunCommandAsync("node1", "set k v")).Ok);
        Assert.Equal("replay", session.Policy.Writes);
        Assert.False(session.OwnsProcesses);
        Assert.Null(((ILabSession)session).Network);
        Assert.Same(session.Player, ((ILabSession)session).Player);
    }

    [Fact]
    public async Task The_log_rings_show_the_recorded_lines_at_the_playhead_appending_while_playing_and_replacing_on_a_seek_back()
    {
        var wall = new FakeTimeProvider(T0.AddDays(3));
        await using var session = new ReplaySession(Recording(), wall);
        var node1 = session.Log("node1");
        Assert.Empty(node1.Tail(10));

        session.Player.SeekTo(T0.AddSeconds(1.5));
        Assert.Equal(["node1 ready"], node1.Tail(10));
        long before = node1.Total;
        session.Player.SeekTo(T0.AddSeconds(30));
        Assert.Equal(["node1 ready", "node1 accepts", "node1 is a replica now"], node1.Tail(10));
        Assert.Equal(before + 2, node1.Total); // went on: appended, not redrawn from scratch
        Assert.Equal(["+switch-master"], session.Log("sentinel1").Tail(10));

        session.Player.SeekTo(T0.AddSeconds(2));
        Assert.Equal(["node1 ready", "node1 accepts"], node1.Tail(10));
        Assert.True(node1.Total > before + 2); // numbering never runs backwards
    }

    [Fact]
    public async Task Disposing_the_session_closes_the_recording()
    {
        MemoryRecording recording = Recording();
        var session = new ReplaySession(recording, new FakeTimeProvider(T0.AddDays(3)));

        await session.DisposeAsync();

        Assert.True(recording.Disposed);
    }

    [Fact]
    public async Task Live_at_the_end_of_a_recording_still_written_shows_what_is_appended()
    {
        MemoryRecording recording = Recording();
        recording.Finished = false;
        var wall = new FakeTimeProvider(T0.AddDays(3));
        await using var session = new ReplaySession(recording, wall);
        session.Player.GoToEnd();

        recording.Later(T0.AddSeconds(40), Master("node1"));
        wall.Advance(ReplaySession.FramePeriod);

        Assert.Equal("node1", session.Store.Current.Consensus.MasterByRoles);
        Assert.Equal(T0.AddSeconds(40), session.Store.Time.GetUtcNow());
    }
}

/// <summary>Replays of files written by the recorder's own writer and read by its reader.</summary>
public sealed class ReplayOfARecordingFileTests : IDisposable
{
    private readonly RecordingFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task A_store_s_first_snapshot_which_has_no_time_yet_is_recorded_at_the_start_and_the_replay_spans_the_session()
    {
        string path = _files.PathOf();
        LabDefinition lab = SnapshotStories.Lab;
        DateTimeOffset t0 = SnapshotStories.T0;
        using (var writer = new RecordingWriter(File.Create(path), RecordingFiles.Header(lab)))
        {
            writer.Snapshot(LabSnapshot.Initial(lab)); // Version 0, At default: what a store holds before its first update
            writer.Log("node1", t0.AddSeconds(-3), "printed before the recorder started");
            writer.Snapshot(LabSnapshot.Initial(lab) with { Version = 1, At = t0.AddSeconds(30), MasterName = "later" });
            writer.End(t0.AddSeconds(30));
        }

        using RecordingReader reader = RecordingReader.Open(path);
        await using var session = new ReplaySession(reader, new FakeTimeProvider(t0.AddDays(1)));

        Assert.Equal(t0, reader.Start);
        Assert.Equal(t0.AddSeconds(30), reader.End);
        Assert.Equal(["printed before the recorder started"], session.Log("node1").Tail(5));
        session.Player.GoToEnd();
        Assert.Equal("later", session.Store.Current.MasterName);
    }

    [Fact]
    public void A_walkthrough_step_passed_is_a_mark_a_replay_jumps_to()
    {
        string path = _files.PathOf();
        LabDefinition lab = SnapshotStories.Lab;
        DateTimeOffset t0 = SnapshotStories.T0;
        var start = new Core.Walkthrough.WalkthroughProgress([Core.Walkthrough.StepState.Pending, Core.Walkthrough.StepState.Pending], 0);
        using (var writer = new RecordingWriter(File.Create(path), RecordingFiles.Header(lab)))
        {
            writer.Snapshot(LabSnapshot.Initial(lab) with { At = t0, Walkthrough = start });
            writer.Snapshot(LabSnapshot.Initial(lab) with { Version = 1, At = t0.AddSeconds(4), Walkthrough = start with { Passed = [Core.Walkthrough.StepState.Done, Core.Walkthrough.StepState.Pending], Shown = 1 } });
            writer.Snapshot(LabSnapshot.Initial(lab) with { Version = 2, At = t0.AddSeconds(9), Walkthrough = start with { Passed = [Core.Walkthrough.StepState.Done, Core.Walkthrough.StepState.Skipped], Shown = 1 } });
            writer.End(t0.AddSeconds(9));
        }

        using RecordingReader reader = RecordingReader.Open(path);

        Assert.Equal(
            [(t0.AddSeconds(4), "walkthrough step 1 done"), (t0.AddSeconds(9), "walkthrough step 2 passed")],
            reader.Marks.Where(m => m.Kind == RecordingMarkKind.WalkthroughStep).Select(m => (m.At, m.Text)));
    }
}
