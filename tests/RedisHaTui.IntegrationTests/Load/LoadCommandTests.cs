using System.Text.Json;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;

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
        foreach (string field in new[] { "acked", "failed", "lost", "indeterminate", "outageMs", "outageStart", "outageEnd", "errors" })
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
