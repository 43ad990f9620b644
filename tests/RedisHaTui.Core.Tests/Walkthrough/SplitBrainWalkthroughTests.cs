using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>The second shipped walkthrough (lab/split-brain.md) and the checks it ticks on: the cut, two masters, the heal, the lost writes.</summary>
public class SplitBrainWalkthroughTests
{
    private static readonly LabDefinition Off = TestLabs.Definition();
    private static readonly LabDefinition On = Off with { Network = LabNetwork.For(Off, partitions: true) };

    private static string Shipped() => TestLabs.Template(".", "split-brain.md");

    [Fact]
    public void The_split_brain_walkthrough_loads_on_a_lab_with_partitions_on()
    {
        var w = WalkthroughParser.Parse("lab/split-brain.md", Shipped(), On);

        Assert.Equal(11, w.Steps.Length);
        Assert.Contains(w.Steps, s => s.Check.Kind == CheckKind.WritesLost && s.Check.Node == "A");
    }

    [Fact]
    public void Without_partitions_its_client_checks_are_refused_naming_the_flag()
    {
        string[] problems = [.. Assert.Throws<LabLoadException>(() => WalkthroughParser.Parse("lab/split-brain.md", Shipped(), Off)).Problems];

        Assert.Contains(problems, p => p.Contains("writes-lost: clients with their own address need partitions: run with --Lab:Network:Partitions true"));
    }

    [Fact]
    public void The_partition_checks_read_the_snapshot()
    {
        LabSnapshot s = LabSnapshot.Initial(On);
        var cut = new NetworkCut(["node1"], ["node2"]);
        StepCheck partitioned = new(CheckKind.Partitioned), healed = new(CheckKind.Healed), lost = new(CheckKind.WritesLost, Node: "A");
        LabSnapshot cutNow = s with { Network = new NetworkState { Cut = cut } };
        LabSnapshot healedNow = Timeline.Add(s, TimelineKind.Heal, "healed", DateTimeOffset.UnixEpoch, 10);
        LoadLedger first = new() { Number = 1, StartedAt = DateTimeOffset.UnixEpoch, Client = "A", Lost = 40 };

        Assert.True(StepConditions.IsMet(partitioned, cutNow));
        Assert.False(StepConditions.IsMet(partitioned, s));
        Assert.False(StepConditions.IsMet(healed, s)); // whole, but never cut
        Assert.False(StepConditions.IsMet(healed, healedNow with { Network = new NetworkState { Cut = cut } }));
        Assert.True(StepConditions.IsMet(healed, healedNow));
        Assert.True(StepConditions.IsMet(lost, s with { Loads = [first] }));
        // A second run of A that is still writing: the first run's loss does not tick the second lesson's step.
        Assert.False(StepConditions.IsMet(lost, s with { Loads = [first, new LoadLedger { Number = 2, StartedAt = DateTimeOffset.UnixEpoch, Client = "A", Running = true }] }));
    }
}
