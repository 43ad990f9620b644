using System.Text.Json;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Load;

/// <summary>`load` against a running lab, as a presenter runs it from another terminal.</summary>
public class LoadCommandTests
{
    [Fact]
    public async Task Load_json_reports_one_object_that_adds_up_against_a_running_lab()
    {
        await using RunningLab lab = await RunningLab.StartAsync();

        (int code, string output) = await AppProcess.RunAsync(TimeSpan.FromSeconds(60), "load", "--rate", "200", "--duration", "2", "--json", "--lab", lab.Files.LabFile);

        Assert.Equal(0, code);
        string json = output[output.IndexOf('{')..];
        using JsonDocument doc = JsonDocument.Parse(json);
        JsonElement root = doc.RootElement;
        foreach (string field in new[] { "acked", "failed", "lost", "indeterminate", "outageMs", "outageStart", "outageEnd", "outageOpen", "errors" })
            Assert.True(root.TryGetProperty(field, out _), $"no {field} in {json}");
        Assert.Equal(400, root.GetProperty("acked").GetInt64() + root.GetProperty("failed").GetInt64());
        Assert.Equal(root.GetProperty("acked").GetInt64(), root.GetProperty("present").GetInt64() + root.GetProperty("lost").GetInt64());
        Assert.Equal(0, root.GetProperty("errors").GetProperty("noReplicas").GetInt64());
        Assert.Equal("node1", root.GetProperty("verifiedOn").GetString());

        (int statusCode, string status) = await AppProcess.RunAsync(TimeSpan.FromSeconds(30), "status", "--lab", lab.Files.LabFile);
        Assert.Equal(0, statusCode);
        Assert.Equal("writes accepted by node1: 1 of 1 required replicas", status.Split('\n')[1].Trim());
    }

    [Fact]
    public async Task Load_json_counts_the_outage_still_open_when_the_promoted_master_refuses_every_write_to_the_end()
    {
        // Issue 14's crash: two data nodes, min-replicas-to-write 1, kill -9 of the master under load. node2 is
        // promoted but has no replica, so it refuses every write (NOREPLICAS) until node1 comes back: never, here.
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 1500);
        await using AppProcess load = AppProcess.Start("load", "--rate", "100", "--duration", "20", "--json", "--lab", lab.Files.LabFile);
        await WaitForAcknowledgedWritesOnAsync(lab.Lab.Nodes[0], 50, TimeSpan.FromSeconds(30));

        DateTimeOffset killed = DateTimeOffset.UtcNow;
        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null)).Ok);
        await lab.WaitForAsync(s => s.Writes is { Master: "node2", Refusal: "NOREPLICAS" }, TimeSpan.FromSeconds(60), "node2 promoted, refusing writes");
        int code;
        try { code = await load.WaitForExitAsync(TimeSpan.FromSeconds(60)); }
        catch (TimeoutException) { throw new TimeoutException($"load did not end within 60 s. Output:\n{load.Output}"); }
        Assert.Equal(0, code);

        using JsonDocument doc = JsonDocument.Parse(load.Output[load.Output.IndexOf('{')..]);
        JsonElement root = doc.RootElement;
        DateTimeOffset ended = root.GetProperty("endedAt").GetDateTimeOffset();
        double outageMs = root.GetProperty("outageMs").GetDouble();
        Assert.True(root.GetProperty("outageOpen").GetBoolean(), load.Output);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("outageEnd").ValueKind);
        Assert.Equal("noReplicas", root.GetProperty("outageError").GetString());
        Assert.True(root.GetProperty("errors").GetProperty("noReplicas").GetInt64() > 0, load.Output);
        Assert.True(outageMs >= (ended - killed).TotalMilliseconds - 1000,
            $"outage {outageMs} ms, but {(ended - killed).TotalMilliseconds:0} ms from the kill to the end of the run: {load.Output}");
        Assert.Equal(root.GetProperty("acked").GetInt64(), root.GetProperty("present").GetInt64() + root.GetProperty("lost").GetInt64());
    }

    /// <summary>The load's list on a node holds at least <paramref name="count"/> writes: it is writing, acknowledged.</summary>
    private static async Task WaitForAcknowledgedWritesOnAsync(NodeDefinition node, long count, TimeSpan timeout)
    {
        await using ConnectionMultiplexer? mux = await RedisConnections.TryConnectAsync(node.Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(2), sentinel: false);
        IServer server = mux!.GetServer(node.Endpoint.Host, node.Endpoint.Port);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            foreach (RedisKey key in server.Keys(pattern: "redis-ha-tui:load:*"))
                if (await mux.GetDatabase().ListLengthAsync(key) >= count) return;
            await Task.Delay(100);
        }
        throw new TimeoutException($"the load wrote fewer than {count} writes to {node.Name} within {timeout.TotalSeconds:0} s");
    }

    [Fact]
    public async Task A_Load_Rate_setting_out_of_range_is_named_like_any_other_setting()
    {
        using var files = TempLab.Create();

        (int code, string output) = await AppProcess.RunAsync(TimeSpan.FromSeconds(30), "check", "--lab", files.LabFile, "--Load:Rate", "0");

        Assert.Equal(2, code);
        Assert.Contains("Load:Rate: 0 must be between 1 and 20000 writes per second", output);
        Assert.Equal(250, files.Load("--Load:Rate", "250").Load.Rate);
    }

    [Fact]
    public async Task Load_refuses_a_bad_rate_by_name_with_exit_code_2()
    {
        using var files = TempLab.Create();

        (int code, string output) = await AppProcess.RunAsync(TimeSpan.FromSeconds(30), "load", "--rate", "0", "--lab", files.LabFile);

        Assert.Equal(2, code);
        Assert.Contains("--rate 0: must be 1 to 20000 writes per second", output);
        Assert.DoesNotContain("   at ", output);
    }
}
