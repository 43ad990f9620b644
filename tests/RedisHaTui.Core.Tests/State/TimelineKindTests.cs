using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.State;

/// <summary>
/// Code compares a timeline entry's typed kind; scripts (events --json, handouts) read its word, which stays the one
/// the timeline always printed.
/// </summary>
public class TimelineKindTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly LabSnapshot Empty = LabSnapshot.Initial(TestLabs.Definition(nodes: 2));

    [Theory]
    [InlineData(TimelineKind.Start, "start")]
    [InlineData(TimelineKind.Error, "error")]
    [InlineData(TimelineKind.Fault, "fault")]
    [InlineData(TimelineKind.ReadOnly, "readonly")]
    [InlineData(TimelineKind.Writes, "writes")]
    [InlineData(TimelineKind.LoadSummary, "write")]
    [InlineData(TimelineKind.Partition, "partition")]
    [InlineData(TimelineKind.Heal, "heal")]
    [InlineData(TimelineKind.Topology, "topology")]
    [InlineData(TimelineKind.Screen, "screen")]
    [InlineData(TimelineKind.Handout, "handout")]
    public void An_app_entry_keeps_the_word_scripts_read(TimelineKind kind, string word)
    {
        TimelineEntry e = Assert.Single(Timeline.Add(Empty, kind, "text", T0, 10).Timeline);
        Assert.Equal((kind, word, TimelineSource.App), (e.Kind, e.Name, e.Source));
    }

    [Fact]
    public void An_action_is_named_as_before_and_says_which_action_it_was()
    {
        TimelineEntry e = Assert.Single(Timeline.AddAction(Empty, LabActionKind.KillMaster, "kill -9 node1", T0, 10).Timeline);
        Assert.Equal((TimelineKind.Action, "killmaster", LabActionKind.KillMaster, TimelineSource.App), (e.Kind, e.Name, e.Action, e.Source));
    }

    [Fact]
    public void A_process_change_comes_from_the_processes()
    {
        TimelineEntry e = Assert.Single(Timeline.AddProcess(Empty, "exited", "node1 exited: SIGKILL", T0, 10).Timeline);
        Assert.Equal((TimelineKind.Process, "exited", TimelineSource.Process), (e.Kind, e.Name, e.Source));
    }

    [Fact]
    public void A_sentinel_event_keeps_its_channel_name_even_when_the_app_has_no_type_for_it()
    {
        LabSnapshot s = Timeline.AddSentinelEvent(Empty, "sentinel1", SentinelEvent.Parse("+sdown", "master myMaster 127.0.0.1 7001"), T0, 10);
        s = Timeline.AddSentinelEvent(s, "sentinel1", SentinelEvent.Parse("+set", "master myMaster 127.0.0.1 7001 parallel-syncs 2"), T0, 10);

        Assert.Equal([(TimelineKind.SentinelEvent, "+sdown", SentinelEventKind.SDown), (TimelineKind.SentinelEvent, "+set", SentinelEventKind.Other)],
            s.Timeline.Select(e => (e.Kind, e.Name, e.Event)));
        Assert.All(s.Timeline, e => Assert.Equal(TimelineSource.Sentinel, e.Source));
    }

    [Theory]
    [InlineData(TimelineKind.SentinelEvent)]
    [InlineData(TimelineKind.Process)]
    [InlineData(TimelineKind.Action)]
    public void A_kind_whose_word_depends_on_the_entry_has_no_fixed_word(TimelineKind kind) =>
        Assert.Throws<ArgumentException>(() => TimelineKindNames.Of(kind));
}
