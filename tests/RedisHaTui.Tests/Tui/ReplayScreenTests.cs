using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Input;
using RedisHaTui.Presentation;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

/// <summary>
/// A replay on the headless screen: the same main window over a <see cref="ReplaySession"/>, its scrub bar, its keys,
/// and the promise that a replayed moment reads as the live screen read then.
/// </summary>
[Collection("Tui")]
public sealed class ReplayScreenTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly Core.Lab.LabDefinition Lab = FakeLab.Definition();

    private static readonly Walkthrough Guide = WalkthroughParser.Parse("w.md", """
        # Test walkthrough
        ## Start node1
        check: runs node1
        command: {node1.start}
        node1 answers on port {node1.port}.
        ## Think about it
        check: manual
        Nothing to detect here.
        """, Lab, new ShellForms("redis-ha-tui", null, RedisCliOnPath: true) { RedisServerOnPath = true });

    private static LabSnapshot Healthy => FakeLab.Healthy(Lab);

    /// <summary>node1 killed at 10 s: the sentinels agree on node2 at 16 s.</summary>
    private static LabSnapshot AfterFailover => (FakeLab.Healthy(Lab)
        .WithNode("node1", n => n.Unreachable("connection refused") with { Process = new Core.Processes.ProcessStatus(Core.Processes.ProcessState.Exited, ExitCode: 137) })
        .WithNode("node2", n => FakeLab.Master("node2", 7002, 0))
        .WithEverySentinel(x => x with { MasterNodeName = "node2", MasterAddress = "127.0.0.1:7002" })) with
    {
        Consensus = FakeLab.Consensus("node2", "node2", false, "node1 is down"),
        Timeline = [FakeLab.Event(1, "+switch-master", "myMaster 127.0.0.1 7001 127.0.0.1 7002", T0.AddSeconds(16), seenBy: ["sentinel1", "sentinel2"])],
        Failovers = [FakeLab.Failover(1, T0.AddSeconds(10), "kill -9 node1", "node1", "node2", true,
            new FailoverPhase(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(5.1)), new FailoverPhase(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(6)))],
    };

    private static MemoryRecording Recording() => new MemoryRecording(Lab, T0, Healthy)
        .Log("node1", T0.AddSeconds(1), "1:M 07 Dec 2026 10:00:01.000 * Ready to accept connections tcp")
        .Log("sentinel1", T0.AddSeconds(15), "1:X 07 Dec 2026 10:00:15.900 # +odown master myMaster 127.0.0.1 7001 #quorum 2/2")
        .Add(T0.AddSeconds(16), AfterFailover)
        .Add(T0.AddSeconds(40), AfterFailover with { Consensus = FakeLab.Consensus("node2", "node2", true) })
        .Mark(T0.AddSeconds(10), RecordingMarkKind.Failover, "failover #1 (kill -9 node1)")
        .Mark(T0.AddSeconds(30), RecordingMarkKind.Fault, "pause sentinel3");

    private static (TuiScreen Screen, ReplaySession Session, FakeTimeProvider Wall) Open(MemoryRecording? recording = null, int width = 100, int height = 30, Walkthrough? walkthrough = null)
    {
        var wall = new FakeTimeProvider(T0.AddDays(1));
        var session = new ReplaySession(recording ?? Recording(), wall);
        return (TuiScreen.Over(session, width, height, walkthrough: walkthrough), session, wall);
    }

    private static string[] AboveStatus(string text) => text.Split('\n')[..^2]; // the last row is the status line, then the final newline

    [Fact]
    public void A_replayed_moment_reads_as_the_live_screen_fed_the_same_snapshot_and_logs()
    {
        (TuiScreen replay, ReplaySession session, _) = Open();
        using TuiScreen disposed = replay;
        replay.Press(Key.End); // the last moment: after the failover
        var live = new FakeSession(Lab);
        live.Publish(session.Recording.SnapshotAt(session.Player.Position));
        foreach (string process in new[] { "node1", "sentinel1" })
            foreach (RecordedLogLine line in session.Recording.LogAt(process, session.Player.Position, 100))
                live.Log(process).Append(line.Text);

        string replayed = replay.Text;
        string shown = TuiScreen.Render(live, 100, 30);

        Assert.Equal(AboveStatus(shown), AboveStatus(replayed));
        Assert.Contains("+switch-master", replayed);
        Assert.Contains("+odown master my", replayed);
    }

    [Fact]
    public void The_status_line_is_a_scrub_bar_and_space_plays_at_the_chosen_speed()
    {
        (TuiScreen screen, ReplaySession session, FakeTimeProvider wall) = Open();
        using TuiScreen disposed = screen;

        string bar = screen.Rows[^2];
        Assert.StartsWith(" REPLAY  ❚❚ 1× 10:00:00 ●", bar);
        Assert.Contains("0:00 / 0:40", bar);
        Assert.Contains(ScrubBar.FailoverMark, bar);

        screen.Type(">");
        screen.Press(Key.Space);
        wall.Advance(TimeSpan.FromSeconds(10)); // 20 s of recording at 2×
        screen.Window.Tick();

        bar = screen.Rows[^2];
        Assert.Contains(" ▶ 2× 10:00:20 ", bar);
        Assert.Contains("0:20 / 0:40", bar);
        Assert.Contains("+switch-master", screen.Text);
        Assert.Equal(T0.AddSeconds(20), session.Store.Time.GetUtcNow());
    }

    [Fact]
    public void Paused_the_screen_does_not_change_however_long_the_clock_runs()
    {
        (TuiScreen screen, _, FakeTimeProvider wall) = Open();
        using TuiScreen disposed = screen;
        screen.Press(Key.CursorRight.WithShift, Key.CursorRight.WithShift); // 20 s in, paused
        string before = screen.Text;

        for (int i = 0; i < 30; i++)
        {
            wall.Advance(TimeSpan.FromSeconds(1));
            screen.Window.Tick();
        }

        Assert.Equal(before, screen.Text);
        Assert.Contains(" ❚❚ 1× 10:00:20 ", before);
    }

    [Fact]
    public void Arrows_step_through_moments_and_brackets_jump_to_marks_naming_them()
    {
        (TuiScreen screen, ReplaySession session, FakeTimeProvider wall) = Open();
        using TuiScreen disposed = screen;

        screen.Press(Key.CursorRight);
        Assert.Equal(T0.AddSeconds(1), session.Player.Position);
        Assert.Contains("Ready to accept connections", screen.Text);
        screen.Press(Key.CursorRight, Key.CursorRight);
        Assert.Equal(T0.AddSeconds(16), session.Player.Position);
        screen.Press(Key.CursorLeft); // the moment before the one shown: sentinel1's +odown line
        Assert.Equal(T0.AddSeconds(15), session.Player.Position);

        screen.Type("[");
        Assert.Equal(T0.AddSeconds(10), session.Player.Position);
        Assert.Contains("[ 10:00:10 failover #1 (kill -9 node1)", screen.Text); // the mark names its kind already
        screen.Type("]");
        Assert.Contains("] 10:00:30 fault: pause sentinel3", screen.Text);
        screen.Type("]");
        Assert.Contains("no mark after 10:00:30 (2 in all)", screen.Text);
        screen.Type("[");
        Assert.Equal(T0.AddSeconds(10), session.Player.Position);
        // The mark's name is for the viewer: it lasts the viewer's seconds, though the replay is paused.
        wall.Advance(TimeSpan.FromSeconds(5));
        screen.Window.Tick();
        Assert.Contains("failover #1 (kill -9 node1)", screen.Rows[^2]);
        wall.Advance(TimeSpan.FromSeconds(5));
        screen.Window.Tick();
        Assert.StartsWith(" REPLAY ", screen.Rows[^2]);
        screen.Type("]");
        screen.Press(Key.CursorRight); // a move gives the line back to the scrub bar at once
        Assert.StartsWith(" REPLAY ", screen.Rows[^2]);
    }

    [Fact]
    public void Colon_goes_to_a_time_typed_as_the_timeline_shows_it_and_says_what_it_cannot_read()
    {
        (TuiScreen screen, ReplaySession session, _) = Open();
        using TuiScreen disposed = screen;

        screen.Type(":");
        Assert.Contains("go to: ", screen.Rows[^2]);
        screen.Type("10:00:17");
        screen.Press(Key.Enter);
        Assert.Equal(T0.AddSeconds(17), session.Player.Position);
        Assert.Contains("+switch-master", screen.Text);

        screen.Type(":");
        screen.Type("soon");
        screen.Press(Key.Enter);
        Assert.Contains("go to: 'soon' is not a time", screen.Text);
        Assert.Equal(T0.AddSeconds(17), session.Player.Position);
    }

    [Fact]
    public void Every_action_key_is_refused_with_replay_and_the_help_dims_each_with_replay()
    {
        (TuiScreen screen, _, _) = Open();
        using TuiScreen disposed = screen;

        screen.Type("k");
        Assert.Contains("kill -9 node1: replay", screen.Text);
        screen.Type("f");
        Assert.Contains("failover: replay", screen.Text);
        screen.Type("w");
        Assert.Contains("write load refused: replay", screen.Text);

        screen.Press(Key.Esc);
        screen.Type("?");
        string help = screen.Text;
        Assert.Contains("space", help);
        Assert.Contains("play / pause the replay", help);
        foreach (string key in new[] { "k ", "K ", "f ", "c ", "d " })
            Assert.Contains(help.Split('\n'), row => row.StartsWith("║ " + key) && row.Contains("not now: replay"));
        Assert.DoesNotContain("walkthrough: previous / next step", help); // [ ] are the marks' in a replay
    }

    [Fact]
    public void The_walkthrough_panel_replays_the_progress_recorded_at_each_moment()
    {
        WalkthroughProgress start = WalkthroughProgress.Start(Guide);
        WalkthroughProgress firstDone = start.Observe(Guide, Healthy);
        MemoryRecording recording = new MemoryRecording(Lab, T0, LabSnapshot.Initial(Lab) with { Walkthrough = start })
            .Add(T0.AddSeconds(5), Healthy with { Walkthrough = firstDone })
            .Add(T0.AddSeconds(9), Healthy with { Walkthrough = firstDone.Next(Guide) });
        (TuiScreen screen, _, _) = Open(recording, 140, 40, Guide);
        using TuiScreen disposed = screen;

        Assert.Contains(">▶ 1. Start node1", screen.Text);
        screen.Press(Key.CursorRight);
        Assert.Contains(" ✓ 1. Start node1", screen.Text);
        Assert.Contains(">▶ 2. Think about it", screen.Text);
        screen.Press(Key.CursorRight);
        Assert.Contains("walkthrough: all 2 steps passed", screen.Text);
        // Back in time, the panel is back too: the progress is the recording's, not folded again by the screen.
        screen.Press(Key.CursorLeft, Key.CursorLeft);
        Assert.Contains(">▶ 1. Start node1", screen.Text);
        Assert.Contains("walkthrough 1/2 · ✓ 0", screen.Text);
    }

    [Fact]
    public void A_damaged_recording_says_what_could_not_be_read_and_the_bar_marks_it()
    {
        MemoryRecording recording = Recording();
        recording.Problem = "cut short at 10:00:40.120: the last line is incomplete";
        (TuiScreen screen, _, _) = Open(recording, 160, 30);
        using TuiScreen disposed = screen;

        Assert.Contains("this recording is damaged: cut short at 10:00:40.120: the last line is incomplete", screen.Text);
        Assert.DoesNotContain("REPLAY", screen.Rows[^2]);
        screen.Type("<"); // a replay key gives the line back to the bar, with the damage marked on its badge
        Assert.StartsWith(" REPLAY ! ", screen.Rows[^2]);
    }

    [Fact]
    public void On_a_live_screen_the_replay_keys_keep_their_live_meaning()
    {
        Assert.Same(KeyMap.Find(Key.CursorLeft), KeyMap.All.First(b => b.Keys.Contains(Key.CursorLeft)));
        Assert.Contains("walkthrough", KeyMap.Find(new Key('['))!.Help.Text);
        Assert.Contains("Redis command", KeyMap.Find(new Key(':'))!.Help.Text);
        Assert.Null(KeyMap.Find(Key.Space));
        Assert.Null(KeyMap.Find(new Key('>')));
        Assert.Contains("replay", KeyMap.Find(Key.Space, replay: true)!.Help.Text);

        using var screen = TuiScreen.Open(100, 30);
        Assert.Null(screen.Window.Replay);
        Assert.DoesNotContain("REPLAY", screen.Text);
    }
}
