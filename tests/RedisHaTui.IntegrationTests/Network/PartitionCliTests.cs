using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;

namespace RedisHaTui.IntegrationTests.Network;

/// <summary>`partition` and `heal` from another terminal reach the owner's relay over its control socket.</summary>
public class PartitionCliTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Without_an_owner_or_with_partitions_off_partition_is_refused_saying_what_to_do()
    {
        using var files = TempLab.Create(edit: TempLab.Partitions);
        using var off = TempLab.Create();

        (int noOwner, string noOwnerText) = await AppProcess.RunAsync(Quick, "partition", "node1", "/", "rest", "--lab", files.LabFile);
        (int partitionsOff, string offText) = await AppProcess.RunAsync(Quick, "heal", "--lab", off.LabFile);
        (int badSpec, string badText) = await AppProcess.RunAsync(Quick, "partition", "node1", "/", "node7", "--lab", files.LabFile);

        Assert.Equal(1, noOwner);
        Assert.Contains("no app owns", noOwnerText);
        Assert.Contains("up --Lab:Network:Partitions true", noOwnerText);
        Assert.Equal(1, partitionsOff);
        Assert.Contains("no app owns", offText); // the flag need not be repeated here; the owner must have it
        Assert.Contains("--Lab:Network:Partitions true", offText);
        Assert.Equal(2, badSpec);
        Assert.Contains("'node7' is not a process or client of this lab", badText);
    }

    [Fact]
    public async Task Partition_and_heal_from_another_terminal_cut_and_mend_the_owners_network()
    {
        await using RunningLab lab = await RunningLab.StartAsync(edit: TempLab.Partitions);
        string socket = new RunDirectory(lab.Lab).ControlPath;
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));

        (int cutCode, string cutJson) = await AppProcess.RunAsync(Quick, "partition", "sentinel1,A", "/", "rest", "--json", "--lab", lab.Files.LabFile);

        Assert.True(cutCode == 0, cutJson);
        using (JsonDocument cut = JsonDocument.Parse(cutJson))
        {
            Assert.True(cut.RootElement.GetProperty("ok").GetBoolean());
            Assert.Equal("sentinel1, A / node1, node2, sentinel2, sentinel3, B", cut.RootElement.GetProperty("cut").GetString());
            Assert.Equal(["node1-sentinel1", "node2-sentinel1", "sentinel1-sentinel2", "sentinel1-sentinel3"],
                cut.RootElement.GetProperty("cutLinks").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.Equal("sentinel1, A / node1, node2, sentinel2, sentinel3, B", lab.Now.Network.Cut?.ToString());
        await lab.WaitForAsync(s => s.Sentinel("sentinel1")!.SDown, TimeSpan.FromSeconds(15), "sentinel1 cut off sees the master down");

        (int healCode, string healJson) = await AppProcess.RunAsync(Quick, "heal", "--json", "--lab", lab.Files.LabFile);

        Assert.True(healCode == 0, healJson);
        using (JsonDocument healed = JsonDocument.Parse(healJson))
        {
            Assert.Null(healed.RootElement.GetProperty("cut").GetString());
            Assert.Equal(0, healed.RootElement.GetProperty("stalled").GetInt32());
        }
        Assert.Null(lab.Now.Network.Cut);
        Assert.Equal(0, lab.Session.Network.Counts!.Stalled);
    }

    [Fact]
    public async Task Up_with_the_short_flag_owns_a_partitionable_lab_that_another_terminal_cuts_and_heals()
    {
        using var files = TempLab.Create(downAfterMs: 2000); // partitions off in its lab.json: the flag turns them on
        await using AppProcess up = AppProcess.Start("up", "--partitions", "--lab", files.LabFile);
        await up.WaitForOutputAsync("lab ready in", TimeSpan.FromSeconds(60));

        (int cutCode, string cutText) = await AppProcess.RunAsync(Quick, "partition", "node2", "/", "node1", "--lab", files.LabFile);
        (int healCode, string healText) = await AppProcess.RunAsync(Quick, "heal", "--lab", files.LabFile);

        Assert.True(cutCode == 0, cutText);
        Assert.Contains("cut node2 / node1: 1 link between processes cut", cutText);
        Assert.Contains("cut links  node1-node2", cutText);
        Assert.True(healCode == 0, healText);
        Assert.Contains("healed node2 / node1", healText);
        await up.WaitForOutputAsync("redis-ha-tui | heal: healed node2 / node1", TimeSpan.FromSeconds(5));
        Assert.Contains("redis-ha-tui | partition: cut node2 / node1", up.Output);
    }
}
