using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Presentation;

public sealed class PaneFactsTests
{
    private static string Text(IEnumerable<Fact> facts) => string.Join(" | ", facts.Select(f => f.Text));

    [Fact]
    public void A_master_shows_its_replicas_good_replicas_offset_and_keys() =>
        Assert.Equal("replicas 1 | good 1 | offset 1234 | keys 3", Text(PaneFacts.For(FakeLab.Master("node1", 7001))));

    [Fact]
    public void A_replica_shows_whom_it_follows_its_link_offset_lag_and_keys() =>
        Assert.Equal("follows node1 | link up | offset 1230 | lag 4 B | keys 3", Text(PaneFacts.For(FakeLab.Replica("node2", 7002))));

    [Fact]
    public void A_broken_link_is_bad_news()
    {
        Fact link = PaneFacts.For(FakeLab.Replica("node2", 7002, link: "down")).Single(f => f.Text.StartsWith("link", StringComparison.Ordinal));
        Assert.Equal(new Fact("link down", Tone.Bad), link);
    }

    [Fact]
    public void A_sentinel_shows_the_master_it_reports_down_flags_what_it_knows_and_the_epoch() =>
        Assert.Equal("master node1 | sdown no | odown no | would promote node2 | replicas 1 | sentinels 2 | epoch 0", Text(PaneFacts.For(FakeLab.Sentinel("sentinel1", 27001))));

    [Theory]
    [InlineData("node2", null, "would promote node2", Tone.Good)]
    [InlineData(null, "node1's INFO is 4.2 s old, sentinel1 waits for a fresh one (it trusts 5 s while the master is down)",
        "no replica to promote: node1's INFO is 4.2 s old, sentinel1 waits for a fresh one (it trusts 5 s while the master is down)", Tone.Warn)]
    public void A_sentinel_says_which_replica_it_would_promote_or_why_none(string? promotes, string? excluded, string text, Tone tone)
    {
        var verdict = new PromotionVerdict(promotes, [new PromotionCandidate(promotes ?? "node1", excluded)]);
        Assert.Contains(new Fact(text, tone), PaneFacts.For(FakeLab.Sentinel("sentinel1", 27001) with { Promotion = verdict }));
    }

    [Fact]
    public void A_sentinel_that_sees_the_master_objectively_down_says_so_loudly()
    {
        var facts = PaneFacts.For(FakeLab.Sentinel("sentinel1", 27001) with { SDown = true, ODown = true });
        Assert.Contains(new Fact("odown YES", Tone.Bad), facts);
        Assert.Contains(new Fact("sdown YES", Tone.Warn), facts);
    }

    [Fact]
    public void A_dead_node_shows_how_it_died_and_the_last_error()
    {
        var node = FakeLab.Master("node1", 7001).Unreachable("Connection refused") with { Process = new ProcessStatus(ProcessState.Exited, ExitCode: 137) };
        IReadOnlyList<Fact> facts = PaneFacts.For(node);
        Assert.Equal(Tone.Bad, facts[0].Tone);
        Assert.Equal("Connection refused", facts[1].Text);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(9_999, "9999 B")]
    [InlineData(20_480, "20 KiB")]
    [InlineData(52_428_800, "50 MiB")]
    public void Lag_reads_in_the_unit_that_keeps_it_short(long bytes, string text) => Assert.Equal(text, PaneFacts.Bytes(bytes));

    [Fact]
    public void A_running_node_that_does_not_answer_says_so_before_its_pid()
    {
        NodeSnapshot silent = FakeLab.Master("node1", 7001) with
        {
            Reachable = false, Error = "timeout (paused or busy?)", Process = new ProcessStatus(ProcessState.Running, 4242),
        };

        Assert.Equal(["no reply: timeout (paused or busy?)", "pid 4242 runs"], PaneFacts.For(silent).Select(f => f.Text));
    }
}
