using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>Progress is a fold over snapshots: ticks stay, come in order, and the shown step follows the lab.</summary>
public class WalkthroughProgressTests
{
    private static readonly LabDefinition Lab = TestLabs.Definition();
    private static readonly RedisHaTui.Core.Walkthrough.Walkthrough Steps = WalkthroughParser.Parse("w.md", """
        ## Start node1
        check: runs node1
        ## Start node2
        check: runs node2
        ## Think
        check: manual
        ## Replicate
        check: replica-of node2 node1
        """, Lab);

    private static LabSnapshot Up(params string[] names) =>
        LabSnapshot.Initial(Lab) with { Nodes = [.. LabSnapshot.Initial(Lab).Nodes.Select(n => n with { Reachable = names.Contains(n.Name) })] };

    [Fact]
    public void A_step_ticks_when_the_lab_shows_it_and_the_panel_moves_on()
    {
        WalkthroughProgress p = WalkthroughProgress.Start(Steps);
        Assert.Equal(0, p.Current);

        p = p.Observe(Steps, Up("node1"));

        Assert.Equal(StepState.Done, p.StateOf(0));
        Assert.Equal(StepState.Current, p.StateOf(1));
        Assert.Equal(1, p.Shown);
    }

    [Fact]
    public void A_tick_stays_when_the_lab_moves_on_and_several_steps_tick_in_one_snapshot()
    {
        WalkthroughProgress p = WalkthroughProgress.Start(Steps).Observe(Steps, Up("node1", "node2"));
        Assert.Equal(2, p.DoneCount);
        Assert.Equal(2, p.Current); // stops at the manual step

        p = p.Observe(Steps, Up()); // everything killed
        Assert.Equal(2, p.DoneCount);
    }

    [Fact]
    public void A_later_step_never_ticks_before_the_ones_before_it()
    {
        WalkthroughProgress p = WalkthroughProgress.Start(Steps).Observe(Steps, Up("node2"));
        Assert.Equal(0, p.DoneCount);
        Assert.Equal(StepState.Current, p.StateOf(0));
    }

    [Fact]
    public void Next_passes_a_manual_step_as_done_and_an_undetected_one_as_skipped()
    {
        WalkthroughProgress p = WalkthroughProgress.Start(Steps).Observe(Steps, Up("node1", "node2"));
        p = p.Next(Steps);
        Assert.Equal(StepState.Done, p.StateOf(2));
        Assert.Equal(3, p.Shown);

        p = p.Next(Steps);
        Assert.Equal(StepState.Skipped, p.StateOf(3));
        Assert.True(p.Finished);
        Assert.Equal(3, p.Shown); // stays on the last step
    }

    [Fact]
    public void Previous_and_next_only_look_back_while_the_lab_keeps_ticking()
    {
        WalkthroughProgress p = WalkthroughProgress.Start(Steps).Observe(Steps, Up("node1"));
        p = p.Previous();
        Assert.Equal(0, p.Shown);
        Assert.Equal(StepState.Done, p.StateOf(0));

        p = p.Observe(Steps, Up("node1", "node2")); // step 2 ticks while step 1 is shown: the view stays where it is
        Assert.Equal(0, p.Shown);
        Assert.Equal(2, p.Current);

        p = p.Next(Steps); // looking at a done step: moves the view only
        Assert.Equal(1, p.Shown);
        Assert.Equal(StepState.Done, p.StateOf(1));
        Assert.Equal(StepState.Current, p.StateOf(2));
    }
}
