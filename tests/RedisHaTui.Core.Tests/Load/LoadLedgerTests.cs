using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Load;

/// <summary>The ledger's arithmetic: what the recorder counts as answers come back, and what the read-back makes of it.</summary>
public class LoadLedgerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset At(double seconds) => T0.AddSeconds(seconds);
    private static readonly LoadLedger Empty = new() { Number = 1, StartedAt = T0, Running = true, Rate = 10 };

    [Fact]
    public void The_outage_is_the_longest_gap_between_two_acknowledged_writes_with_its_ends()
    {
        var r = new LoadRecorder();
        r.Acked(1, At(0.0));
        r.Acked(2, At(0.1));
        r.Failed(3, WriteErrorKind.NoReplicas, At(0.2));
        r.Failed(4, WriteErrorKind.NoReplicas, At(5.0));
        r.Acked(5, At(11.2));
        r.Acked(6, At(11.3));

        LoadLedger l = r.Fill(Empty, At(20));

        Assert.Equal((4, 2), (l.Acked, l.Failed));
        Assert.Equal(11.1, l.Outage!.Value.TotalSeconds, 3);
        Assert.Equal((At(0.1), At(11.2)), (l.OutageStart!.Value, l.OutageEnd!.Value));
        Assert.Equal(At(5.0), l.LastFailureAt);
        Assert.Equal(At(11.2), l.ResumedAt);
        Assert.Equal([new WriteErrorCount(WriteErrorKind.NoReplicas, 2)], l.Errors);
    }

    [Fact]
    public void An_outage_still_going_on_counts_from_the_last_acknowledged_write_to_now_and_says_how_writes_fail()
    {
        var r = new LoadRecorder();
        r.Acked(1, At(0.0));
        r.Acked(2, At(0.1)); // the kill: nothing acknowledged after this
        r.Failed(3, WriteErrorKind.Connection, At(0.5));
        r.Failed(4, WriteErrorKind.NoReplicas, At(3.0));
        r.Failed(5, WriteErrorKind.NoReplicas, At(12.4));

        LoadLedger running = r.Fill(Empty, At(12.5));
        LoadLedger ended = r.Fill(Empty with { Running = false }, At(12.3)); // stopped before the last answer came back: it counts

        Assert.Equal((12.4, At(0.1), (DateTimeOffset?)null, true, WriteErrorKind.NoReplicas),
            (running.Outage!.Value.TotalSeconds, running.OutageStart!.Value, running.OutageEnd, running.OutageOpen, running.OutageError));
        Assert.Equal(12.3, ended.Outage!.Value.TotalSeconds, 3);
        Assert.Equal("no write acknowledged for 12.4 s, still refused (NOREPLICAS)", OutageText.Sentence(running));
        Assert.Equal("no write acknowledged for 12.3 s, refused (NOREPLICAS) until the load stopped", OutageText.Sentence(ended));
        Assert.Equal("outage 12.4 s, open", OutageText.Compact(running));
    }

    [Fact]
    public void A_quiet_moment_without_failures_is_no_outage_and_an_earlier_longer_one_stays_the_longest()
    {
        var r = new LoadRecorder();
        r.Acked(1, At(0.0));
        r.Failed(2, WriteErrorKind.Timeout, At(1.0));
        r.Acked(3, At(5.0));   // 5 s closed
        LoadLedger quiet = r.Fill(Empty, At(9.0)); // 4 s without an answer but nothing failed: the next write is not back yet
        r.Failed(4, WriteErrorKind.NoReplicas, At(6.0));
        LoadLedger shorter = r.Fill(Empty, At(8.0)); // open for 3 s: shorter than the 5 s before

        Assert.Equal((5.0, At(5.0), false), (quiet.Outage!.Value.TotalSeconds, quiet.OutageEnd!.Value, quiet.OutageOpen));
        Assert.Equal((5.0, false, (WriteErrorKind?)null), (shorter.Outage!.Value.TotalSeconds, shorter.OutageOpen, shorter.OutageError));
        Assert.Equal("no write acknowledged for 5.0 s", OutageText.Sentence(shorter));
    }

    [Fact]
    public void Writes_refused_from_the_first_one_are_an_outage_from_the_first_answer()
    {
        var r = new LoadRecorder();
        r.Failed(1, WriteErrorKind.NoReplicas, At(1.0));
        r.Failed(2, WriteErrorKind.NoReplicas, At(2.0));
        LoadLedger open = r.Fill(Empty, At(4.0));
        r.Acked(3, At(7.0));
        LoadLedger closed = r.Fill(Empty, At(7.5));

        Assert.Equal((3.0, At(1.0), true), (open.Outage!.Value.TotalSeconds, open.OutageStart!.Value, open.OutageOpen));
        Assert.Equal((6.0, At(1.0), At(7.0), false), (closed.Outage!.Value.TotalSeconds, closed.OutageStart!.Value, closed.OutageEnd!.Value, closed.OutageOpen));
    }

    [Fact]
    public void Seconds_without_answers_are_bars_of_zero_and_late_answers_land_in_their_own_second()
    {
        var r = new LoadRecorder();
        r.Acked(1, At(0.5));
        r.Failed(2, WriteErrorKind.Timeout, At(3.2));
        r.Acked(3, At(2.9)); // came back after a later one

        WriteSecond[] bars = [.. r.Fill(Empty, At(20)).PerSecond];

        Assert.Equal([At(0), At(1), At(2), At(3)], bars.Select(b => b.At));
        Assert.Equal([(1, 0), (0, 0), (1, 0), (0, 1)], bars.Select(b => (b.Acked, b.Failed)));
    }

    [Fact]
    public void The_bars_are_bounded()
    {
        var r = new LoadRecorder();
        for (int i = 0; i < LoadRecorder.MaxSeconds + 50; i++) r.Acked(i, At(i));

        ValueArray<WriteSecond> bars = r.Fill(Empty, At(LoadRecorder.MaxSeconds + 50)).PerSecond;

        Assert.Equal(LoadRecorder.MaxSeconds, bars.Length);
        Assert.Equal(At(LoadRecorder.MaxSeconds + 49), bars[^1].At);
    }

    [Fact]
    public void Each_burst_of_an_error_kind_is_reported_once_and_an_acknowledged_write_ends_it()
    {
        var r = new LoadRecorder();
        for (int i = 0; i < 50; i++) r.Failed(i, WriteErrorKind.NoReplicas, At(i * 0.01));
        r.Failed(50, WriteErrorKind.Connection, At(0.6));
        r.Failed(51, WriteErrorKind.NoReplicas, At(0.7)); // back within the gap: the same burst
        var first = r.TakeNewBursts();
        r.Failed(52, WriteErrorKind.Connection, At(0.8));
        r.Failed(53, WriteErrorKind.NoReplicas, At(5.0)); // back after another kind, seconds later: the new master refusing
        var second = r.TakeNewBursts();
        r.Acked(54, At(6));
        r.Failed(55, WriteErrorKind.Connection, At(7));
        var third = r.TakeNewBursts();

        Assert.Equal([WriteErrorKind.NoReplicas, WriteErrorKind.Connection], first.Select(b => b.Kind));
        Assert.Equal([(WriteErrorKind.NoReplicas, At(5.0))], second);
        Assert.Equal([WriteErrorKind.Connection], third.Select(b => b.Kind));
        Assert.Empty(r.TakeNewBursts());
    }

    [Theory]
    [InlineData(new long[] { 1, 2, 3, 4 }, new long[] { 5, 6 }, new long[] { 1, 2, 3, 4, 6 }, 4, 0, 1)]
    [InlineData(new long[] { 1, 2, 3, 4 }, new long[] { }, new long[] { 1, 4 }, 2, 2, 0)]
    [InlineData(new long[] { }, new long[] { 1, 2 }, new long[] { }, 0, 0, 0)]
    [InlineData(new long[] { 7, 8 }, new long[] { 9 }, new long[] { 9, 100 }, 0, 2, 1)]
    public void Acknowledged_writes_are_present_or_lost_and_failed_ones_found_anyway_are_indeterminate(
        long[] acked, long[] failed, long[] onServer, long present, long lost, long indeterminate)
    {
        LoadVerification v = LoadVerification.Compute(acked, failed, onServer);

        Assert.Equal((present, lost, indeterminate), (v.Present, v.Lost, v.Indeterminate));
        Assert.Equal(acked.Length, v.Present + v.Lost);
        Assert.All(new[] { v.Present, v.Lost, v.Indeterminate }, n => Assert.True(n >= 0));
        Assert.Equal(acked.Where(a => !onServer.Contains(a)).Order(), v.LostSequences);
    }

    [Fact]
    public void Lost_sequences_listed_are_bounded_but_the_count_is_not()
    {
        long[] acked = [.. Enumerable.Range(1, 500).Select(i => (long)i)];

        LoadVerification v = LoadVerification.Compute(acked, [], []);

        Assert.Equal(500, v.Lost);
        Assert.Equal(LoadVerification.MaxLostListed, v.LostSequences.Count);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(-5, null)]
    [InlineData(20_001, null)]
    [InlineData(100, 0.0)]
    public void Options_that_make_no_sense_are_named(int rate, double? seconds)
    {
        string? problem = new LoadOptions(rate, seconds is { } s ? TimeSpan.FromSeconds(s) : null).Problem();

        Assert.NotNull(problem);
        Assert.StartsWith(seconds is null ? $"rate {rate}" : "duration", problem);
    }

    [Theory]
    [InlineData(29, "29 ms")]
    [InlineData(999, "999 ms")]
    [InlineData(11_061, "11.1 s")]
    public void A_short_gap_is_said_in_milliseconds_an_outage_in_seconds(int ms, string text)
    {
        Assert.Equal(text, LoadExplanations.Gap(TimeSpan.FromMilliseconds(ms)));
    }

    [Fact]
    public void The_stopwatch_takes_writes_accepted_again_from_the_loads_first_acknowledged_write_after_refusals()
    {
        LabDefinition lab = TestLabs.Definition(nodes: 2);
        LabSnapshot s = FailoverStopwatch.Start(LabSnapshot.Initial(lab), "kill -9 node1", "node1", At(10));
        LoadLedger before = Empty with { LastFailureAt = At(9), ResumedAt = At(9.5) }; // an earlier hiccup: not this failover's
        LoadLedger refusing = Empty with { LastFailureAt = At(15) , ResumedAt = At(9.5) };
        LoadLedger back = Empty with { LastFailureAt = At(20.9), ResumedAt = At(21) };

        Assert.Null(FailoverStopwatch.OnLoad(s, before).Failovers[^1].PhaseTime(FailoverPhaseKind.WritesAccepted));
        Assert.Null(FailoverStopwatch.OnLoad(s, refusing).Failovers[^1].PhaseTime(FailoverPhaseKind.WritesAccepted));
        s = FailoverStopwatch.OnLoad(s, back);
        Assert.Equal(TimeSpan.FromSeconds(11), s.Failovers[^1].PhaseTime(FailoverPhaseKind.WritesAccepted));
        Assert.Same(s, FailoverStopwatch.OnLoad(s, back with { ResumedAt = At(30), LastFailureAt = At(29) })); // noted once
    }
}
