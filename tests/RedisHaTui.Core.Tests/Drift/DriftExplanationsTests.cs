using RedisHaTui.Core.Drift;

namespace RedisHaTui.Core.Tests.Drift;

public class DriftExplanationsTests
{
    [Theory]
    [InlineData(DriftChange.Added, "sentinel monitor", "promoted replica")]
    [InlineData(DriftChange.Removed, "sentinel monitor", "before a failover")]
    [InlineData(DriftChange.Added, "sentinel known-replica", "INFO replication")]
    [InlineData(DriftChange.Added, "sentinel known-slave", "INFO replication")]
    [InlineData(DriftChange.Added, "sentinel known-sentinel", "__sentinel__:hello")]
    [InlineData(DriftChange.Added, "sentinel myid", "own id")]
    [InlineData(DriftChange.Added, "sentinel current-epoch", "leader election")]
    [InlineData(DriftChange.Removed, "sentinel current-epoch", "leader election")]
    [InlineData(DriftChange.Added, "sentinel config-epoch", "highest wins")]
    [InlineData(DriftChange.Added, "sentinel leader-epoch", "voted")]
    [InlineData(DriftChange.Added, "replicaof", "made this node a replica")]
    [InlineData(DriftChange.Removed, "replicaof", "promoted this node")]
    [InlineData(DriftChange.Added, "slaveof", "made this node a replica")]
    [InlineData(DriftChange.Removed, "sentinel parallel-syncs", "default")]
    [InlineData(DriftChange.Added, "some-new-setting", "CONFIG REWRITE")]
    [InlineData(DriftChange.Removed, "some-new-setting", "CONFIG REWRITE")]
    [InlineData(DriftChange.WrittenByApp, "port", "written by redis-ha-tui when the lab started: lab.json's port")]
    [InlineData(DriftChange.WrittenByApp, "enable-debug-command", "written by redis-ha-tui when the lab started: so the DEBUG SLEEP")]
    [InlineData(DriftChange.WrittenByApp, "sentinel monitor", "written by redis-ha-tui when the lab started: the master lab.json names")]
    [InlineData(DriftChange.WrittenByApp, "anything-else", "written by redis-ha-tui when the lab started: from lab.json")]
    [InlineData(DriftChange.ReplacedByApp, "port", "replaced by redis-ha-tui")]
    public void Each_change_gets_its_own_reason(DriftChange change, string directive, string expected) =>
        Assert.Contains(expected, DriftExplanations.For(change, directive));

    [Fact]
    public void Every_directive_of_the_table_has_a_reason_of_its_own_before_the_fallbacks()
    {
        // The fallbacks must come last, or they would shadow the specific rows.
        Assert.Equal(["*", "*"], DriftExplanations.Redis.TakeLast(2).Select(e => e.Directive));
        Assert.DoesNotContain(DriftExplanations.Redis.SkipLast(2), e => e.Directive == "*");
        Assert.Equal("*", DriftExplanations.App[^1].Directive);
        Assert.All(DriftExplanations.Redis.Concat(DriftExplanations.App), e => Assert.False(string.IsNullOrWhiteSpace(e.Why)));
    }
}
