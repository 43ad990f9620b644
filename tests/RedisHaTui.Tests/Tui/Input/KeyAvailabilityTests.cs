using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Input;

namespace RedisHaTui.Tests.Tui.Input;

/// <summary>The `?` help and the status bar list every key, and dim the ones that cannot run now with the snapshot's reason.</summary>
public sealed class KeyAvailabilityTests
{
    private static readonly LabDefinition Lab = FakeLab.Definition();

    /// <summary>The core's rules over <paramref name="s"/>, as the store derives them in every update.</summary>
    private static LabSnapshot Evaluated(LabSnapshot s) => ActionRules.Evaluate(s, Lab, ActionPolicy.Owner);

    /// <summary>node2 stopped: every sentinel lists it s_down, so none would promote it (as SENTINEL REPLICAS says then).</summary>
    private static LabSnapshot Node2Down => Evaluated(FakeLab.Healthy(Lab)
        .WithNode("node2", n => n with { Reachable = false, Process = ProcessStatus.NotStarted, Role = NodeRole.Unknown, LinkStatus = null })
        .WithEverySentinel(x => x with { Promotion = new PromotionVerdict(null, [new PromotionCandidate("node2", $"{x.Name} sees node2 down (s_down)", Down: true)]) }));

    [Fact]
    public void Help_keeps_every_key_and_dims_the_ones_that_cannot_run_with_the_reason()
    {
        IReadOnlyList<HelpRow> rows = KeyMap.HelpRows(Node2Down, selected: "node2");
        Assert.Equal(KeyMap.HelpLines, rows.Select(r => r.Line));

        string? Why(char key) => rows.Single(r => r.Line.Keys == key.ToString()).WhyNot;
        Assert.Equal("node2 is not running (s starts it)", Why('k'));
        Assert.Equal("node2 is not running (s starts it)", Why('x'));
        Assert.Null(Why('s'));
        Assert.Equal("no replica to promote: sentinel1 sees node2 down (s_down) (Sentinel would answer NOGOODSLAVE)", Why('f'));
        Assert.Null(Why('K')); // node1 is master and runs
        Assert.Null(rows.Single(r => r.Line.Keys == "?  F1").WhyNot); // a key that runs no lab command is never dimmed

        IReadOnlyList<Fact> lines = HelpText.Lines(rows);
        Fact kill = lines.Single(l => l.Text.StartsWith("k  ", StringComparison.Ordinal));
        Assert.Equal(Tone.Dim, kill.Tone);
        Assert.EndsWith("kill -9 it · not now: node2 is not running (s starts it)", kill.Text);
        Assert.Equal(Tone.Normal, lines.Single(l => l.Text.StartsWith("s  ", StringComparison.Ordinal)).Tone);
        Assert.Contains(lines, l => l.Text.Contains("Tab walks the panes, then the timeline and the write-load chart: z"));
    }

    [Fact]
    public void Per_process_keys_are_judged_on_the_selected_process_and_p_is_resume_on_a_paused_one()
    {
        LabSnapshot paused = Evaluated(FakeLab.Healthy(Lab).WithNode("node2", n => n with { Process = new ProcessStatus(ProcessState.Paused, Pid: 4243) }));
        Binding p = KeyMap.All.Single(b => b.Chars == "p");
        Binding k = KeyMap.All.Single(b => b.Chars == "k");

        Assert.Null(KeyMap.WhyNot(p, paused, "node2")); // resume is what p does now
        Assert.Null(KeyMap.WhyNot(k, Node2Down, "node1"));
        Assert.Equal("select a process pane first (1-9, Tab, or click it)", KeyMap.WhyNot(k, Node2Down, null));
    }

    [Fact]
    public void The_status_bar_dims_exactly_the_hints_whose_key_cannot_run()
    {
        IReadOnlySet<StatusHint> dimmed = KeyMap.DisabledHints(Node2Down, "node2");
        Assert.Equal(["k", "f", "p"], KeyMap.Hints.Where(dimmed.Contains).Select(h => h.Keys));
        Assert.Empty(KeyMap.DisabledHints(Evaluated(FakeLab.Healthy(Lab)), "node2"));
    }
}
