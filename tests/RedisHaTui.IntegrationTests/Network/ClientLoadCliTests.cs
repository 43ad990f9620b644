using System.Text.Json;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;

namespace RedisHaTui.IntegrationTests.Network;

/// <summary>`load --client NAME`: a client with its own address, through the owner's relay, with its own ledger.</summary>
public class ClientLoadCliTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_named_client_writes_through_the_relay_from_its_own_address_and_reports_its_own_ledger()
    {
        await using RunningLab lab = await RunningLab.StartAsync(edit: TempLab.Partitions);

        Task<(int, string)> load = AppProcess.RunAsync(Quick, "load", "--client", "A", "--rate", "50", "--duration", "3", "--json", "--lab", lab.Files.LabFile);
        string a = $"addr={lab.Lab.Network.Member("A")!.Address}:";
        string clients = "";
        // The app process takes a moment to start: look while it writes.
        while (!load.IsCompleted && !clients.Contains(a))
        {
            await Task.Delay(200);
            clients = (await lab.Session.Actions.RunCommandAsync("node1", "client list")).Message;
        }
        (int code, string output) = await load;

        Assert.True(code == 0, output);
        // The master sees client A's connection come from A's identity address.
        Assert.Contains(a, clients);
        using JsonDocument json = JsonDocument.Parse(output[output.IndexOf('{')..]);
        Assert.Equal("A", json.RootElement.GetProperty("client").GetString());
        Assert.True(json.RootElement.GetProperty("acked").GetInt64() > 0);
        Assert.Equal(json.RootElement.GetProperty("acked").GetInt64(), json.RootElement.GetProperty("present").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("lost").GetInt64());
        Assert.StartsWith("redis-ha-tui:load:A:", json.RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public async Task A_client_is_refused_when_it_is_unknown_partitions_are_off_or_no_owner_runs()
    {
        using var files = TempLab.Create(edit: TempLab.Partitions);
        using var off = TempLab.Create();

        (int unknown, string unknownText) = await AppProcess.RunAsync(Quick, "load", "--client", "C", "--lab", files.LabFile);
        (int partitionsOff, string offText) = await AppProcess.RunAsync(Quick, "load", "--client", "A", "--lab", off.LabFile);
        (int noOwner, string noOwnerText) = await AppProcess.RunAsync(Quick, "load", "--client", "A", "--lab", files.LabFile);

        Assert.Equal(2, unknown);
        Assert.Contains("--client C: not a client of this lab (A, B)", unknownText);
        Assert.Equal(1, partitionsOff);
        Assert.Contains("no app owns", offText);
        Assert.Contains("--Lab:Network:Partitions true", offText);
        Assert.Equal(1, noOwner);
        Assert.Contains("no app owns", noOwnerText);
    }
}
