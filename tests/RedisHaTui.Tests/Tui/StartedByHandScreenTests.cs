using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Tui;

/// <summary>The walkthrough done by hand: panes of processes started by hand read running, "started by hand", pid, log.</summary>
[Collection("Tui")]
public sealed class StartedByHandScreenTests
{
    [Theory]
    [InlineData(80, 24)]
    [InlineData(120, 36)]
    public void A_pane_of_a_process_started_by_hand_shows_its_role_that_it_was_started_by_hand_its_pid_and_its_log(int width, int height)
    {
        var session = new FakeSession(FakeLab.Definition());
        var byHand = new ProcessStatus(ProcessState.External, 4242, Detail: ProcessStatus.StartedByHandDetail);
        // The old master, restarted by hand after a failover: it follows node2.
        session.Publish(FakeLab.Healthy(session.Lab).WithNode("node1", n => FakeLab.Replica("node1", 7001, follows: "node2") with { Process = byHand }));
        session.Log("node1").Append("1:M 07 Dec 2026 19:00:00.000 * Ready to accept connections tcp");
        using var screen = TuiScreen.Open(width, height, session);

        string pane = screen.Text;
        Assert.Contains(" REPLICA  started by hand  pid 4242", pane);
        Assert.Contains("Ready to accept", pane);
        Assert.DoesNotContain("DOWN", pane);
    }
}
