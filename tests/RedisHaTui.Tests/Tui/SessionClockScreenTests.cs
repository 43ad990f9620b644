using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Actions;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tests.Tui;

/// <summary>
/// The screen keeps time by the session's clock only: a replay whose clock stands still (paused) shows the same
/// screen forever, and these tests move a fake clock instead of waiting.
/// </summary>
public sealed class SessionClockScreenTests
{
    private const string Refusal = "start node1: node1 is already running (pid 4242)";

    [Fact]
    public void A_status_message_goes_when_the_session_clock_passes_its_life()
    {
        var time = new FakeTimeProvider();
        using var screen = TuiScreen.Open(session: new FakeSession(FakeLab.Definition(), time: time));
        screen.Actions.Refuse(LabActionKind.Start, "node1 is already running (pid 4242)");
        screen.Type("s");
        Assert.Contains(Refusal, screen.Rows[23]);

        time.Advance(StatusLine.MessageLife - TimeSpan.FromMilliseconds(1));
        screen.Window.Tick();
        Assert.Contains(Refusal, screen.Rows[23]);

        time.Advance(TimeSpan.FromMilliseconds(1));
        screen.Window.Tick();
        Assert.DoesNotContain(Refusal, screen.Text);
        Assert.Contains("q quit", screen.Rows[23]);
    }

    [Fact]
    public void A_status_message_stays_while_the_session_clock_stands_still()
    {
        var time = new FakeTimeProvider();
        using var screen = TuiScreen.Open(session: new FakeSession(FakeLab.Definition(), time: time));
        screen.Actions.Refuse(LabActionKind.Start, "node1 is already running (pid 4242)");
        screen.Type("s");

        // Wall time passes (the log timer ticks many times) but the session's clock does not: a paused replay.
        for (int i = 0; i < 50; i++) screen.Window.Tick();

        Assert.Contains(Refusal, screen.Rows[23]);
    }
}
