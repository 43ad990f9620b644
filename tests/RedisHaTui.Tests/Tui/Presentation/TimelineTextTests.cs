using RedisHaTui.Core.State;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Presentation;

namespace RedisHaTui.Tests.Tui.Presentation;

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
            TimelineText.Entry(FakeLab.Event(3, "kill", "kill -9 node1 (pid 4242)", At, TimelineSource.App), TimeZoneInfo.Utc));

    [Theory]
    [InlineData("+sdown", TimelineSource.Sentinel, Tone.Bad)]
    [InlineData("+odown", TimelineSource.Sentinel, Tone.Bad)]
    [InlineData("+switch-master", TimelineSource.Sentinel, Tone.Good)]
    [InlineData("-sdown", TimelineSource.Sentinel, Tone.Good)]
    [InlineData("+promoted-slave", TimelineSource.Sentinel, Tone.Warn)]
    [InlineData("+try-failover", TimelineSource.Sentinel, Tone.Warn)]
    [InlineData("kill", TimelineSource.App, Tone.Accent)]
    [InlineData("+slave", TimelineSource.Sentinel, Tone.Normal)]
    public void Events_are_coloured_by_what_they_mean(string kind, TimelineSource source, Tone tone) =>
        Assert.Equal(tone, TimelineText.ToneOf(FakeLab.Event(1, kind, "", At, source)));

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

    [Fact]
    public void A_healthy_lab_says_so_first()
    {
        Fact line = TimelineText.Consensus(FakeLab.Consensus("node1", "node1", healthy: true));
        Assert.Equal(new Fact("HEALTHY · master node1 (sentinels and roles agree)", Tone.Good), line);
    }

    [Fact]
    public void A_split_opinion_shows_both_masters_and_the_problems()
    {
        Fact line = TimelineText.Consensus(FakeLab.Consensus("node1", "node2", healthy: false,
            "sentinels say node1, but node2 is the node with role master", "node1 is down"));
        Assert.Equal(Tone.Bad, line.Tone);
        Assert.Equal("NOT HEALTHY · master by sentinels node1 · by roles node2 · sentinels say node1, but node2 is the node with role master; node1 is down", line.Text);
    }

    [Theory]
    [InlineData(true, "sentinel1 would promote node2", "HEALTHY · master node1 (sentinels and roles agree) · ready to fail over", Tone.Good)]
    [InlineData(false, "no replica to promote: sentinel1 has no connection to node2 (Sentinel would answer NOGOODSLAVE)",
        "HEALTHY · master node1 (sentinels and roles agree) · NOT READY TO FAIL OVER: no replica to promote: sentinel1 has no connection to node2 (Sentinel would answer NOGOODSLAVE)", Tone.Warn)]
    public void A_healthy_lab_says_whether_sentinel_would_accept_a_failover_now(bool ready, string reason, string text, Tone tone) =>
        Assert.Equal(new Fact(text, tone), TimelineText.Consensus(FakeLab.Consensus("node1", "node1", healthy: true), new FailoverReadiness(ready, reason)));

    [Fact]
    public void Before_the_first_poll_the_consensus_is_not_known() =>
        Assert.Equal(Tone.Dim, TimelineText.Consensus(Consensus.Unknown).Tone);

    [Theory]
    [InlineData("sentinel1,sentinel2,sentinel3", "sentinel1,2,3")]
    [InlineData("sentinel2", "sentinel2")]
    [InlineData("s1,watcher", "s1,watcher")]
    public void Seen_by_names_share_their_prefix(string names, string shown) =>
        Assert.Equal(shown, TimelineText.Names(names.Split(',')));
}
