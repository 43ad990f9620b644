using System.Text.RegularExpressions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Views;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

/// <summary>
/// The figures a room reads off a projector, at the sizes a projector gives: the health verdict, the failover's
/// stopwatch and the write load's ledger are whole (a compact form, never a figure cut by an ellipsis) at 80x24,
/// 100x30 and 120x36, with and without the walkthrough panel, in both themes; zoomed, they read in full words.
/// </summary>
[Collection("Tui")]
public sealed partial class PresenterSizesScreenTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 18, 23, 30, TimeSpan.Zero);

    private static readonly Walkthrough Guide = WalkthroughParser.Parse("w.md", """
        # Workshop
        ## Kill the master
        check: failover-completed
        key: K
        Sentinel promotes node2 within a few seconds.
        """, FakeLab.Definition());

    /// <summary>`K` with a write load running: node1 killed, node2 promoted and refusing writes (NOREPLICAS) since.</summary>
    private static LabSnapshot KilledMasterUnderLoad(LabDefinition lab)
    {
        WriteSecond[] seconds = [.. Enumerable.Range(0, 40).Select(i => new WriteSecond(T0.AddSeconds(i), i < 26 ? 100 : 0, i < 26 ? 0 : 100))];
        var ledger = new LoadLedger
        {
            Number = 1, StartedAt = T0, Running = true, Rate = 100, Acked = 2576, Failed = 1109,
            Errors = [new WriteErrorCount(WriteErrorKind.NoReplicas, 1107), new WriteErrorCount(WriteErrorKind.Connection, 2)],
            // Still refused: the outage is open (issue 14), as it is until the old master rejoins.
            Outage = TimeSpan.FromSeconds(11.1), OutageStart = T0.AddSeconds(26), OutageOpen = true, OutageError = WriteErrorKind.NoReplicas,
            PerSecond = [.. seconds],
        };
        FailoverRecord failover = FakeLab.Failover(1, T0.AddSeconds(26), "kill -9 node1", "node1", "node2", complete: false,
            new(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(5.06)), new(FailoverPhaseKind.ODown, TimeSpan.FromSeconds(5.12)),
            new(FailoverPhaseKind.Leader, TimeSpan.FromSeconds(5.22)), new(FailoverPhaseKind.Promoted, TimeSpan.FromSeconds(5.77)),
            new(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(6.36)));
        return FakeLab.Healthy(lab)
            .WithNode("node1", n => n with { Reachable = false, Process = new ProcessStatus(ProcessState.Exited, ExitCode: 137), Role = NodeRole.Unknown })
            .WithNode("node2", n => n with { Role = NodeRole.Master, FollowsName = null, LinkStatus = null, GoodReplicas = 0, MinReplicasToWrite = 1 })
            with
            {
                Consensus = FakeLab.Consensus("node2", "node2", healthy: false, "node1 is down", "node2 has 0 of 1 required replicas"),
                Writes = new WritesStatus { Master = "node2", Refusal = "NOREPLICAS", GoodReplicas = 0, Required = 1,
                    Text = "writes refused: NOREPLICAS, 0 of 1 required replicas (min-replicas-to-write 1)" },
                Loads = [ledger],
                Failovers = [failover],
            };
    }

    public static TheoryData<int, int, bool, string> Sizes()
    {
        var data = new TheoryData<int, int, bool, string>();
        foreach ((int w, int h) in new[] { (80, 24), (100, 30), (120, 36) })
            foreach (bool walkthrough in new[] { false, true })
                foreach (string theme in new[] { "default", "presenter" })
                    data.Add(w, h, walkthrough, theme);
        return data;
    }

    internal static TuiScreen OpenForDump(int width, int height, bool walkthrough, string theme) => Open(width, height, walkthrough, theme);

    private static TuiScreen Open(int width, int height, bool walkthrough, string theme)
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(KilledMasterUnderLoad(session.Lab));
        return TuiScreen.Open(width, height, session, Theme.For(theme, noColor: false), walkthrough ? Guide : null);
    }

    /// <summary>The rows of a view, inside its border, as the screen shows them.</summary>
    private static string[] Inside(TuiScreen screen, Terminal.Gui.ViewBase.View view)
    {
        System.Drawing.Rectangle frame = view.FrameToScreen();
        return [.. screen.Rows.Skip(frame.Y + 1).Take(frame.Height - 2).Select(r => r.Substring(frame.X + 1, frame.Width - 2))];
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void The_verdict_the_stopwatch_and_the_ledger_are_whole_at_projector_sizes(int width, int height, bool walkthrough, string theme)
    {
        using TuiScreen screen = Open(width, height, walkthrough, theme);
        string all = screen.Text;
        Assert.True(screen.Window.LoadChart is not null && screen.Window.Walkthrough.Open == walkthrough, all);

        string timeline = string.Join("\n", Inside(screen, screen.Window.Timeline));
        Assert.Matches(VerdictWhole(), timeline);
        // The newest phase is the figure the presenter is talking about: its name and its seconds, uncut.
        Assert.Matches(NewestPhaseWhole(), timeline);

        string chart = string.Join("\n", Inside(screen, screen.Window.LoadChart!));
        Assert.Matches(@"\b(ack|acked|acknowledged) 2576\b", chart);
        Assert.Matches(@"\b(fail|failed) 1109\b", chart);
        Assert.Matches(@"\b(out|outage|no write acknowledged for) 11\.1 s, (open|still refused \(NOREPLICAS\))", chart);
        // No number cut anywhere ("acked 25…"), and the verdict's line is not cut either ("sentinels an…"): an ellipsis
        // only stands for the stopwatch's earlier phases or a failover under way, or ends the problems' plain words.
        foreach (string line in timeline.Split('\n').Concat(chart.Split('\n')))
            Assert.False(CutNumber().IsMatch(line), $"a figure was cut: '{line}'\n{all}");
        Assert.False(CutWord().IsMatch(timeline.Split('\n')[0]), all);
    }

    [Theory]
    [InlineData(80, 24)]
    [InlineData(100, 30)]
    [InlineData(120, 36)]
    public void Zoomed_the_timeline_and_the_chart_say_it_in_full_words(int width, int height)
    {
        using TuiScreen screen = Open(width, height, walkthrough: false, "presenter");

        screen.Press(Key.Tab.WithShift, Key.Tab.WithShift); // from node1 backwards: the chart, then the timeline
        Assert.Same(screen.Window.Timeline, screen.Window.SelectedPane);
        screen.Press(new Key('z'));
        string timeline = string.Join("\n", Inside(screen, screen.Window.Timeline));
        Assert.Contains("NOT HEALTHY · master node2 (sentinels and roles agree)", timeline);
        Assert.Contains("failover #1 (kill -9 node1) node1→node2: +sdown 5.06", timeline);
        Assert.Contains("+switch-master 6.36 s · …", timeline);
        screen.Press(Key.Esc);

        screen.Press(Key.Tab);
        Assert.Same(screen.Window.LoadChart, screen.Window.SelectedPane);
        screen.Press(new Key('z'));
        string chart = string.Join(" ", Inside(screen, screen.Window.LoadChart!).Select(r => r.Trim()));
        Assert.Contains("write load #1 100/s running: acknowledged 2576 · failed 1109 · no write acknowledged for 11.1 s, still refused (NOREPLICAS)", chart);
        Assert.Contains("F failover", chart);
        Assert.Contains("C old master converted", chart);
    }

    [Fact]
    public void The_help_explains_every_abbreviation_and_chart_mark()
    {
        string help = string.Join("\n", HelpText.Lines(RedisHaTui.Tui.Input.KeyMap.HelpLines).Select(f => f.Text));
        foreach (string word in new[] { "ack ", "fail ", "out ", "lost ", "F (chart)", "M (chart)", "A (chart)", "W (chart)", "C (chart)", "NOREPLICAS", "READONLY", "switch" })
            Assert.Contains(word, help);
    }

    [GeneratedRegex(@"NOT HEALTHY( · (master )?node2)?")]
    private static partial Regex VerdictWhole();

    [GeneratedRegex(@"(\+switch-master|switch) 6\.36 s")]
    private static partial Regex NewestPhaseWhole();

    [GeneratedRegex(@"\d…")]
    private static partial Regex CutNumber();

    [GeneratedRegex(@"\w…")]
    private static partial Regex CutWord();
}
