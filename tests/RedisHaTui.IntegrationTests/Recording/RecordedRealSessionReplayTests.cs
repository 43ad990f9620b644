using RedisHaTui.Cli;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>
/// Issue 16's promise, end to end on a real lab: the presenter's screen recorded while the write load runs, a fault
/// kills the master and a walkthrough step ticks; then the recording, replayed with no Redis, shows at each captured
/// moment (the failover under way among them) the same text the live screen showed.
/// </summary>
public sealed class RecordedRealSessionReplayTests : IDisposable
{
    private const int Width = 120, Height = 40;

    private const string Guide = """
        # Record and replay
        ## Start the write load
        check: load-ran
        The load writes through the sentinels.
        ## Kill the master
        check: failover-completed
        The sentinels promote node2.
        """;

    // The forms a walkthrough's commands are printed in: the same for the live screen and the replay, so the panels compare.
    private static readonly ShellForms Forms = new("redis-ha-tui", null, RedisCliOnPath: true) { RedisServerOnPath = true };

    private readonly string _folder = Directory.CreateTempSubdirectory("recorded-session-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_real_session_recorded_with_load_fault_and_walkthrough_replays_as_the_live_screen_showed_it()
    {
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 1500);
        string guideFile = Path.Combine(_folder, "guide.md");
        File.WriteAllText(guideFile, Guide);
        string path = Path.Combine(_folder, "session.rec.ndjson");
        var captures = new List<Capture>();

        FlightRecorder recorder = SessionRecording.Start(lab.Session, path, RecordingMode.Owned, guideFile, _ => { })
            ?? throw new InvalidOperationException("not recording");
        await using (recorder)
        {
            using var live = new HeadlessScreen(lab.Session, Width, Height, WalkthroughParser.Parse(guideFile, Guide, lab.Lab, Forms));
            await using WriteLoad load = WriteLoad.Start(lab.Lab, lab.Session.Store, new LoadOptions(100));
            await lab.WaitForAsync(s => s.LastLoad is { Acked: > 50 }, TimeSpan.FromSeconds(30), "the load writes");
            Task<Core.Actions.LabActionResult> fault = FaultMenu.RunAsync(
                FaultMenu.All.Single(e => e.Title.StartsWith("kill -9 the master", StringComparison.Ordinal)),
                new FaultContext(lab.Session.Actions, lab.Session.Store, lab.Lab, lab.Session.Log));

            // The screen is drawn on this thread (it is the UI thread); a capture counts only when it had settled, so the
            // moment it stands for is one the recording can be asked about.
            DateTimeOffset until = DateTimeOffset.UtcNow.AddSeconds(60);
            while (DateTimeOffset.UtcNow < until)
            {
                // Settled: drawn twice 30 ms apart (what other threads queued for the screen has run) with the same
                // text, and neither the snapshot nor any log changed meanwhile.
                (long version, long lines) = Mark(lab);
                string first = live.Text;
                Thread.Sleep(30);
                string text = live.Text;
                DateTimeOffset at = lab.Session.Store.Time.GetUtcNow();
                LabSnapshot now = lab.Now;
                if (Mark(lab) == (version, lines) && text == first) captures.Add(new Capture(at, text, now.CurrentFailover is not null));
                if (fault.IsCompleted && captures.Count > 0 && captures[^1].Text.Contains("✓ 2. Kill the master", StringComparison.Ordinal)) break;
                Thread.Sleep(70);
            }
            Assert.True((await fault.WaitAsync(TimeSpan.FromSeconds(60))).Ok);
            Assert.Equal(2, lab.Now.Walkthrough?.DoneCount);
            await load.StopAsync();
        }

        using IRecording recording = RecordingReader.Open(path);
        Assert.Null(recording.Problem);
        Assert.Contains(recording.Marks, m => m.Kind == RecordingMarkKind.Failover);
        Assert.Contains(recording.Marks, m => m.Kind == RecordingMarkKind.Fault);
        await using var replay = new ReplaySession(recording);
        using var played = new HeadlessScreen(replay, Width, Height,
            WalkthroughParser.Parse("the recorded walkthrough", recording.Header.WalkthroughMarkdown!, recording.Header.Lab, Forms));

        foreach (Capture c in captures)
        {
            replay.Player!.SeekTo(c.At);
            string replayed = AboveStatus(played.Text), shown = AboveStatus(c.Text);
            Assert.True(shown == replayed, $"at {c.At:HH:mm:ss.fff} the live screen showed\n{shown}\nand the replay shows\n{replayed}");
        }
        // Among them the failover moment: the master killed, the sentinels at work, the failover not yet over.
        Assert.Contains(captures, c => c.MidFailover && c.Text.Contains("failover #1", StringComparison.Ordinal));
        Assert.Contains("✓ 2. Kill the master", captures[^1].Text);
    }

    private sealed record Capture(DateTimeOffset At, string Text, bool MidFailover);

    /// <summary>What a drawing could have raced with: the snapshot's version and every log line read so far.</summary>
    private static (long Version, long Lines) Mark(RunningLab lab) =>
        (lab.Now.Version, lab.Lab.Processes.Sum(p => lab.Session.Log(p.Name).Total));

    /// <summary>Every row but the status line (the keys live, the scrub bar in a replay).</summary>
    private static string AboveStatus(string text) => string.Join('\n', text.Split('\n')[..^2]);
}
