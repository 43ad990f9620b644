using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Presentation;

public sealed class TimelineTextTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 21, 10, 20, 30, 123, TimeSpan.Zero);

    [Fact]
    public void A_sentinel_event_shows_time_to_the_millisecond_what_happened_and_who_saw_it()
    {
        TimelineEntry e = FakeLab.Event(1, "+sdown", "master myMaster 127.0.0.1 7001", At, since: TimeSpan.FromSeconds(5.01),
            seenBy: ["sentinel1", "sentinel2", "sentinel3"]);
        Assert.Equal("10:20:30.123 +sdown master myMaster 127.0.0.1 7001  [sentinel1,2,3]  +5.01 s", TimelineText.Entry(e, TimeZoneInfo.Utc));
    }

    [Fact]
    public void An_event_that_arrived_well_after_its_sentinel_logged_it_says_so_and_keeps_its_arrival_time()
    {
        TimelineEntry e = FakeLab.Event(1, "+switch-master", "myMaster switched 127.0.0.1:7001 → 127.0.0.1:7002", At, seenBy: ["sentinel2"]);

        Assert.Equal("10:20:30.123 +switch-master myMaster switched 127.0.0.1:7001 → 127.0.0.1:7002  [sentinel2]  (arrived 0.96 s after sentinel2 logged it)",
            TimelineText.Entry(e with { LoggedAt = At.AddMilliseconds(-958) }, TimeZoneInfo.Utc));
        Assert.Equal("10:20:30.123 +switch-master myMaster switched 127.0.0.1:7001 → 127.0.0.1:7002  [sentinel2]",
            TimelineText.Entry(e with { LoggedAt = At.AddMilliseconds(-8) }, TimeZoneInfo.Utc)); // in time: nothing to say
    }

    [Fact]
    public void An_event_whose_text_already_names_it_is_not_repeated() =>
        Assert.Equal("10:20:30.123 +switch-master myMaster 127.0.0.1 7001 127.0.0.1 7002",
            TimelineText.Entry(FakeLab.Event(2, "+switch-master", "+switch-master myMaster 127.0.0.1 7001 127.0.0.1 7002", At), TimeZoneInfo.Utc));

    [Fact]
    public void An_app_action_is_marked_as_the_app_s() =>
        Assert.Equal("10:20:30.123 app: kill -9 node1 (pid 4242)",
            TimelineText.Entry(FakeLab.Event(3, "kill", "kill -9 node1 (pid 4242)", At, TimelineKind.Action), TimeZoneInfo.Utc));

    [Theory]
    [InlineData("+sdown", TimelineKind.SentinelEvent, Tone.Bad)]
    [InlineData("+odown", TimelineKind.SentinelEvent, Tone.Bad)]
    [InlineData("+switch-master", TimelineKind.SentinelEvent, Tone.Good)]
    [InlineData("-sdown", TimelineKind.SentinelEvent, Tone.Good)]
    [InlineData("+promoted-slave", TimelineKind.SentinelEvent, Tone.Warn)]
    [InlineData("+try-failover", TimelineKind.SentinelEvent, Tone.Warn)]
    [InlineData("kill", TimelineKind.Action, Tone.Accent)]
    [InlineData("+slave", TimelineKind.SentinelEvent, Tone.Normal)]
    public void Events_are_coloured_by_what_they_mean(string name, TimelineKind kind, Tone tone) =>
        Assert.Equal(tone, TimelineText.ToneOf(FakeLab.Event(1, name, "", At, kind)));

    [Fact]
    public void The_failover_stopwatch_lists_every_phase_from_the_start()
    {
        FailoverRecord f = FakeLab.Failover(1, At, "kill -9 node1", "node1", "node2", complete: true,
            new(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(5.01)), new(FailoverPhaseKind.ODown, TimeSpan.FromSeconds(5.10)), new(FailoverPhaseKind.Promoted, TimeSpan.FromSeconds(5.33)),
            new(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(6.20)), new(FailoverPhaseKind.AllAgree, TimeSpan.FromSeconds(6.4)));
        Assert.Equal("failover #1 (kill -9 node1) node1→node2: +sdown 5.01 · +odown 5.10 · promoted 5.33 · +switch-master 6.20 · all agree 6.40 s",
            TimelineText.Failover(f));
    }

    [Fact]
    public void A_failover_under_way_says_it_is_not_over() =>
        Assert.Equal("failover #2 (failover): +sdown 1.00 s · …",
            TimelineText.Failover(FakeLab.Failover(2, At, "failover", null, null, complete: false, new FailoverPhase(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(1)))));

    private static LabSnapshot WithConsensus(Consensus c) => FakeLab.Healthy(FakeLab.Definition()) with { Consensus = c };

    [Fact]
    public void A_healthy_lab_says_so_first()
    {
        HeadlineText verdict = TimelineText.Verdict(WithConsensus(FakeLab.Consensus("node1", "node1", healthy: true)));
        Assert.Equal(Tone.Good, verdict.Tone);
        Assert.Equal("HEALTHY · master node1 (sentinels and roles agree) · ready to fail over", verdict.Full);
        Assert.Equal("HEALTHY", verdict.Compact);
    }

    [Fact]
    public void A_split_opinion_shows_both_masters_and_the_problems()
    {
        HeadlineText verdict = TimelineText.Verdict(WithConsensus(FakeLab.Consensus("node1", "node2", healthy: false,
            "sentinels say node1, but node2 is the node with role master", "node1 is down")));
        Assert.Equal(Tone.Bad, verdict.Tone);
        Assert.Equal("NOT HEALTHY · master by sentinels node1 · by roles node2 · sentinels say node1, but node2 is the node with role master; node1 is down", verdict.Full);
    }

    [Theory]
    [InlineData(80, "NOT HEALTHY · master by sentinels node1 · by roles node2 · node1 is down")]
    [InlineData(60, "NOT HEALTHY · master by sentinels node1 · by roles node2")]
    [InlineData(50, "NOT HEALTHY · sentinels: node1 · roles: node2")]
    [InlineData(25, "NOT HEALTHY · node1≠node2")]
    [InlineData(15, "NOT HEALTHY")]
    public void A_narrow_pane_gets_the_verdict_whole_in_fewer_words(int width, string shown) =>
        Assert.Equal([shown], TimelineText.Verdict(WithConsensus(FakeLab.Consensus("node1", "node2", healthy: false, "node1 is down"))).Fit(width, 1).Select(f => f.Text));

    [Fact]
    public void Before_the_first_poll_the_health_is_not_known() =>
        Assert.Equal(Tone.Dim, TimelineText.Verdict(FakeLab.Healthy(FakeLab.Definition()) with { Consensus = Consensus.Unknown }).Tone);

    [Fact]
    public void Before_anything_is_started_the_verdict_says_nothing_runs_yet_not_master_unknown()
    {
        LabSnapshot empty = LabSnapshot.Initial(FakeLab.Definition()) with { Consensus = FakeLab.Consensus(null, null, healthy: false, "node1 is down") };
        HeadlineText verdict = TimelineText.Verdict(empty);
        Assert.Equal("nothing running yet · s starts the selected process", verdict.Full);

        LabSnapshot stopped = empty.WithNode("node1", n => n with { Process = new(Core.Processes.ProcessState.Exited, ExitCode: 0) });
        Assert.StartsWith("nothing running ·", TimelineText.Verdict(stopped).Full);

        // A replay (or a follower) starts nothing: no key offered.
        Assert.Equal("nothing running yet", TimelineText.Verdict(empty with { Availability = Availability.RefusedAll("replay") }).Full);
    }

    [Theory]
    [InlineData(true, "sentinel1 would promote node2", "HEALTHY · master node1 (sentinels and roles agree) · ready to fail over", Tone.Good)]
    [InlineData(false, "no replica to promote: sentinel1 has no connection to node2 (Sentinel would answer NOGOODSLAVE)",
        "HEALTHY · master node1 (sentinels and roles agree) · NOT READY TO FAIL OVER: no replica to promote: sentinel1 has no connection to node2 (Sentinel would answer NOGOODSLAVE)", Tone.Warn)]
    public void A_healthy_lab_says_whether_sentinel_would_accept_a_failover_now(bool ready, string reason, string text, Tone tone)
    {
        HeadlineText verdict = TimelineText.Verdict(WithConsensus(FakeLab.Consensus("node1", "node1", healthy: true)) with { Readiness = new FailoverReadiness(ready, reason) });
        Assert.Equal((text, tone), (verdict.Full, verdict.Tone));
        // Narrow, the verdict and the readiness stay whole; the reason is words, cut last.
        Assert.Equal(ready ? "HEALTHY · node1 · ready" : "HEALTHY · node1 · NOT READY", verdict.Fit(30, 1)[0].Text);
    }

    [Fact]
    public void No_master_at_all_is_not_called_an_agreement()
    {
        LabSnapshot s = WithConsensus(FakeLab.Consensus(null, null, healthy: false, "no node is master"));
        Assert.Equal("NOT HEALTHY · no master · no node is master", TimelineText.Verdict(s).Full);
    }

    [Theory]
    [InlineData(200, 1, "failover #1 (kill -9 node1) node1→node2: +sdown 5.01 · +odown 5.10 · promoted 5.33 · +switch-master 6.20 · all agree 6.40 s")]
    [InlineData(110, 1, "failover #1 node1→node2: +sdown 5.01 · +odown 5.10 · promoted 5.33 · +switch-master 6.20 · all agree 6.40 s")]
    [InlineData(70, 1, "#1 node1→node2: … · promoted 5.33 · switch 6.20 · all agree 6.40 s")]
    [InlineData(55, 1, "#1 node1→node2: … · switch 6.20 · all agree 6.40 s")]
    [InlineData(40, 1, "#1 node1→node2: … · all agree 6.40 s")]
    [InlineData(20, 1, "#1: all agree 6.40 s")]
    public void A_narrow_stopwatch_drops_the_cause_then_the_earliest_phases_never_the_newest(int width, int rows, string shown)
    {
        FailoverRecord f = FakeLab.Failover(1, At, "kill -9 node1", "node1", "node2", complete: true,
            new(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(5.01)), new(FailoverPhaseKind.ODown, TimeSpan.FromSeconds(5.10)), new(FailoverPhaseKind.Promoted, TimeSpan.FromSeconds(5.33)),
            new(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(6.20)), new(FailoverPhaseKind.AllAgree, TimeSpan.FromSeconds(6.4)));
        Assert.Equal([shown], TimelineText.Stopwatch(f).Fit(width, rows).Select(l => l.Text));
    }

    [Fact]
    public void Given_two_rows_the_stopwatch_wraps_between_phases()
    {
        FailoverRecord f = FakeLab.Failover(1, At, "kill -9 node1", "node1", "node2", complete: false,
            new(FailoverPhaseKind.SDown, TimeSpan.FromSeconds(5.01)), new(FailoverPhaseKind.ODown, TimeSpan.FromSeconds(5.10)),
            new(FailoverPhaseKind.SwitchMaster, TimeSpan.FromSeconds(6.20)));
        Assert.Equal(["failover #1 (kill -9 node1) node1→node2: +sdown 5.01 ·", "+odown 5.10 · +switch-master 6.20 s · …"],
            TimelineText.Stopwatch(f).Fit(55, 2).Select(l => l.Text));
    }

    [Theory]
    [InlineData(100, "writes refused: NOREPLICAS, 0 of 1 required replicas (min-replicas-to-write 1)")]
    [InlineData(40, "writes refused: NOREPLICAS")]
    public void Whether_writes_are_accepted_fits_in_two_words_when_narrow(int width, string shown)
    {
        var w = new WritesStatus { Master = "node2", Refusal = "NOREPLICAS", GoodReplicas = 0, Required = 1,
            Text = "writes refused: NOREPLICAS, 0 of 1 required replicas (min-replicas-to-write 1)" };
        Assert.Equal([shown], TimelineText.Writes(w).Fit(width, 1).Select(l => l.Text));
    }

    [Fact]
    public void An_app_entry_is_a_sentence_without_the_kind_a_script_reads() =>
        Assert.Equal("10:20:30.123 app: check quorum refused: sentinel1: not answering",
            TimelineText.Entry(FakeLab.Event(4, "checkquorum", "check quorum refused: sentinel1: not answering", At, TimelineKind.Action), TimeZoneInfo.Utc));

    [Theory]
    [InlineData("sentinel1,sentinel2,sentinel3", "sentinel1,2,3")]
    [InlineData("sentinel2", "sentinel2")]
    [InlineData("s1,watcher", "s1,watcher")]
    public void Seen_by_names_share_their_prefix(string names, string shown) =>
        Assert.Equal(shown, TimelineText.Names(names.Split(',')));
}
