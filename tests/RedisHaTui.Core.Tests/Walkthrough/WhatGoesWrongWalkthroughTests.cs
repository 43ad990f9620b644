using RedisHaTui.Core.Events;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>The third shipped walkthrough (lab/what-goes-wrong.md) and the `lesson NAME` check it ticks on.</summary>
public class WhatGoesWrongWalkthroughTests
{
    private static readonly LabDefinition Lab = TestLabs.Definition();
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void It_loads_and_walks_every_lesson_in_the_menus_order()
    {
        var w = WalkthroughParser.Parse("lab/what-goes-wrong.md", TestLabs.Template(".", "what-goes-wrong.md"), Lab);

        Assert.Equal(FaultMenu.Lessons.Select(l => l.Name), w.Steps.Where(s => s.Check.Kind == CheckKind.Lesson).Select(s => s.Check.Key));
        Assert.Equal(CheckKind.SentinelsKnow, w.Steps[0].Check.Kind);
        // Each lesson step names the fault-menu entry that plays it.
        foreach (WalkthroughStep step in w.Steps.Where(s => s.Check.Kind == CheckKind.Lesson))
            Assert.StartsWith($"! then \"", step.Key);
    }

    [Theory]
    [InlineData("lesson nope", "lesson: no lesson named 'nope' (known: quorum, forget, forget-sentinel, announce, pinned, down-after)")]
    [InlineData("lesson", "lesson takes 1 argument, got 0: check: lesson NAME")]
    public void A_lesson_check_names_a_lesson_the_menu_has(string check, string problem)
    {
        Assert.Null(WalkthroughParser.ParseCheck(check, Lab, out string? why));
        Assert.Equal(problem, why);
    }

    private static LabSnapshot Mark(LabSnapshot s, string lesson, double seconds) =>
        Timeline.Add(s, TimelineKind.Fault, FaultMenu.LessonNamed(lesson)!.MarkText, T0.AddSeconds(seconds), 100);

    private static LabSnapshot NotElected(LabSnapshot s, double seconds) =>
        Timeline.AddSentinelEvent(s, "sentinel3", SentinelEvent.Parse("-failover-abort-not-elected", "master myMaster 127.0.0.1 7001"), T0.AddSeconds(seconds), 100);

    [Fact]
    public void A_lesson_ticks_only_on_its_outcome_seen_after_its_own_mark()
    {
        LabSnapshot s = LabSnapshot.Initial(Lab);
        var quorum = new StepCheck(CheckKind.Lesson, Key: "quorum");
        LabSnapshot abortFirst = NotElected(s, 1);

        Assert.False(StepConditions.IsMet(quorum, abortFirst)); // the outcome without the lesson: someone else's
        Assert.False(StepConditions.IsMet(quorum, Mark(abortFirst, "quorum", 2))); // before its mark
        Assert.False(StepConditions.IsMet(quorum, NotElected(Mark(s, "forget", 1), 9))); // after another lesson's mark
        LabSnapshot played = NotElected(Mark(s, "quorum", 1), 9);
        Assert.True(StepConditions.IsMet(quorum, played));
        Assert.Equal("lesson quorum played: a lone sentinel was not elected (-failover-abort-not-elected)", quorum.Describe());
    }

    [Fact]
    public void The_pinned_lesson_ticks_on_a_pinned_client_refused_with_READONLY_after_its_mark()
    {
        var pinned = new StepCheck(CheckKind.Lesson, Key: "pinned");
        LabSnapshot s = Mark(LabSnapshot.Initial(Lab), "pinned", 10);
        var ledger = new LoadLedger { Number = 2, StartedAt = T0.AddSeconds(10.1), Client = "pinned", PinnedTo = "node1" };

        Assert.False(StepConditions.IsMet(pinned, s with { Loads = [ledger] }));
        Assert.True(StepConditions.IsMet(pinned, s with { Loads = [ledger with { Errors = [new(WriteErrorKind.ReadOnly, 3)] }] }));
        // A pinned run from before the lesson does not count.
        Assert.False(StepConditions.IsMet(pinned, s with { Loads = [ledger with { StartedAt = T0, Errors = [new(WriteErrorKind.ReadOnly, 3)] }] }));
    }
}
