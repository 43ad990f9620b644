using RedisHaTui.Core.Actions;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Tests.Tui.Fakes;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

/// <summary>The walkthrough panel and the fault menu on a headless screen, driven by published snapshots and keys.</summary>
[Collection("Tui")]
public sealed class WalkthroughAndFaultScreenTests
{
    private static readonly Core.Walkthrough.Walkthrough Guide = WalkthroughParser.Parse("w.md", """
        # Test walkthrough
        ## Start node1
        check: runs node1
        command: {node1.start}
        key: 1 then s
        node1 answers on port {node1.port}.
        ## Check replication
        check: master node1 1
        command: {node1.cli} info replication
        key: : info replication
        node2 replicates node1.
        ## Think about it
        check: manual
        Nothing to detect here.
        """, FakeLab.Definition(), new ShellForms("redis-ha-tui", null, RedisCliOnPath: true) { RedisServerOnPath = true });

    private static FakeSession EmptyLab()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(LabSnapshot.Initial(session.Lab) with { Version = 1 });
        return session;
    }

    [Fact]
    public void The_panel_shows_the_step_its_command_and_key_and_ticks_when_the_lab_shows_it_done()
    {
        using var screen = TuiScreen.Open(140, 40, EmptyLab(), walkthrough: Guide);

        string text = screen.Text;
        Assert.Contains("walkthrough 1/3 · ✓ 0", text);
        Assert.Contains(">▶ 1. Start node1", text);
        // FakeLab's run directory is not the .run/lab-0 that start.sh uses: the process is started on its working copy.
        Assert.Contains("$ cd .run/node1; redis-server ./redis.conf", text);
        Assert.Contains("in the app: 1 then s", text);
        Assert.Contains("waiting for: node1 runs", text);

        // Started by hand in another terminal: only the snapshot knows, and that is enough.
        screen.Session.Publish(LabSnapshot.Initial(screen.Session.Lab).WithNode("node1", n => n with { Reachable = true, Role = NodeRole.Master }) with { Version = 2 });

        text = screen.Text;
        Assert.Contains(" ✓ 1. Start node1", text);
        Assert.Contains(">▶ 2. Check replication", text);
        Assert.Contains("$ redis-cli -p 7001 info replication", text);
        Assert.Contains("waiting for: node1 is master with 1 replica", text);
        Assert.Contains("✓ Start node1 · next: Check replication", text);

        screen.Session.Publish(FakeLab.Healthy(screen.Session.Lab) with { Version = 3 });
        Assert.Contains("walkthrough 3/3 · ✓ 2", screen.Text);
        Assert.Contains("] when done", screen.Text);
    }

    [Fact]
    public void Brackets_move_between_steps_and_g_hides_and_shows_the_panel()
    {
        using var screen = TuiScreen.Open(140, 40, EmptyLab(), walkthrough: Guide);

        screen.Type("]");
        Assert.Contains(" » 1. Start node1", screen.Text); // passed by hand, never ticked
        Assert.Contains(">▶ 2. Check replication", screen.Text);
        screen.Type("[");
        Assert.Contains(">» 1. Start node1", screen.Text);
        Assert.Contains("» skipped", screen.Text);

        screen.Type("g");
        Assert.DoesNotContain("walkthrough", screen.Text);
        Assert.Equal(140, screen.Window.Timeline.Frame.Width); // the panes and the timeline take the whole width back
        screen.Type("g");
        Assert.Contains("walkthrough 1/3", screen.Text);
        Assert.True(screen.Window.Timeline.Frame.Width < 140);
    }

    [Fact]
    public void Without_a_walkthrough_g_says_how_to_get_one()
    {
        using var screen = TuiScreen.Open(140, 30);
        screen.Type("g");
        Assert.Contains("no walkthrough loaded: start the app with --walkthrough", screen.Text);
    }

    [Fact]
    public void The_fault_menu_lists_every_entry_says_why_one_cannot_run_and_asks_before_running()
    {
        using var screen = TuiScreen.Open(140, 40, walkthrough: null);

        screen.Type("!");
        string text = screen.Text;
        Assert.Contains("faults: break the lab on purpose", text);
        Assert.Contains("1  kill -9 the master", text);
        Assert.Contains("5  stop two sentinels: no automatic failover", text);
        Assert.Contains("7  kill the master, restart it before down-after", text);

        screen.Type("1");
        Assert.Contains("kill -9 the master?", screen.Text);
        Assert.Contains("node1 dies at once", screen.Text);
        Assert.Empty(screen.Actions.Runs); // nothing runs before the answer

        screen.Type("y");
        screen.WaitUntil(() => !screen.Actions.Runs.IsEmpty, "the kill to run");
        Assert.Equal((LabActionKind.KillMaster, null), screen.Actions.Runs.Single());
        Assert.Contains(screen.Session.Store.Current.Timeline, t => t.Kind == TimelineKind.Fault && t.Text == "fault: kill -9 the master");
    }

    [Fact]
    public void A_fault_that_cannot_run_shows_its_reason_in_the_menu_and_refuses_when_chosen()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(FakeLab.Healthy(session.Lab).WithNode("node2", n => n with { Reachable = false, Process = Core.Processes.ProcessStatus.NotStarted }));
        using var screen = TuiScreen.Open(140, 40, session);

        screen.Type("!");
        Assert.Contains("6  restart a replica and watch it resync: no replica is running", screen.Text);

        screen.Type("6");
        Assert.Contains("restart a replica and watch it resync: no replica is running", screen.Text);
        Assert.DoesNotContain("faults: break the lab", screen.Text);
        Assert.Empty(screen.Actions.Runs);
    }
}
