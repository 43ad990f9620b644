using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Sources;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Faults;

/// <summary>The fault menu's words and refusals come from the snapshot alone; the resync's reason from Redis's own log lines.</summary>
public class FaultMenuTests
{
    private static readonly LabDefinition Lab = TestLabs.Definition();
    private static readonly ProcessStatus Running = new(ProcessState.Running, Pid: 42);

    private static FaultEntry Entry(string title) => FaultMenu.All.Single(e => e.Title.StartsWith(title, StringComparison.Ordinal));

    private static LabSnapshot Healthy(int sentinelsUp = 3)
    {
        LabSnapshot s = LabSnapshot.Initial(Lab);
        s = s with
        {
            Nodes = [.. s.Nodes.Select((n, i) => n with { Process = Running, Reachable = true, Role = i == 0 ? NodeRole.Master : NodeRole.Replica, LinkStatus = i == 0 ? null : "up" })],
            Sentinels = [.. s.Sentinels.Select((x, i) => i < sentinelsUp ? x with { Process = Running, Reachable = true, MasterNodeName = "node1" } : x)],
            Consensus = new Consensus { MasterByRoles = "node1", MasterBySentinels = "node1", Healthy = true },
        };
        return ActionRules.Evaluate(s, Lab, ActionPolicy.Owner);
    }

