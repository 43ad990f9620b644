using RedisHaTui.Core.Monitoring.Parsing;
using RedisHaTui.Core.Sources;
using RedisHaTui.Core.Tests.State;

namespace RedisHaTui.Core.Tests.Sources;

/// <summary>A deployment's quorum, down-after, failover-timeout and parallel-syncs come from SENTINEL MASTER, never from a default.</summary>
public class MonitorFiguresTests
{
    [Fact]
    public void The_figures_are_read_from_a_captured_sentinel_master_reply()
    {
        MonitorFigures? f = MonitorFigures.From(CapturedSentinelReplies.MasterInfo(), out string? missing);

        Assert.Null(missing);
        Assert.Equal(new MonitorFigures { Quorum = 2, DownAfterMilliseconds = 5000, FailoverTimeoutMilliseconds = 60000, ParallelSyncs = 1 }, f);
    }

    [Theory]
    [InlineData("quorum")]
    [InlineData("down-after-milliseconds")]
    [InlineData("failover-timeout")]
    [InlineData("parallel-syncs")]
    public void A_reply_that_lacks_a_figure_gives_none_and_names_it(string field)
    {
        string[] words = CapturedSentinelReplies.Master.Split(' ');
        int at = Array.IndexOf(words, field);
        SentinelMasterInfo without = CapturedSentinelReplies.MasterInfo(string.Join(' ', [.. words.Take(at), .. words.Skip(at + 2)]));

        Assert.Null(MonitorFigures.From(without, out string? missing));
        Assert.Equal(field, missing);
    }

    [Fact]
    public void A_change_names_each_figure_that_moved_and_nothing_else()
    {
        var before = new MonitorFigures { Quorum = 2, DownAfterMilliseconds = 5000, FailoverTimeoutMilliseconds = 60000, ParallelSyncs = 1 };

        Assert.Equal("", before.ChangesSince(before));
        Assert.Equal("quorum 2 → 3, parallel-syncs 1 → 2", (before with { Quorum = 3, ParallelSyncs = 2 }).ChangesSince(before));
    }
}
