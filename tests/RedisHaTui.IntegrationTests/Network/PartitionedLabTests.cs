using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.IntegrationTests.Network;

/// <summary>A real lab with partitions on: its processes reach each other only through the relay.</summary>
public class PartitionedLabTests
{
    [Fact]
    public async Task A_partitionable_lab_starts_healthy_with_every_link_through_the_relay_and_a_cut_sentinel_sees_the_master_down_until_healed()
    {
        await using RunningLab lab = await RunningLab.StartAsync(edit: TempLab.Partitions);
        LabNetwork network = lab.Lab.Network;
        Assert.All(lab.Now.Sentinels, s => Assert.Equal("node1", s.MasterNodeName));
        LabActionResult clients = await lab.Session.Actions.RunCommandAsync("node1", "client list");
        // The master sees its replica and every sentinel by their identity addresses: who connects is known.
        foreach (string who in new[] { "node2", "sentinel1", "sentinel2", "sentinel3" })
            Assert.Contains($"addr={network.Member(who)!.Address}:", clients.Message);

        LabActionResult cut = lab.Session.Network.Partition("sentinel1 / rest");
        Assert.True(cut.Ok, cut.Message);
        Assert.Equal("sentinel1 / node1, node2, sentinel2, sentinel3, A, B", lab.Now.Network.Cut?.ToString());
        int downAfter = lab.Lab.Sentinels[0].DownAfterMilliseconds;
        await lab.WaitForAsync(s => s.Sentinel("sentinel1")!.SDown, TimeSpan.FromMilliseconds(downAfter * 4), "sentinel1 sees the master down");
        Assert.True(lab.Session.Network.Counts!.Stalled > 0);
        Assert.All(lab.Now.Sentinels.Skip(1), s => Assert.False(s.SDown, $"{s.Name} is on the master's side"));

        LabActionResult healed = await lab.Session.Network.HealAsync();

        Assert.True(healed.Ok, healed.Message);
        Assert.Equal(0, lab.Session.Network.Counts!.Stalled);
        Assert.Null(lab.Now.Network.Cut);
        await lab.WaitForAsync(s => !s.Sentinel("sentinel1")!.SDown && s.Consensus.Healthy, TimeSpan.FromSeconds(30), "healthy again after the heal");
        Assert.Equal("node1", lab.Now.Consensus.MasterBySentinels);
    }
}
