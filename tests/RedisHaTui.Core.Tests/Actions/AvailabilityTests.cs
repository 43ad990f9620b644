using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Actions;

/// <summary>What can run now is computed from the snapshot alone, inside the store's update.</summary>
public class AvailabilityTests
{
    private static readonly LabDefinition Lab = TestLabs.Definition();
    private static readonly ProcessStatus Running = new(ProcessState.Running, Pid: 42);

    private static LabStore Store(string? readOnly = null) => new(LabSnapshot.Initial(Lab), derive: s => ActionRules.Evaluate(s, Lab, new ActionPolicy(ProcessControl: readOnly)));

    private static LabSnapshot Healthy(LabSnapshot s) => s with
    {
        Nodes = [.. s.Nodes.Select((n, i) => n with
        {
            Process = Running, Reachable = true, Role = i == 0 ? NodeRole.Master : NodeRole.Replica, LinkStatus = i == 0 ? null : "up",
        })],
        Sentinels = [.. s.Sentinels.Select(x => x with
        {
            Process = Running, Reachable = true, MasterNodeName = "node1", Promotion = new PromotionVerdict("node2", [new PromotionCandidate("node2")]),
        })],
        Consensus = new Consensus { MasterByRoles = "node1", MasterBySentinels = "node1", Healthy = true },
    };

    [Fact]
    public void Every_update_recomputes_what_can_run_from_the_process_states_in_the_snapshot()
    {
        LabStore store = Store();
        Assert.Equal("node1 is not running (s starts it)", store.Current.WhyNot(LabActionKind.Kill, "node1"));
        Assert.Null(store.Current.WhyNot(LabActionKind.Start, "node1"));

        store.Update(Healthy);

        Assert.Null(store.Current.WhyNot(LabActionKind.Kill, "node1"));
        Assert.Equal("node1 is already running", store.Current.WhyNot(LabActionKind.Start, "node1"));
        Assert.Null(store.Current.WhyNot(LabActionKind.Failover));
        Assert.Equal("node2 is not paused", store.Current.WhyNot(LabActionKind.Resume, "node2"));

        store.Update(s => s.WithNodeProcess("node2", Running with { State = ProcessState.Paused }));

        Assert.Null(store.Current.WhyNot(LabActionKind.Resume, "node2"));
        Assert.Equal("node2 is already paused", store.Current.WhyNot(LabActionKind.Pause, "node2"));
    }

    [Fact]
    public void A_process_started_by_hand_on_an_owned_lab_is_acted_on_by_its_pid_once_that_pid_is_known()
    {
        LabStore store = Store();
        store.Update(Healthy);
        var byHand = new ProcessStatus(ProcessState.External, 4242, Detail: ProcessStatus.StartedByHandDetail);

        store.Update(s => s.WithNodeProcess("node1", byHand));

        Assert.Equal("node1 is already running (started by hand, pid 4242)", store.Current.WhyNot(LabActionKind.Start, "node1"));
        foreach (LabActionKind kind in new[] { LabActionKind.Kill, LabActionKind.KillMaster, LabActionKind.Stop, LabActionKind.Restart, LabActionKind.Pause })
            Assert.Null(store.Current.WhyNot(kind, kind == LabActionKind.KillMaster ? null : "node1"));
        Assert.Equal("node1 is not paused", store.Current.WhyNot(LabActionKind.Resume, "node1"));

        // Seen answering, its pid not (yet) confirmed as the port's owner: no signal goes anywhere.
        store.Update(s => s.WithNodeProcess("node1", byHand with { Pid = null }));

        Assert.Equal($"node1 was started by hand and its pid is not known (yet): this app signals only the pid that owns :{Lab.Nodes[0].Port}",
            store.Current.WhyNot(LabActionKind.Kill, "node1"));
        Assert.Equal("node1 is already running (started by hand)", store.Current.WhyNot(LabActionKind.Start, "node1"));
    }

    [Fact]
    public void A_lab_started_elsewhere_refuses_process_actions_with_the_sources_reason_but_allows_sentinel_commands()
    {
        LabStore store = Store(readOnly: "attached with --no-start");
        store.Update(Healthy);

        Assert.Equal("attached with --no-start", store.Current.WhyNot(LabActionKind.Kill, "node1"));
        Assert.Equal("attached with --no-start", store.Current.WhyNot(LabActionKind.KillMaster));
        Assert.Null(store.Current.WhyNot(LabActionKind.Failover));
        Assert.Null(store.Current.WhyNot(LabActionKind.CheckQuorum));
    }

    [Fact]
    public void Failover_says_why_not_in_sentinels_words()
    {
        LabStore store = Store();
        Assert.Equal("no sentinel reachable", store.Current.WhyNot(LabActionKind.Failover));

        // Sentinel's verdict, not the nodes' links: the sentinels say why they would promote nobody.
        var nobody = new PromotionVerdict(null, [new PromotionCandidate("node2", "sentinel1 has no connection to node2")]);
        store.Update(s => Healthy(s) with { Sentinels = [.. Healthy(s).Sentinels.Select(x => x with { Promotion = nobody })] });
        Assert.Equal("no replica to promote: sentinel1 has no connection to node2 (Sentinel would answer NOGOODSLAVE)", store.Current.WhyNot(LabActionKind.Failover));

        store.Update(s => s with { Sentinels = [.. s.Sentinels.Select(x => x with { FailoverInProgress = true, FailoverState = "wait_promotion" })] });
        Assert.Equal("a failover is in progress (sentinel1: wait_promotion); Sentinel answers INPROG until it ends", store.Current.WhyNot(LabActionKind.Failover));
    }

    [Fact]
    public void Every_command_of_the_table_has_an_answer_for_every_process_it_applies_to()
    {
        LabSnapshot s = Store().Current;
        foreach (LabCommand c in LabCommands.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Help));
            if (c.Scope == CommandScope.Lab) Assert.DoesNotContain("no process named", s.WhyNot(c.Kind) ?? "");
            else foreach (ProcessDefinition p in Lab.Processes) Assert.DoesNotContain("no process named", s.WhyNot(c.Kind, p.Name) ?? "");
        }
        Assert.Equal("select a process first", s.WhyNot(LabActionKind.Kill));
    }
}

internal static class SnapshotEdits
{
    public static LabSnapshot WithNodeProcess(this LabSnapshot s, string name, ProcessStatus status) =>
        s with { Nodes = [.. s.Nodes.Select(n => n.Name == name ? n with { Process = status } : n)] };
}
