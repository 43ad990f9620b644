using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Processes;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Input;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class KeyActionTests
{
    public static TheoryData<char, LabActionKind> ProcessKeys => new()
    {
        { 's', LabActionKind.Start },
        { 'x', LabActionKind.Stop },
        { 'k', LabActionKind.Kill },
        { 'r', LabActionKind.Restart },
        { 'p', LabActionKind.Pause },
        { 'd', LabActionKind.DebugSleep },
    };

    [Theory]
    [MemberData(nameof(ProcessKeys))]
    public void A_letter_runs_its_action_on_the_selected_process_and_shows_the_result(char key, LabActionKind kind)
    {
        var session = new FakeSession(FakeLab.Definition());
        // The core's rules decide what may run: start needs a stopped node2, the others a running one.
        session.Publish(kind == LabActionKind.Start
            ? FakeLab.Healthy(session.Lab).WithNode("node2", n => n.Unreachable("exited") with { Process = new ProcessStatus(ProcessState.Exited, ExitCode: 0) })
            : FakeLab.Healthy(session.Lab));
        using var screen = TuiScreen.Open(session: session);
        screen.Press(Key.Tab); // node2

        screen.Type(key.ToString());

        screen.WaitUntil(() => screen.Text.Contains($"{kind} node2 done"), "the action's result in the status bar");
        Assert.Equal([(kind, "node2")], screen.Actions.Runs);
    }

    [Fact]
    public void P_resumes_a_paused_process()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(FakeLab.Healthy(session.Lab).WithNode("node1", n => n with { Process = new ProcessStatus(ProcessState.Paused, 42) }));
        using var screen = TuiScreen.Open(session: session);

        screen.Type("p");

        screen.WaitUntil(() => !screen.Actions.Runs.IsEmpty, "the action");
        Assert.Equal([(LabActionKind.Resume, "node1")], screen.Actions.Runs);
    }

    /// <summary>The store is the one place process state lives: p reads it even before the pane has drawn it.</summary>
    [Fact]
    public void P_decides_from_the_current_snapshot_not_from_what_the_pane_last_showed()
    {
        using var screen = TuiScreen.Open();
        var monitor = new Thread(() => screen.Session.Publish(
            FakeLab.Healthy(screen.Session.Lab).WithNode("node1", n => n with { Process = new ProcessStatus(ProcessState.Paused, 42) })));
        monitor.Start();
        monitor.Join(); // queued for the UI thread, not applied yet: the pane still says MASTER
        Assert.DoesNotContain("PAUSED", screen.Text);

        screen.Type("p");

        screen.WaitUntil(() => !screen.Actions.Runs.IsEmpty, "the action");
        Assert.Equal([(LabActionKind.Resume, "node1")], screen.Actions.Runs);
    }

    [Theory]
    [InlineData('K', LabActionKind.KillMaster)]
    [InlineData('c', LabActionKind.CheckQuorum)]
    public void Lab_wide_actions_need_no_selection(char key, LabActionKind kind)
    {
        using var screen = TuiScreen.Open();
        screen.Press(Key.Tab.WithShift); // the timeline: no process selected

        screen.Type(key.ToString());

        screen.WaitUntil(() => !screen.Actions.Runs.IsEmpty, "the action");
        Assert.Equal([(kind, (string?)null)], screen.Actions.Runs);
    }

    [Fact]
    public void An_unavailable_action_says_why_in_the_status_bar_and_does_not_run()
    {
        using var screen = TuiScreen.Open();
        screen.Actions.Refuse(LabActionKind.Start, "node1 is already running (pid 4242)");

        screen.Type("s");

        Assert.Contains("start node1: node1 is already running (pid 4242)", screen.Rows[23]);
        Assert.Empty(screen.Actions.Runs);
    }

    /// <summary>Every key the table marks as running a lab action asks the core first: a refusal is said, nothing runs.</summary>
    public static TheoryData<char> EveryActionKey => new(KeyMap.All.Where(b => b.Action is not null).Select(b => b.Chars[0]));

    [Theory]
    [MemberData(nameof(EveryActionKey))]
    public void Every_action_key_shows_the_cores_refusal_instead_of_running(char key)
    {
        using var screen = TuiScreen.Open();
        foreach (LabActionKind kind in Enum.GetValues<LabActionKind>()) screen.Actions.Refuse(kind, "the core says no");

        screen.Type(key.ToString());

        Assert.Contains(": the core says no", screen.Rows[23]);
        Assert.DoesNotContain("Sentinel will promote", screen.Text);
        Assert.Empty(screen.Actions.Runs);
    }

    [Fact]
    public void A_process_action_with_the_timeline_selected_asks_for_a_process_pane()
    {
        using var screen = TuiScreen.Open();
        screen.Press(Key.Tab.WithShift);

        screen.Type("k");

        Assert.Contains("select a process pane first", screen.Rows[23]);
        Assert.Empty(screen.Actions.Runs);
    }

    [Fact]
    public void F_asks_first_saying_what_sentinel_will_do_and_y_confirms()
    {
        using var screen = TuiScreen.Open();

        screen.Type("f");

        Assert.Contains("Sentinel will promote a replica (node2) of node1; node1 becomes a replica.", screen.Text);
        Assert.Contains("~1 s to promote, ~1-6 s for sentinels to agree.", screen.Text);
        Assert.Empty(screen.Actions.Runs);

        screen.Type("y");

        screen.WaitUntil(() => !screen.Actions.Runs.IsEmpty, "the failover");
        Assert.Equal([(LabActionKind.Failover, (string?)null)], screen.Actions.Runs);
        Assert.DoesNotContain("Sentinel will promote", screen.Text);
    }

    [Fact]
    public void Enter_also_confirms_a_failover_and_Esc_cancels_it()
    {
        using var screen = TuiScreen.Open();

        screen.Type("f");
        screen.Press(Key.Esc);
        Assert.DoesNotContain("Sentinel will promote", screen.Text);
        Assert.Empty(screen.Actions.Runs);

        screen.Type("f");
        screen.Press(Key.Enter);
        screen.WaitUntil(() => !screen.Actions.Runs.IsEmpty, "the failover");
        Assert.False(screen.Window.Zoomed, "Enter confirmed the dialog; it must not also zoom");
    }

    [Fact]
    public void An_unavailable_failover_says_why_without_asking()
    {
        using var screen = TuiScreen.Open();
        screen.Actions.Refuse(LabActionKind.Failover, "no sentinel reachable");

        screen.Type("f");

        Assert.DoesNotContain("Sentinel will promote", screen.Text);
        Assert.Contains("failover: no sentinel reachable", screen.Rows[23]);
    }

    [Fact]
    public void On_someone_elses_deployment_a_failover_is_confirmed_by_typing_the_master_name_not_by_y()
    {
        var session = new FakeSession(FakeLab.Definition()) { Policy = new ActionPolicy(ConfirmFailoverByName: true) };
        session.Publish(FakeLab.Healthy(session.Lab));
        using var screen = TuiScreen.Open(session: session);

        screen.Type("f");
        Assert.Contains("type myMaster", screen.Text);
        screen.Type("y");
        screen.Press(Key.Enter);
        Assert.Empty(screen.Actions.Runs); // "y" is not the name
        Assert.Contains("that is not myMaster", screen.Text);

        screen.Type("myMaster");
        screen.Press(Key.Enter);
        screen.WaitUntil(() => !screen.Actions.Runs.IsEmpty, "the failover");
        Assert.Equal([(LabActionKind.Failover, (string?)null)], screen.Actions.Runs);
    }
}
