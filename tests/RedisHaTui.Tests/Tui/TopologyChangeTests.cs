using RedisHaTui.Core.State;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Tui;

/// <summary>A deployment gains or loses a process while the screen shows it: the panes follow the snapshot.</summary>
[Collection("Tui")]
public sealed class TopologyChangeTests
{
    [Fact]
    public void A_replica_found_later_gets_a_pane_and_one_gone_loses_it()
    {
        var session = new FakeSession(FakeLab.Definition(nodes: 2));
        session.Publish(FakeLab.Healthy(session.Lab));
        using var screen = TuiScreen.Open(160, 45, session);
        Assert.DoesNotContain("node3", screen.Text);

        session.Lab = FakeLab.Definition(nodes: 3);
        session.Publish(FakeLab.Healthy(session.Lab));
        screen.WaitUntil(() => screen.Text.Contains("3 node3"), "a pane for node3, numbered after node2");
        Assert.Contains("6 sentinel3", screen.Text);

        session.Lab = FakeLab.Definition(nodes: 2);
        session.Publish(FakeLab.Healthy(session.Lab));
        screen.WaitUntil(() => !screen.Text.Contains("node3"), "node3's pane gone");
        Assert.Contains("5 sentinel3", screen.Text);
        Assert.Contains("HEALTHY", screen.Text); // the timeline and status line are still there, above the new panes
    }
}