    /// <summary>What "kill the master and restart" says follows what happened: the restart's time against down-after, and a +sdown seen.</summary>
    [Theory]
    [InlineData(1.32, null, "node1 killed (kill -9), then node1 started 1.32 s later: before down-after, so no failover (down-after 5.0 s)")]
    [InlineData(4.99, null, "then node1 started 4.99 s later: before down-after, so no failover")]
    [InlineData(5.0, null, "then node1 started 5.0 s later: not before down-after (5.0 s), so the sentinels may mark it +sdown and fail over: see the stopwatch")]
    [InlineData(7.25, null, "not before down-after (5.0 s)")]
    [InlineData(7.25, 5.06, "then node1 started 7.25 s later: too late, the sentinels marked it +sdown 5.06 s after the kill (down-after 5.0 s), so they may fail over: see the stopwatch")]
    [InlineData(3.0, 2.9, "too late, the sentinels marked it +sdown 2.9 s after the kill")] // a sentinel's +sdown is what counts, whatever the plan
    public void Kill_and_restart_says_whether_the_restart_beat_down_after(double backSeconds, double? sdownSeconds, string expected)
    {
        string text = FaultMenu.KillRestartText("node1 killed (kill -9)", "node1 started", TimeSpan.FromSeconds(backSeconds), TimeSpan.FromSeconds(5),
            sdownSeconds is { } d ? TimeSpan.FromSeconds(d) : null);

        Assert.Contains(expected, text);
        Assert.Equal(sdownSeconds is null && backSeconds < 5, text.Contains("no failover", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_entry_runs_on_a_healthy_lab_and_says_what_to_expect_with_the_labs_names()
    {
        LabSnapshot s = Healthy();
        // The partition lessons need a lab with partitions on (PartitionLessonTests); every other entry runs here.
        Assert.All(FaultMenu.All.Except(PartitionLessons.All), e => Assert.Null(FaultMenu.WhyNot(e, s, Lab)));
        Assert.Contains("node1 dies at once", Entry("kill -9").Expect(s, Lab));
        Assert.Contains("freezes for 8 s: longer than down-after-milliseconds (5 s)", Entry("pause").Expect(s, Lab));
        Assert.Contains("2 of 3 sentinels remain: enough for the quorum (2) and the majority (2)", Entry("stop one").Expect(s, Lab));
        Assert.Contains("Only 1 of 3 sentinels remain: below the quorum (2)", Entry("stop two").Expect(s, Lab));
        Assert.Contains("sentinel1 and sentinel2 stop", Entry("stop two").Expect(s, Lab));
        Assert.Contains("node2 stops and starts again, then asks node1 to resync", Entry("restart a replica").Expect(s, Lab));
        Assert.Contains("started again after 1.3 s, before down-after-milliseconds (5 s)", Entry("kill the master, restart").Expect(s, Lab));
    }

    [Fact]
    public void Killing_the_master_says_whom_the_sentinels_would_promote_or_warns_that_one_would_abort()
    {
        var node2 = new PromotionVerdict("node2", [new PromotionCandidate("node2")]);
        var nobody = new PromotionVerdict(null, [new PromotionCandidate("node2", "sentinel2 has no connection to node2")]);
        LabSnapshot ready = Healthy() with { Sentinels = [.. Healthy().Sentinels.Select(x => x with { Promotion = node2 })] };
        LabSnapshot oneCannot = ready with { Sentinels = [.. ready.Sentinels.Select(x => x.Name == "sentinel2" ? x with { Promotion = nobody } : x)] };

        Assert.EndsWith("The sentinels would promote node2.", Entry("kill -9").Expect(ready, Lab));
        Assert.EndsWith("Warning: sentinel2 would promote no replica now (sentinel2 has no connection to node2); if it is elected leader, it aborts " +
            "the failover (-failover-abort-no-good-slave) and the next try waits 2 × failover-timeout.", Entry("pause").Expect(oneCannot, Lab));
        Assert.Null(FaultMenu.WhyNot(Entry("kill -9"), oneCannot, Lab)); // a warning, not a refusal: the lesson may still be played
    }

    [Fact]
    public void Entries_that_cannot_run_say_why_with_the_actions_own_reasons()
    {
        LabSnapshot empty = ActionRules.Evaluate(LabSnapshot.Initial(Lab), Lab, ActionPolicy.Owner);
        Assert.Equal("no master to kill", FaultMenu.WhyNot(Entry("kill -9"), empty, Lab));
        Assert.Equal("no master to act on", FaultMenu.WhyNot(Entry("pause"), empty, Lab));
        Assert.Equal("no sentinel is running", FaultMenu.WhyNot(Entry("stop one"), empty, Lab));
        Assert.Equal("needs two running sentinels (1 running)", FaultMenu.WhyNot(Entry("stop two"), Healthy(sentinelsUp: 1), Lab));
        Assert.Equal("no replica is running", FaultMenu.WhyNot(Entry("restart a replica"), empty, Lab));

        LabSnapshot paused = Healthy() with { Nodes = [.. Healthy().Nodes.Select(n => n.Name == "node1" ? n with { Process = new ProcessStatus(ProcessState.Paused, Pid: 42) } : n)] };
        Assert.Equal("node1 is already paused", FaultMenu.WhyNot(Entry("pause"), ActionRules.Evaluate(paused, Lab, ActionPolicy.Owner), Lab));
    }

    private const string ReadOnly = "attached to a deployment: read-only (this app did not start these processes)";
    private const string NoWrites = "attached to a deployment: read-only; start with --allow-writes";
    private const string NoFailover = "attached to a deployment: failover needs --allow-failover";

    /// <summary>
    /// On an attached deployment every entry is disabled by the first of its steps that the deployment's policy refuses,
    /// with that step's own reason, before it could mark the timeline: signals never, Redis writes and the failover only
    /// with --allow-writes / --allow-failover. The policy is the one DeploymentSource uses; the snapshot is a healthy one.
    /// </summary>
    [Theory]
    [InlineData("kill -9 the master", false, false, ReadOnly)]
    [InlineData("pause the master", false, false, ReadOnly)]
    [InlineData("DEBUG SLEEP the master", false, false, NoWrites)]
    [InlineData("DEBUG SLEEP the master", true, false, null)]
    [InlineData("stop one sentinel", true, true, ReadOnly)]
    [InlineData("stop two sentinels", true, true, ReadOnly)]
    [InlineData("restart a replica", true, true, ReadOnly)]
    [InlineData("kill the master, restart it", true, true, ReadOnly)]
    [InlineData("quorum 1 is not a majority", false, false, NoWrites)] // SENTINEL SET comes first
    [InlineData("quorum 1 is not a majority", true, true, ReadOnly)] // then the stops
    [InlineData("remove a replica", true, true, ReadOnly)]
    [InlineData("how long a failover takes", false, true, NoWrites)]
    [InlineData("how long a failover takes", true, true, ReadOnly)]
    [InlineData("wrong announced address", false, true, NoWrites)]
    [InlineData("wrong announced address", true, false, NoFailover)] // the failover runs later, on the changed lab: the policy still refuses it
    [InlineData("wrong announced address", true, true, null)]
    [InlineData("remove a sentinel", true, true, ReadOnly)]
    [InlineData("a client that does not ask", false, false, NoWrites)] // its write clients
    [InlineData("a client that does not ask", true, false, NoFailover)]
    [InlineData("a client that does not ask", true, true, null)]
    [InlineData("split brain, unbounded", false, false, "partitions are off")] // the network's own reason comes first
    public void On_an_attached_deployment_an_entry_says_why_with_the_reason_of_the_first_step_it_could_not_run(
        string title, bool allowWrites, bool allowFailover, string? expected)
    {
        ActionPolicy attached = DeploymentSource.PolicyOf(new DeploymentOptions([], Lab.MasterName, new ConnectionSecurity(null),
            AllowFailover: allowFailover, AllowWrites: allowWrites));
        LabSnapshot s = Healthy();
        s = ActionRules.Evaluate(s with { Network = new NetworkState { WhyNot = "partitions are off" } }, Lab, attached);

        string? why = FaultMenu.WhyNot(Entry(title), s, Lab);

        Assert.Equal(expected, why);
        // The same reason refuses the run before it marks the timeline.
        if (expected is not null) Assert.Null(RefusedBeforeTheTimeline(Entry(title), s, expected));
    }

    /// <summary>Runs the entry on a store holding <paramref name="s"/> with actions that fail the test if called; returns what the timeline gained.</summary>
    private static TimelineEntry? RefusedBeforeTheTimeline(FaultEntry entry, LabSnapshot s, string why)
    {
        var store = new LabStore(s);
        var context = new FaultContext(new NoActions(), store, Lab, _ => throw new InvalidOperationException("no log"));
        LabActionResult result = FaultMenu.RunAsync(entry, context).GetAwaiter().GetResult();
        Assert.False(result.Ok);
        Assert.Equal($"{entry.Title}: {why}", result.Message);
        return store.Current.Timeline.LastOrDefault(t => t.Kind == TimelineKind.Fault);
    }

    private sealed class NoActions : ILabActions
    {
        public Task<LabActionResult> RunAsync(LabActionKind kind, string? target, CancellationToken ct = default) => throw new InvalidOperationException($"{kind} ran");
        public Task<LabActionResult> RunCommandAsync(string target, string commandLine, CancellationToken ct = default) => throw new InvalidOperationException($"{commandLine} ran");
    }

    [Theory]
    [InlineData(new[] { "1:S * Connecting to MASTER 127.0.0.1:7001", "1:S * Partial resynchronization not possible (no cached master)", "2:M * Full resync requested by replica 127.0.0.1:7002" },
        "Partial resynchronization not possible (no cached master): the restarted replica did not keep")]
    [InlineData(new[] { "2:M * Replica 127.0.0.1:7002 asks for synchronization", "2:M * Partial resynchronization request from 127.0.0.1:7002 accepted. Sending 0 bytes of backlog starting from offset 15." },
        "Partial resynchronization request from 127.0.0.1:7002 accepted. Sending 0 bytes of backlog starting from offset 15.: the master still had")]
    [InlineData(new[] { "2:M * Partial resynchronization not accepted: Replication ID mismatch (Replica asked for 'a', my replication IDs are 'b' and 'c')" },
        "Partial resynchronization not accepted: Replication ID mismatch")]
    public void The_resync_reason_is_redis_own_line_then_plain_words(string[] lines, string expected)
    {
        Assert.StartsWith(expected, FaultMenu.ResyncReason(lines));
    }

    [Fact]
    public void No_resync_line_means_no_reason_made_up()
    {
        Assert.Null(FaultMenu.ResyncReason(["1:S * Ready to accept connections tcp"]));
    }
}
