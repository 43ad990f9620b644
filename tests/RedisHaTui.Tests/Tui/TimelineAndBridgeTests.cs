using System.Diagnostics;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class TimelineAndBridgeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 21, 10, 20, 0, TimeSpan.Zero);

    private static LabSnapshot AfterAFailover(LabDefinition lab) => FakeLab.Healthy(lab) with
    {
        Timeline =
        [
            FakeLab.Event(1, "kill", "kill -9 node1 (pid 4242)", T0, TimelineKind.Action),
            FakeLab.Event(2, "+sdown", "master myMaster 127.0.0.1 7001", T0.AddMilliseconds(5010), since: TimeSpan.FromSeconds(5.01), seenBy: ["sentinel1", "sentinel2", "sentinel3"]),
            FakeLab.Event(3, "+switch-master", "myMaster 127.0.0.1 7001 127.0.0.1 7002", T0.AddMilliseconds(6200), since: TimeSpan.FromSeconds(6.2), seenBy: ["sentinel1", "sentinel2"]),
        ],
        Failovers = [FakeLab.Failover(1, T0, "kill -9 node1", "node1", "node2", complete: true,
            new(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(5.01)), new(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(6.2)))],
    };

    [Fact]
    public void The_timeline_shows_the_verdict_the_failover_stopwatch_and_the_events_with_who_saw_them()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(AfterAFailover(session.Lab));
        using var screen = TuiScreen.Open(120, 40, session);

        string text = screen.Text;
        Assert.Contains("HEALTHY · master node1 (sentinels and roles agree) · ready to fail over", text);
        Assert.Contains("failover #1 (kill -9 node1) node1→node2: +sdown 5.01 · +switch-master 6.20 s", text);
        Assert.Contains("10:20:05.010 +sdown master myMaster 127.0.0.1 7001  [sentinel1,2,3]  +5.01 s", text);
        Assert.Contains("10:20:00.000 app: kill -9 node1", text);
        Assert.True(screen.Find("+switch-master myMaster").Row > screen.Find("+sdown master").Row, "newest at the bottom");
    }

    [Fact]
    public void A_snapshot_published_from_another_thread_reaches_the_screen()
    {
        using var screen = TuiScreen.Open();

        var monitor = new Thread(() => screen.Session.Publish(FakeLab.Healthy(screen.Session.Lab).WithNode("node2", n => n with { LinkStatus = "down" })));
        monitor.Start();
        monitor.Join();

        screen.WaitUntil(() => screen.Text.Contains("link down"), "the new snapshot");
        Assert.Contains("SYNCING", screen.Text);
    }

    /// <summary>Under the real loop at 30 iterations/s, a monitor event is on screen well within 150 ms.</summary>
    [Fact]
    public void In_the_running_app_a_snapshot_published_on_another_thread_is_drawn()
    {
        // How fast is the screen benchmark's job (BENCHMARKS.md); this checks that it gets there at all.
        ushort rate = Application.MaximumIterationsPerSecond;
        Application.MaximumIterationsPerSecond = 30;
        try { RunUntilDrawn(); }
        finally { Application.MaximumIterationsPerSecond = rate; } // a static: leave it as other tests expect it
    }

    private static void RunUntilDrawn()
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(80, 24);
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(FakeLab.Healthy(session.Lab));
        using var window = new MainWindow(app, session, Theme.Default, TimeZoneInfo.Utc);
        var published = new Stopwatch();
        TimeSpan? seenAfter = null;
        app.AddTimeout(TimeSpan.FromMilliseconds(200), () =>
        {
            _ = Task.Run(() =>
            {
                published.Start();
                session.Publish(FakeLab.Healthy(session.Lab).WithNode("node1", n => n with { Keys = 987654 }));
            });
            return false;
        });
        app.LayoutAndDrawComplete += (_, _) =>
        {
            if (seenAfter is null && published.IsRunning && app.Driver.ToString()!.Contains("keys 987654")) { seenAfter = published.Elapsed; window.Quit(); }
        };
        app.AddTimeout(TimeSpan.FromSeconds(5), () => { window.Quit(); return false; });

        app.Run(window);

        Assert.NotNull(seenAfter);
    }

    [Fact]
    public void The_timeline_scrolls_back_when_selected()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(FakeLab.Healthy(session.Lab) with
        {
            Timeline = [.. Enumerable.Range(1, 40).Select(i => FakeLab.Event(i, "+slave", $"slave number {i:00}", T0.AddSeconds(i)))],
        });
        using var screen = TuiScreen.Open(session: session);
        Assert.Contains("slave number 40", screen.Text);

        screen.Press(Key.Tab.WithShift, Key.PageUp);

        Assert.DoesNotContain("slave number 40", screen.Text);
        Assert.Contains("newer", screen.Text);
        screen.Press(Key.End);
        Assert.Contains("slave number 40", screen.Text);
    }
}
