using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Monitoring.Parsing;

namespace RedisHaTui.Core.Tests.Monitoring;

/// <summary>INFO errorstats, as Redis 7.0 printed it after `set k2 val2` on a replica (captured).</summary>
public class ErrorStatsTests
{
    private const string Captured = "# Errorstats\r\nerrorstat_READONLY:count=1\r\nerrorstat_ERR:count=3\r\n\r\n# Cluster\r\ncluster_enabled:0\r\n";

    [Fact]
    public void A_READONLY_refusal_is_counted_from_errorstats()
    {
        Assert.Equal(1, LabReader.ErrorCount(InfoReply.Parse(Captured), "READONLY"));
        Assert.Equal(3, LabReader.ErrorCount(InfoReply.Parse(Captured), "ERR"));
    }

    [Fact]
    public void A_node_that_never_refused_one_counts_zero()
    {
        Assert.Equal(0, LabReader.ErrorCount(InfoReply.Parse("# Errorstats\r\n\r\n# Cluster\r\ncluster_enabled:0\r\n"), "READONLY"));
    }
}
