using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Tui;

/// <summary>
/// The flight recorder's file, played back: a screen session recorded through the real recorder and reader, each
/// captured moment of the live screen compared with the replay's at that moment (the walkthrough panel included).
/// </summary>
[Collection("Tui")]
public sealed class RecordedReplayScreenTests : IDisposable
{
    private static readonly LabDefinition Lab = FakeLab.Definition();
    private static readonly ShellForms Forms = new("redis-ha-tui", null, RedisCliOnPath: true) { RedisServerOnPath = true };

    private const string GuideText = """
        # Test walkthrough
        ## Start node1
        check: runs node1
        command: {node1.start}
        node1 answers on port {node1.port}.
        ## Think about it
        check: manual
        Nothing to detect here.
        ## Fail over
        check: master node2 1
        Press f.
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("replay-screen-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Each_moment_of_a_recorded_screen_session_replays_as_the_live_screen_showed_it()
    {
        Walkthrough guide = WalkthroughParser.Parse("w.md", GuideText, Lab, Forms);
        string path = Path.Combine(_folder, RecordingFormat.DefaultFileName);
        var live = new FakeSession(Lab);
        live.Publish(LabSnapshot.Initial(Lab) with { Version = 1 });
        var captured = new List<(DateTimeOffset At, string Text)>();
        await using (FlightRecorder recorder = FlightRecorder.Start(live.Store, live.Log, new RecordingHeader
                     {
                         FormatVersion = RecordingFormat.Version, AppVersion = "test", StartedAt = live.Store.Time.GetUtcNow(), Lab = Lab,
                         Mode = "owned", WalkthroughMarkdown = GuideText,
                     }, path))
        {
            using TuiScreen screen = TuiScreen.Open(120, 36, live, walkthrough: guide);
            void Capture()
            {
                screen.Window.Tick();
                captured.Add((live.Store.Current.At, screen.Text));
                Thread.Sleep(15); // the next moment a few milliseconds later: the format keeps milliseconds
            }
            Capture();
            live.Log("node1").Append("1:M 07 Dec 2026 10:00:01.000 * Ready to accept connections tcp");
            live.Publish(LabSnapshot.Initial(Lab).WithNode("node1", n => FakeLab.Master("node1", 7001, 0)) with { Version = 2 });
            Capture();
            live.Log("sentinel1").Append("1:X 07 Dec 2026 10:00:02.000 # +monitor master myMaster 127.0.0.1 7001 quorum 2");
            live.Publish(FakeLab.Healthy(Lab) with { Version = 3 });
            Capture();
            screen.Type("]"); // the manual step, passed by the presenter: only the snapshot knows
            Capture();
            live.Publish(FakeLab.Healthy(Lab).WithNode("node1", n => n.Unreachable("connection refused")) with
            {
                Version = 4,
                Consensus = FakeLab.Consensus("node2", "node2", false, "node1 is down"),
                Timeline = [FakeLab.Event(1, "+switch-master", "myMaster 127.0.0.1 7001 127.0.0.1 7002", live.Store.Time.GetUtcNow(), seenBy: ["sentinel1"])],
            });
            Capture();
        }

        using IRecording recording = RecordingReader.Open(path);
        await using var replay = new ReplaySession(recording, new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        Walkthrough recorded = WalkthroughParser.Parse("the recorded walkthrough", recording.Header.WalkthroughMarkdown!, recording.Header.Lab, Forms);
        using TuiScreen played = TuiScreen.Over(replay, 120, 36, walkthrough: recorded);
        Assert.Null(recording.Problem);
        foreach ((DateTimeOffset at, string text) in captured)
        {
            replay.Player.SeekTo(at);
            played.Window.Tick();
            // The one difference a replay may show: where the live screen offers a key that acts, a replay offers none.
            const string Hint = " · s starts the selected process";
            string shown = text.Replace(Hint, new string(' ', Hint.Length), StringComparison.Ordinal);
            Assert.Equal(AboveStatus(shown), AboveStatus(played.Text));
        }
        Assert.Contains("+switch-master", captured[^1].Text);
        Assert.Contains("✓ 2. Think about it", captured[^1].Text);
    }

    /// <summary>Every row but the status line (the keys live, the scrub bar in a replay) and the final newline.</summary>
    private static string[] AboveStatus(string text) => text.Split('\n')[..^2];
}
