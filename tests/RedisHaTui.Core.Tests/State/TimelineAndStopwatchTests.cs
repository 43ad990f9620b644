using RedisHaTui.Core.Lab;
using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.State;

/// <summary>
/// The timeline and the failover stopwatch fed with the event payloads captured from Redis 7.0.15 (facts note),
/// on a fake clock: every timestamp comes from it, as every timestamp in the app comes from the injected TimeProvider.
/// </summary>
public class TimelineAndStopwatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly LabDefinition _lab = TestLabs.Definition(nodes: 3);
    private readonly FakeTimeProvider _clock = new(T0);

    private string Name(string? ip, int? port) => _lab.NodeLabel(ip, port);
    private int P(int i) => _lab.Nodes[i].Port;

    /// <summary>Moves the fake clock to T0 + seconds and reads it, as the monitor reads its clock when an event arrives.</summary>
    private DateTimeOffset At(double seconds)
    {
        _clock.SetUtcNow(T0.AddSeconds(seconds));
        return _clock.GetUtcNow();
    }

    private LabSnapshot Event(LabSnapshot s, string sentinel, string channel, string payload, double seconds)
    {
        SentinelEvent e = SentinelEvent.Parse(channel, payload);
        DateTimeOffset now = At(seconds);
        s = FailoverStopwatch.OnEvent(s, e, Name, now);
        return Timeline.AddSentinelEvent(s, sentinel, e, now, 500);
    }

    [Fact]
    public void The_same_event_from_three_sentinels_is_one_entry_listing_who_saw_it()
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);
        string payload = $"myMaster 127.0.0.1 {P(0)} 127.0.0.1 {P(1)}";

        s = Event(s, "sentinel2", "+switch-master", payload, 1.1);
        s = Event(s, "sentinel3", "+switch-master", payload, 1.2);
        s = Event(s, "sentinel1", "+switch-master", payload, 6.3);

        TimelineEntry entry = Assert.Single(s.Timeline);
        Assert.Equal(["sentinel2", "sentinel3", "sentinel1"], entry.SeenBy.ToArray());
        Assert.Equal($"myMaster switched 127.0.0.1:{P(0)} → 127.0.0.1:{P(1)}", entry.Text);
        Assert.Equal(SentinelEventKind.SwitchMaster, entry.Event);
    }

    [Fact]
    public void A_sentinel_log_line_notes_when_it_logged_the_event_it_brought_first_and_a_late_arrival_shows()
    {
        // Lines as Sentinel writes them; the log is in local time, here UTC.
        string Line(double seconds, string text) => $"22532:X {T0.AddSeconds(seconds):dd MMM yyyy HH:mm:ss.fff} # {text}";
        SentinelLogLine? promoted = SentinelLogLine.Parse(Line(44.704, $"+promoted-slave slave 127.0.0.1:{P(1)} 127.0.0.1 {P(1)} @ myMaster 127.0.0.1 {P(0)}"), TimeZoneInfo.Utc);
        SentinelLogLine? switched = SentinelLogLine.Parse(Line(44.770, $"+switch-master myMaster 127.0.0.1 {P(0)} 127.0.0.1 {P(1)}"), TimeZoneInfo.Utc);
        Assert.Null(SentinelLogLine.Parse(Line(44.8, "Sentinel new configuration saved on disk"), TimeZoneInfo.Utc));
        Assert.Equal((T0.AddSeconds(44.704), "+promoted-slave"), (promoted!.At, promoted.Name));

        LabSnapshot s = LabSnapshot.Initial(_lab);
        s = Event(s, "sentinel1", "+promoted-slave", promoted.Payload, 45.728); // both came a second late
        s = Event(s, "sentinel2", "+switch-master", switched!.Payload, 45.728);
        s = Event(s, "sentinel1", "+switch-master", switched.Payload, 45.729);

        Assert.Same(s, Timeline.NoteLogged(s, "sentinel3", promoted)); // sentinel3 did not bring it
        s = Timeline.NoteLogged(s, "sentinel1", promoted);
        s = Timeline.NoteLogged(s, "sentinel2", switched);
        s = Timeline.NoteLogged(s, "sentinel1", switched); // sentinel1 was not first for +switch-master: nothing to note

        TimelineEntry p = s.Timeline.Single(t => t.Event == SentinelEventKind.PromotedSlave), m = s.Timeline.Single(t => t.Event == SentinelEventKind.SwitchMaster);
        Assert.Equal((T0.AddSeconds(45.728), T0.AddSeconds(44.704)), (p.At, p.LoggedAt!.Value)); // the time stays the arrival
        Assert.Equal("arrived 1.02 s after sentinel1 logged it", Timeline.LateText(p));
        Assert.Equal("arrived 0.96 s after sentinel2 logged it", Timeline.LateText(m));
        Assert.Null(Timeline.LateText(p with { LoggedAt = p.At.AddMilliseconds(-20) }));
    }

    [Fact]
    public void The_same_event_after_the_fold_window_is_a_new_entry()
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);
        string master = $"master myMaster 127.0.0.1 {P(0)}";

        s = Event(s, "sentinel1", "+sdown", master, 1);
        s = Event(s, "sentinel2", "+sdown", master, 1 + Timeline.FoldWindow.TotalSeconds + 1);

        Assert.Equal(2, s.Timeline.Length);
        Assert.Equal([1L, 2L], s.Timeline.Select(t => t.Id));
    }

    [Fact]
    public void A_failover_no_sdown_explains_is_started_by_another_client_s_SENTINEL_FAILOVER_and_says_so()
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);

        s = Event(s, "sentinel2", "+try-failover", $"master myMaster 127.0.0.1 {P(0)}", 0.2);

        FailoverRecord f = Assert.Single(s.Failovers);
        Assert.Equal("another client's SENTINEL FAILOVER", f.Cause);
    }

    [Fact]
    public void A_crash_failover_is_timed_from_the_kill_through_every_phase()
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);
        string master = $"master myMaster 127.0.0.1 {P(0)}", replica = $"slave 127.0.0.1:{P(1)} 127.0.0.1 {P(1)} @ myMaster 127.0.0.1 {P(0)}";
        s = FailoverStopwatch.Start(s, "kill -9 node1", "node1", At(0));

        s = Event(s, "sentinel1", "+sdown", master, 5.01);
        s = Event(s, "sentinel2", "+sdown", master, 5.05);
        s = Event(s, "sentinel1", "+odown", master + " #quorum 2/2", 5.10);
        s = Event(s, "sentinel1", "+new-epoch", "1", 5.11);
        s = Event(s, "sentinel1", "+elected-leader", master, 5.13);
        s = Event(s, "sentinel1", "+promoted-slave", replica, 5.36);
        s = Event(s, "sentinel2", "+switch-master", $"myMaster 127.0.0.1 {P(0)} 127.0.0.1 {P(1)}", 6.24);

        FailoverRecord f = Assert.Single(s.Failovers);
        Assert.Equal(("kill -9 node1", "node1", "node2"), (f.Cause, f.OldMaster, f.NewMaster));
        Assert.Equal([FailoverPhaseKind.SDown, FailoverPhaseKind.ODown, FailoverPhaseKind.Leader, FailoverPhaseKind.Promoted, FailoverPhaseKind.SwitchMaster],
            f.Phases.Select(p => p.Kind));
        Assert.Equal(5.01, f.PhaseTime(FailoverPhaseKind.SDown)!.Value.TotalSeconds, 3);
        Assert.Equal(6.24, f.PhaseTime(FailoverPhaseKind.SwitchMaster)!.Value.TotalSeconds, 3);
        Assert.False(f.Complete);
        Assert.Equal(5.10, s.Timeline.Single(t => t.Event == SentinelEventKind.ODown).SinceFailover!.Value.TotalSeconds, 3);
        Assert.Contains("(quorum 2/2)", s.Timeline.Single(t => t.Event == SentinelEventKind.ODown).Text);
    }

    [Fact]
    public void A_failover_started_elsewhere_calls_no_node_the_new_master_until_an_event_has_named_the_old_one()
    {
        // `events` has just started: nothing read yet, no consensus. node1 is still the master (a manual failover
        // keeps it up) when a non-leader's +vote-for-leader, which names no master, starts the record.
        LabSnapshot s = LabSnapshot.Initial(_lab);
        s = s with { Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { Reachable = true, Role = NodeRole.Master }) };
        s = Event(s, "sentinel2", "+vote-for-leader", "5e0b4a1c 7", 0.00);
        s = FailoverStopwatch.OnState(s, At(0.01));

        FailoverRecord f = Assert.Single(s.Failovers);
        Assert.Equal((FailoverStopwatch.ElsewhereCause, (string?)null, (string?)null), (f.Cause, f.OldMaster, f.NewMaster));
        Assert.Empty(f.Phases); // node1 is not "new master role:master", nor "writes accepted again"

        s = Event(s, "sentinel1", "+elected-leader", $"master myMaster 127.0.0.1 {P(0)}", 0.02);
        s = FailoverStopwatch.OnState(s, At(0.03));
        Assert.Equal(("node1", (string?)null), (s.Failovers[0].OldMaster, s.Failovers[0].NewMaster));
        Assert.Null(s.Failovers[0].PhaseTime(FailoverPhaseKind.NewMasterRole));

        s = s with { Nodes = s.Nodes.SetItem(1, s.Nodes[1] with { Reachable = true, Role = NodeRole.Master }) };
        s = FailoverStopwatch.OnState(s, At(0.2));
        s = Event(s, "sentinel3", "+switch-master", $"myMaster 127.0.0.1 {P(0)} 127.0.0.1 {P(1)}", 1.1);
        Assert.Equal(("node1", "node2"), (s.Failovers[0].OldMaster, s.Failovers[0].NewMaster));
        Assert.Equal(0.2, s.Failovers[0].PhaseTime(FailoverPhaseKind.NewMasterRole)!.Value.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("+try-failover", "master myMaster 127.0.0.1 {0}")]
    [InlineData("+failover-state-select-slave", "master myMaster 127.0.0.1 {0}")]
    [InlineData("+promoted-slave", "slave 127.0.0.1:{1} 127.0.0.1 {1} @ myMaster 127.0.0.1 {0}")]
    [InlineData("+switch-master", "myMaster 127.0.0.1 {0} 127.0.0.1 {1}")]
    public void The_old_master_of_a_failover_started_elsewhere_is_the_one_its_events_name(string channel, string payload)
    {
        LabSnapshot s = Event(LabSnapshot.Initial(_lab), "sentinel2", "+vote-for-leader", "5e0b4a1c 7", 0);

        s = Event(s, "sentinel1", channel, string.Format(System.Globalization.CultureInfo.InvariantCulture, payload, P(0), P(1)), 0.1);

        Assert.Equal("node1", s.Failovers[0].OldMaster);
    }

    [Fact]
    public void Events_after_the_switch_name_the_new_master_and_do_not_set_the_old_one()
    {
        LabSnapshot s = Event(LabSnapshot.Initial(_lab), "sentinel2", "+vote-for-leader", "5e0b4a1c 7", 0);

        s = Event(s, "sentinel2", "+slave", $"slave 127.0.0.1:{P(0)} 127.0.0.1 {P(0)} @ myMaster 127.0.0.1 {P(1)}", 0.1);
        s = Event(s, "sentinel2", "+convert-to-slave", $"slave 127.0.0.1:{P(0)} 127.0.0.1 {P(0)} @ myMaster 127.0.0.1 {P(1)}", 0.2);

        Assert.Null(s.Failovers[0].OldMaster);
    }

    [Fact]
    public void The_same_failover_has_the_same_number_in_a_process_that_saw_every_failover_and_in_one_that_just_started()
    {
        // The screen has run all along: two failovers (epochs 1 and 2) behind it. `events` starts now; its first read
        // finds the sentinels at config epoch 2. Then node2 is killed and the sentinels elect a leader in epoch 3.
        LabSnapshot screen = LabSnapshot.Initial(_lab);
        foreach (int epoch in new[] { 1, 2 })
        {
            screen = FailoverStopwatch.Start(screen, "kill -9", "node1", At(epoch * 100));
            screen = Event(screen, "sentinel1", "+new-epoch", epoch.ToString(System.Globalization.CultureInfo.InvariantCulture), epoch * 100 + 5);
            screen = screen with { Failovers = screen.Failovers.SetItem(screen.Failovers.Length - 1, screen.Failovers[^1] with { Complete = true }) };
        }
        LabSnapshot events = LabSnapshot.Initial(_lab);
        events = events with { Sentinels = [.. events.Sentinels.Select(x => x with { Reachable = true, Epoch = 2 })] };
        LabSnapshot fresh = LabSnapshot.Initial(_lab); // nothing read yet

        screen = FailoverStopwatch.Start(screen, "kill -9 node2", "node2", At(300));
        events = Event(events, "sentinel1", "+sdown", $"master myMaster 127.0.0.1 {P(1)}", 300.1);
        fresh = Event(fresh, "sentinel1", "+sdown", $"master myMaster 127.0.0.1 {P(1)}", 300.1);
        Assert.Equal((3, 3), (screen.Failovers[^1].Number, events.Failovers[^1].Number)); // provisional: the config epoch + 1
        Assert.Equal(1, fresh.Failovers[^1].Number); // no history read yet: a guess until the election

        foreach (string sentinel in new[] { "sentinel2", "sentinel1" })
        {
            screen = Event(screen, sentinel, "+new-epoch", "3", 305);
            events = Event(events, sentinel, "+new-epoch", "3", 305);
            fresh = Event(fresh, sentinel, "+vote-for-leader", "5e0b4a1c 3", 305);
        }

        Assert.Equal([1, 2, 3], screen.Failovers.Select(f => f.Number));
        Assert.Equal(3, Assert.Single(events.Failovers).Number);
        Assert.Equal(3, Assert.Single(fresh.Failovers).Number);
    }

    [Fact]
    public void The_failover_completes_when_every_sentinel_agrees_and_the_old_master_rejoining_is_timed_too()
    {
        LabSnapshot s = FailoverStopwatch.Start(LabSnapshot.Initial(_lab), "kill -9 node1", "node1", At(0));
        s = Event(s, "sentinel1", "+switch-master", $"myMaster 127.0.0.1 {P(0)} 127.0.0.1 {P(1)}", 6.2);
        s = s with
        {
            Nodes = s.Nodes.SetItem(1, s.Nodes[1] with { Reachable = true, Role = NodeRole.Master }),
            Sentinels = [.. s.Sentinels.Select(x => x with { Reachable = true, MasterNodeName = "node2" })],
        };

        s = FailoverStopwatch.OnState(s, At(6.5));
        Assert.True(s.Failovers[0].Complete);
        Assert.Equal(6.5, s.Failovers[0].PhaseTime(FailoverPhaseKind.AllAgree)!.Value.TotalSeconds, 3);

        s = Event(s, "sentinel2", "+convert-to-slave", $"slave 127.0.0.1:{P(0)} 127.0.0.1 {P(0)} @ myMaster 127.0.0.1 {P(1)}", 30);
        s = s with { Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { Reachable = true, Role = NodeRole.Replica, LinkStatus = "up", FollowsName = "node2" }) };
        s = FailoverStopwatch.OnState(s, At(35));

        Assert.Equal(30, s.Failovers[0].PhaseTime(FailoverPhaseKind.Converted)!.Value.TotalSeconds, 3);
        Assert.Equal(35, s.Failovers[0].PhaseTime(FailoverPhaseKind.OldMasterLinked)!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void A_master_back_before_any_failover_ends_the_record_but_only_on_a_read_made_after_the_cause()
    {
        LabSnapshot s = FailoverStopwatch.Start(LabSnapshot.Initial(_lab), "pause node1 (SIGSTOP)", "node1", At(0));
        s = s with
        {
            Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { Reachable = true, Role = NodeRole.Master, PolledAt = T0.AddMilliseconds(-30) }),
            Sentinels = [.. s.Sentinels.Select(x => x with { Reachable = true, MasterNodeName = "node1" })],
        };

        s = FailoverStopwatch.OnState(s, At(0.02));
        Assert.False(s.Failovers[0].Complete); // that read was under way before the pause: it proves nothing

        s = s with { Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { PolledAt = T0.AddSeconds(3) }) };
        s = FailoverStopwatch.OnState(s, At(3));
        Assert.True(s.Failovers[0].Complete);
        Assert.Equal(3, s.Failovers[0].PhaseTime(FailoverPhaseKind.NoFailover)!.Value.TotalSeconds, 3);
    }

    /// <summary>
    /// Seen on a loaded machine: `f`, then a poll read before any sentinel flagged the failover closed the app's record
    /// as "no failover", and the election then opened a second one as started elsewhere.
    /// </summary>
    [Fact]
    public void A_forced_failovers_master_answering_as_master_before_the_sentinels_act_does_not_end_its_record()
    {
        LabSnapshot s = FailoverStopwatch.Start(LabSnapshot.Initial(_lab), "SENTINEL FAILOVER via sentinel1", "node1", At(0), forced: true);
        s = s with
        {
            Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { Reachable = true, Role = NodeRole.Master, PolledAt = T0.AddMilliseconds(50) }),
            Sentinels = [.. s.Sentinels.Select(x => x with { Reachable = true, MasterNodeName = "node1" })],
        };

        s = FailoverStopwatch.OnState(s, At(0.1));

        Assert.False(s.Failovers[0].Complete);
        Assert.Null(s.Failovers[0].PhaseTime(FailoverPhaseKind.NoFailover));
        Assert.Single(s.Failovers);
    }

    [Fact]
    public void A_record_started_for_an_action_that_then_failed_is_taken_back_so_the_next_failover_gets_its_own()
    {
        LabSnapshot s = FailoverStopwatch.Start(LabSnapshot.Initial(_lab), "SENTINEL FAILOVER via sentinel1", "node1", At(0));

        s = FailoverStopwatch.Withdraw(s);
        s = FailoverStopwatch.Start(s, "kill -9 node1", "node1", At(10));

        Assert.Equal("kill -9 node1", Assert.Single(s.Failovers).Cause);
    }

    [Fact]
    public void Two_nodes_claiming_master_and_a_sentinel_pointing_elsewhere_are_named()
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);
        s = s with
        {
            Nodes = [.. s.Nodes.Select((n, i) => n with { Reachable = true, Role = i < 2 ? NodeRole.Master : NodeRole.Replica, FollowsName = "node1", LinkStatus = "up" })],
            Sentinels = [.. s.Sentinels.Select((x, i) => x with { Reachable = true, MasterNodeName = i == 2 ? "node2" : "node1", KnownReplicas = 2, KnownSentinels = 2 })],
        };

        Consensus c = LabHealth.Evaluate(s).Consensus;

        Assert.False(c.Healthy);
        Assert.Equal("node1", c.MasterBySentinels);
        Assert.Null(c.MasterByRoles);
        Assert.Contains("2 nodes claim master: node1, node2", c.Disagreements);
        Assert.Contains("sentinel3 says master is node2, others node1", c.Disagreements);
    }

    [Fact]
    public void A_replica_lag_is_its_master_offset_minus_its_own()
    {
        LabSnapshot s = LabSnapshot.Initial(_lab);
        s = s with
        {
            Nodes = [.. s.Nodes.Select((n, i) => n with
            {
                Reachable = true, Role = i == 0 ? NodeRole.Master : NodeRole.Replica, FollowsName = i == 0 ? null : "node1",
                LinkStatus = i == 0 ? null : "up", Offset = 1000 - i * 100, Process = new ProcessStatus(ProcessState.Running),
            })],
        };

        LabSnapshot evaluated = LabHealth.Evaluate(s);

        Assert.Equal([null, 100L, 200L], evaluated.Nodes.Select(n => n.LagBytes));
    }

    [Fact]
    public void The_store_stamps_each_version_with_its_clock_and_makes_none_when_nothing_changed()
    {
        var store = new LabStore(LabSnapshot.Initial(_lab), _clock);

        LabSnapshot first = store.Update(s => Timeline.Add(s, TimelineKind.Start, "starting node1", At(2), 500));
        LabSnapshot same = store.Update(s => s with { Nodes = [.. s.Nodes] }); // equal content, new lists

        Assert.Equal((1L, T0.AddSeconds(2)), (first.Version, first.At));
        Assert.Same(first, same);
    }

    [Fact]
    public async Task Waiting_on_the_store_completes_with_the_first_snapshot_that_satisfies_the_condition()
    {
        var store = new LabStore(LabSnapshot.Initial(_lab), _clock);
        Task<LabSnapshot> healthy = store.WaitForAsync(s => s.Consensus.Healthy, new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.False(healthy.IsCompleted);

        store.Update(s => s with { Consensus = new Consensus { MasterByRoles = "node1", MasterBySentinels = "node1", Healthy = true } });

        Assert.Equal("node1", (await healthy.WaitAsync(TimeSpan.FromSeconds(10))).Consensus.MasterByRoles);
    }
}
