using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// Lab definitions built in memory, for tests that need a topology but no files, ports or processes:
/// node1 is master, the other nodes replicate it, sentinels on 5001…, as in the tutorial.
/// </summary>
public static class TestLabs
{
    public static LabDefinition Definition(int nodes = 2, int sentinels = 3, int portOffset = 0, int downAfterMs = 5000, string host = Endpoint.DefaultHost) => new(
        "/lab/lab.json", "myMaster", portOffset, "/lab/.run/lab-0",
        [.. Enumerable.Range(1, nodes).Select(i => new NodeDefinition($"node{i}", $"/lab/lab/node{i}", new Endpoint(host, 7000 + i + portOffset), i == 1 ? null : "node1"))],
        [.. Enumerable.Range(1, sentinels).Select(i => new SentinelDefinition($"sentinel{i}", $"/lab/lab/sentinel{i}", new Endpoint(host, 5000 + i + portOffset), 2, downAfterMs, 60000, 1))],
        new RedisSettings(), new MonitorSettings(), new UiSettings());

    /// <summary>The repository's own lab/ templates (read, never written).</summary>
    public static string Template(string folder, string file)
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "RedisHaTui.sln"))) return File.ReadAllText(Path.Combine(dir, "lab", folder, file));
        throw new InvalidOperationException("RedisHaTui.sln not found above " + AppContext.BaseDirectory);
    }
}
