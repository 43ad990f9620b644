using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Network;

public class LabNetworkTests
{
    private static LabDefinition Partitionable(int portOffset = 0)
    {
        LabDefinition lab = TestLabs.Definition(portOffset: portOffset);
        return lab with { Network = LabNetwork.For(lab, partitions: true) };
    }

    [Fact]
    public void Every_process_and_client_gets_its_own_identity_derived_from_the_lab_ports()
    {
        LabDefinition lab = Partitionable();
        LabNetwork other = Partitionable(portOffset: 14000).Network;

        Assert.Equal(["node1", "node2", "sentinel1", "sentinel2", "sentinel3", "A", "B"], lab.Network.Members.Select(m => m.Name));
        Assert.Equal(7, lab.Network.Members.Select(m => m.Address).Distinct().Count());
        // The lowest port (5001 = 19 * 256 + 137) picks the block; another offset, another block: labs never share one.
        Assert.Equal("127.20.137.10", lab.Network.Member("node1")!.Address.ToString());
        Assert.Empty(lab.Network.Members.Select(m => m.Address).Intersect(other.Members.Select(m => m.Address)));
        Assert.All(lab.Network.Members, m => Assert.StartsWith("127.", m.Address.ToString()));
    }

    [Fact]
    public void Off_the_network_is_none_and_the_processes_reach_each_other_directly()
    {
        LabDefinition lab = TestLabs.Definition();

        Assert.False(lab.Network.Partitions);
        Assert.Equal(lab.Nodes[0].Endpoint, lab.Network.Reach(lab.Nodes[0]));
    }

    [Fact]
    public void A_relay_address_names_its_node_like_the_real_one()
    {
        LabDefinition lab = Partitionable();
        Endpoint relay = lab.Network.Reach(lab.Nodes[1]);

        Assert.Equal("node2", lab.NodeAt(relay.Host, relay.Port)?.Name);
        Assert.Equal("node2", lab.NodeAt("127.0.0.1", lab.Nodes[1].Port)?.Name);
    }

    [Fact]
    public void Partitioned_configs_leave_from_the_identity_and_point_at_the_relay()
    {
        LabDefinition lab = Partitionable();
        string node2 = ConfigWriter.Node(TestLabs.Template("node2", "redis.conf"), lab.Nodes[1], lab, "/run/node2");
        string sentinel = ConfigWriter.Sentinel(TestLabs.Template("sentinel1", "sentinel.conf"), lab.Sentinels[0], lab, "/run/sentinel1");
        string node1Relay = $"{lab.Network.Member("node1")!.Address} {lab.Nodes[0].Port}";

        Assert.Contains($"bind-source-addr {lab.Network.Member("node2")!.Address}\n", node2);
        Assert.Contains($"replica-announce-ip {lab.Network.Member("node2")!.Address}\n", node2);
        Assert.Contains($"replicaof {node1Relay}\n", node2);
        Assert.Contains("bind 127.0.0.1\n", node2); // still loopback only: protected-mode no exposes nothing
        Assert.Contains("protected-mode no\n", node2);
        Assert.Contains($"bind-source-addr {lab.Network.Member("sentinel1")!.Address}\n", sentinel);
        Assert.Contains($"sentinel announce-ip {lab.Network.Member("sentinel1")!.Address}\n", sentinel);
        Assert.Contains($"sentinel monitor myMaster {node1Relay} 2\n", sentinel);
    }

    [Fact]
    public void Off_the_configs_are_the_tutorials()
    {
        LabDefinition lab = TestLabs.Definition();
        string node2 = ConfigWriter.Node(TestLabs.Template("node2", "redis.conf"), lab.Nodes[1], lab, "/run/node2");

        Assert.DoesNotContain("bind-source-addr", node2);
        Assert.DoesNotContain("protected-mode", node2);
        Assert.DoesNotContain("replica-announce-ip", node2);
    }

    [Theory]
    [InlineData("node1,sentinel1,A / rest", "node1, sentinel1, A / node2, sentinel2, sentinel3, B")]
    [InlineData("rest / sentinel1", "node1, node2, sentinel2, sentinel3, A, B / sentinel1")]
    [InlineData(" NODE1 , a / node2 ", "node1, A / node2")]
    public void A_spec_names_two_sides(string spec, string expected)
    {
        (NetworkCut? cut, string? problem) = NetworkCutSpec.Parse(spec, Partitionable().Network);

        Assert.Null(problem);
        Assert.Equal(expected, cut!.ToString());
    }

    [Theory]
    [InlineData("node1", "expected two sides separated by '/'")]
    [InlineData("node1 / node9", "'node9' is not a process or client of this lab (known: node1, node2, sentinel1, sentinel2, sentinel3, A, B, rest)")]
    [InlineData("rest / rest", "'rest' can stand for one side only")]
    [InlineData("node1 / node1", "'node1' is on both sides")]
    [InlineData(" / node1", "side 1 of ' / node1' is empty")]
    [InlineData("node1 / node2 / node3", "expected two sides")]
    public void A_bad_spec_is_refused_naming_what_is_wrong(string spec, string why)
    {
        (NetworkCut? cut, string? problem) = NetworkCutSpec.Parse(spec, Partitionable().Network);

        Assert.Null(cut);
        Assert.Contains(why, problem);
    }

    [Fact]
    public void A_cut_separates_only_links_that_cross_it()
    {
        NetworkCut cut = NetworkCutSpec.Parse("node1,sentinel1,A / node2,sentinel2", Partitionable().Network).Cut!;

        Assert.True(cut.Separates("node1", "node2"));
        Assert.True(cut.Separates("node2", "A"));
        Assert.False(cut.Separates("node1", "sentinel1"));
        Assert.False(cut.Separates("sentinel3", "node1")); // on neither side: reaches everyone
        Assert.False(cut.Separates(null, "node1")); // a connection from no identity (redis-cli by hand)
        Assert.Equal([("node1", "node2"), ("node1", "sentinel2"), ("node2", "sentinel1"), ("sentinel1", "sentinel2")],
            cut.Links(["node1", "node2", "sentinel1", "sentinel2", "sentinel3"]));
    }
}
