using System.Diagnostics;
using RedisHaTui.Core.Processes;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Input;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class OverlayAndQuitTests
{
    [Fact]
    public void Question_mark_lists_every_key_and_Esc_closes_the_list()
    {
        using var screen = TuiScreen.Open(100, 30);

        screen.Type("?");

        string text = screen.Text;
        foreach (string help in new[] { "zoom the selected pane", "kill -9 it", "pause it (SIGSTOP)", "Sentinel failover", "send a Redis command", "quit (asks first)", "search its log" })
            Assert.Contains(help, text);
        foreach (HelpLine line in KeyMap.HelpLines)
            Assert.Contains($"{line.Keys,-20} {line.Text}", text);

        screen.Press(Key.Esc);

        Assert.DoesNotContain("kill -9 it", screen.Text);
        Assert.False(screen.Window.QuitAllowed);
    }

    [Fact]
    public void Help_and_the_status_bar_show_a_key_that_cannot_run_now_dimmed_with_the_snapshots_reason()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(FakeLab.Healthy(session.Lab).WithNode("node2", n => n with
        {
            Reachable = false, Process = RedisHaTui.Core.Processes.ProcessStatus.NotStarted, Role = RedisHaTui.Core.State.NodeRole.Unknown, LinkStatus = null,
        }).WithEverySentinel(x => x with
        {
            Promotion = new RedisHaTui.Core.State.PromotionVerdict(null, [new RedisHaTui.Core.State.PromotionCandidate("node2", $"{x.Name} sees node2 down (s_down)", Down: true)]),
        }) with { Version = 1 });
        using var screen = TuiScreen.Open(120, 40, session);
        screen.Type("2");

        // The status bar keeps k and f, dimmed: neither can run now.
        (int row, int col) = screen.Find("k kill");
        Assert.Equal(39, row); // the bottom line of 40
        Assert.Equal(Theme.Default.Of(Tone.Dim), screen.App.Driver!.Contents![row, col].Attribute);
        (row, col) = screen.Find("? help");
        Assert.Equal(Theme.Default.StatusKey, screen.App.Driver!.Contents![row, col].Attribute);

        screen.Type("?");

        string text = screen.Text;
        Assert.Contains("kill -9 it · not now: node2 is not running (s starts it)", text);
        Assert.Contains("Sentinel failover (asks first) · not now: no replica to promote: sentinel1 sees node2 down", text);
        Assert.Contains("start the selected process", text);
        Assert.DoesNotContain("start the selected process · not now", text);
    }

    [Fact]
    public void The_help_stays_on_top_while_logs_scroll_behind_it()
    {
        using var screen = TuiScreen.Open(100, 30);
        screen.Type("?");

        for (int i = 0; i < 50; i++) screen.Session.Log("node1").Append(new string('#', 90));
        screen.Window.Tick();

        Assert.Contains("kill -9 it", screen.Text);
        Assert.Contains("Sentinel failover (asks first)", screen.Text);
    }

    [Theory]
    [InlineData("q")]
    [InlineData("ctrl+c")]
    public void Quitting_asks_first_and_n_stays(string how)
    {
        using var screen = TuiScreen.Open();

        if (how == "q") screen.Type("q"); else screen.Press(Key.C.WithCtrl);

        Assert.Contains("Quit redis-ha-tui?", screen.Text);
        Assert.Contains("Stopping node1, node2, sentinel1, sentinel2, sentinel3: started by this app.", screen.Text);
        Assert.False(screen.Window.QuitAllowed);

        screen.Type("n");

        Assert.DoesNotContain("Quit redis-ha-tui?", screen.Text);
        Assert.False(screen.Window.QuitAllowed);
    }

    [Fact]
    public void The_quit_question_names_what_was_started_by_hand_and_keeps_running()
    {
        var session = new FakeSession(FakeLab.Definition());
        var byHand = new ProcessStatus(ProcessState.External, 4242, Detail: ProcessStatus.StartedByHandDetail);
        session.Publish(FakeLab.Healthy(session.Lab).WithNode("node1", n => n with { Process = byHand }).WithSentinel("sentinel1", x => x with { Process = byHand }));
        using var screen = TuiScreen.Open(120, 30, session);

        screen.Type("q");

        Assert.Contains("Stopping node2, sentinel2, sentinel3: started by this app.", screen.Text);
        Assert.Contains("node1, sentinel1 were started by hand and keep running:", screen.Text);
        Assert.Contains("`redis-ha-tui down --lab /lab/lab.json` stops them.", screen.Text);
    }

    [Fact]
    public void Attached_the_quit_question_says_the_processes_keep_running()
    {
        using var screen = TuiScreen.Open(session: new FakeSession(FakeLab.Definition(), ownsProcesses: false));
        screen.Type("q");
        Assert.Contains("Attached: the processes keep running.", screen.Text);
    }

    /// <summary>The real main loop: Esc closes things but never ends the app; q then y does.</summary>
    [Fact]
    public void In_the_running_app_Esc_never_quits_and_q_y_does()
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(FakeLab.Healthy(session.Lab));
        using var window = new MainWindow(app, session, Theme.Default, TimeZoneInfo.Utc);
        var screens = new List<string>();
        var clock = Stopwatch.StartNew();
        app.AddTimeout(TimeSpan.FromMilliseconds(100), () =>
        {
            app.InjectKey(Key.Esc);
            app.InjectKey(Key.Esc);
            return false;
        });
        app.AddTimeout(TimeSpan.FromMilliseconds(400), () =>
        {
            screens.Add(app.Driver.ToString()!); // still running after two Esc
            app.InjectKey(new Key('q'));
            app.LayoutAndDraw();
            screens.Add(app.Driver.ToString()!);
            app.InjectKey(new Key('y'));
            return false;
        });
        app.AddTimeout(TimeSpan.FromSeconds(5), () => { window.Quit(); return false; }); // safety net

        app.Run(window);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), "q then y should have ended the loop");
        Assert.Equal(2, screens.Count);
        Assert.Contains("node1 :7001", screens[0]);
        Assert.Contains("Quit redis-ha-tui?", screens[1]);
        Assert.True(window.QuitAllowed);
    }

    /// <summary>A stop request that is not ours (Terminal.Gui's own Quit key) turns into the question.</summary>
    [Fact]
    public void A_stop_request_from_elsewhere_becomes_the_quit_question()
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        var session = new FakeSession(FakeLab.Definition());
        using var window = new MainWindow(app, session, Theme.Default, TimeZoneInfo.Utc);
        string? seen = null;
        app.AddTimeout(TimeSpan.FromMilliseconds(100), () => { app.RequestStop(); return false; });
        // Look every 50 ms rather than once at a fixed time: on a busy machine the stop request may come late.
        app.AddTimeout(TimeSpan.FromMilliseconds(50), () =>
        {
            app.LayoutAndDraw();
            seen = app.Driver.ToString();
            if (!seen!.Contains("Quit redis-ha-tui?")) return true;
            window.Quit();
            return false;
        });
        app.AddTimeout(TimeSpan.FromSeconds(5), () => { window.Quit(); return false; });

        app.Run(window);

        Assert.Contains("Quit redis-ha-tui?", seen);
    }
}
