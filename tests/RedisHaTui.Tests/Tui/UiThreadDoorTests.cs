using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class UiThreadDoorTests
{
    private static void Pump(IApplication app) => app.TimedEvents?.RunTimers();

    [Fact]
    public void A_burst_of_snapshots_from_the_monitor_thread_is_applied_once_and_shows_the_newest()
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        var session = new FakeSession(FakeLab.Definition());
        using var door = new UiThreadDoor(app, ex => throw ex);
        var applied = new List<long>();
        door.WatchNewest(session.Store, s => applied.Add(s.Version));

        var monitor = new Thread(() => { for (int i = 0; i < 50; i++) session.Publish(FakeLab.Healthy(session.Lab)); });
        monitor.Start();
        monitor.Join();
        Pump(app);

        Assert.Equal([session.Store.Current.Version], applied);
    }

    [Fact]
    public void Nothing_posted_runs_once_the_door_closed()
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        var session = new FakeSession(FakeLab.Definition());
        var door = new UiThreadDoor(app, ex => throw ex);
        int ran = 0;
        door.WatchNewest(session.Store, _ => ran++);
        var worker = new Thread(() => { door.Post(() => ran++); session.Publish(FakeLab.Healthy(session.Lab)); });
        worker.Start();
        worker.Join();

        door.Dispose();
        Pump(app);
        door.Post(() => ran++);
        session.Publish(FakeLab.Healthy(session.Lab));
        Pump(app);

        Assert.Equal(0, ran);
        Assert.True(door.Closing.IsCancellationRequested);
    }

    [Fact]
    public void An_exception_in_a_callback_is_reported_not_thrown()
    {
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        var reported = new List<string>();
        using var door = new UiThreadDoor(app, ex => reported.Add(ex.Message));

        var worker = new Thread(() => door.Post(() => throw new InvalidOperationException("boom")));
        worker.Start();
        worker.Join();
        Pump(app);
        door.Guarded(() => throw new InvalidOperationException("bang"));

        Assert.Equal(["boom", "bang"], reported);
    }
}
