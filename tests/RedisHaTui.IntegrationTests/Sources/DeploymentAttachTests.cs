using System.Text.Json;
using System.Text.Json.Nodes;
using RedisHaTui.Cli;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Sources;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Sources;

/// <summary>
/// Watching a deployment this app did not start, found through its sentinels. The deployment is a real lab on
/// 127.0.0.2 and 127.0.0.3 (Linux routes all of 127/8 to loopback), so "not 127.0.0.1" is really exercised.
/// </summary>
public class DeploymentAttachTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    /// <summary>node1 and sentinel1, sentinel3 on 127.0.0.2; node2, node3 and sentinel2 on 127.0.0.3.</summary>
    private static void OnTwoHosts(JsonObject root)
    {
        JsonArray nodes = root["Lab"]!["Nodes"]!.AsArray(), sentinels = root["Lab"]!["Sentinels"]!.AsArray();
        for (int i = 0; i < nodes.Count; i++) nodes[i]!["Host"] = i == 0 ? "127.0.0.2" : "127.0.0.3";
        for (int i = 0; i < sentinels.Count; i++) sentinels[i]!["Host"] = i == 1 ? "127.0.0.3" : "127.0.0.2";
    }

    private static DeploymentOptions Options(LabDefinition lab, Endpoint? seed = null, string? master = null) =>
        new([seed ?? lab.Sentinels[1].Endpoint], master ?? lab.MasterName, ConnectionSecurity.None) { RediscoverEvery = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task A_password_protected_deployment_on_other_hosts_is_discovered_followed_through_a_failover_and_watched_read_only()
    {
        await using RunningLab lab = await RunningLab.StartAsync(nodes: 2, edit: r =>
        {
            OnTwoHosts(r);
            r["Lab"]!["Auth"] = new JsonObject { ["Enabled"] = true };
        });
        Endpoint node1 = lab.Lab.Nodes[0].Endpoint, node2 = lab.Lab.Nodes[1].Endpoint;
        Assert.Equal("127.0.0.2", node1.Host);
        string passwordFile = new RunDirectory(lab.Lab).PasswordPath, password = File.ReadAllText(passwordFile).Trim();

        // Without the password, or with a wrong one, attaching says so for the sentinel it asked.
        async Task<string> Refusal(ConnectionSecurity security) => string.Join("\n",
            (await Assert.ThrowsAsync<LabLoadException>(() => LabSession.AttachToDeploymentAsync(Options(lab.Lab) with { Security = security }))).Problems);
        Assert.Contains("requires a password", await Refusal(ConnectionSecurity.None));
        Assert.Contains("refused the credentials", await Refusal(new ConnectionSecurity(new RedisCredentials(null, new Secret("not-" + password)))));

        await using LabSession watcher = await LabSession.AttachToDeploymentAsync(Options(lab.Lab) with { Security = lab.Lab.Security });
        using var wait = new CancellationTokenSource(Wait);
        LabSnapshot s = await watcher.Store.WaitForAsync(x => x.Consensus.Healthy, wait.Token);

        // Every process, at the address Sentinel reports (its announce-ip), named by it.
        Assert.Equal([node1.ToString(), node2.ToString()], s.Nodes.Select(n => n.Name));
        Assert.Equal(lab.Lab.Sentinels.Select(x => x.Endpoint.ToString()).Order(), s.Sentinels.Select(x => x.Name).Order());
        Assert.Equal(node1.ToString(), s.Consensus.MasterByRoles);

        // Read-only: no signals, no failover, no writes, each with its reason.
        Assert.Equal("attached to a deployment: read-only (this app did not start these processes)", s.WhyNot(LabActionKind.Kill, node1.ToString()));
        Assert.Equal("attached to a deployment: failover needs --allow-failover", s.WhyNot(LabActionKind.Failover));
        Assert.Equal("attached to a deployment: read-only; start with --allow-writes", s.WhyNot(LabActionKind.DebugSleep, node1.ToString()));
        LabActionResult write = await watcher.Actions.RunCommandAsync(node1.ToString(), "set k1 val1");
        Assert.False(write.Ok);
        Assert.Contains("--allow-writes", write.Message);
        Assert.Equal("(nil)", (await watcher.Actions.RunCommandAsync(node1.ToString(), "get k1")).Message);

        // The lab's owner kills the master: the watcher sees the sentinels move it and times it.
        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null)).Ok);
        s = await watcher.Store.WaitForAsync(x => x.Consensus.MasterBySentinels == node2.ToString() && x.Failovers.LastOrDefault() is { Complete: true }, wait.Token);
        Assert.Equal((node1.ToString(), node2.ToString()), (s.Failovers[^1].OldMaster, s.Failovers[^1].NewMaster));
        Assert.NotNull(s.Failovers[^1].PhaseTime(FailoverPhaseKind.SwitchMaster));

        // The command line sees the same deployment, and says healthy or not in its exit code.
        (int code, string json) = await AppProcess.RunAsync(Wait, "status", "--json", "--sentinels", lab.Lab.Sentinels[0].Endpoint.ToString(),
            "--master", lab.Lab.MasterName, "--password-file", passwordFile);
        Assert.Equal(ExitCodes.NotHealthy, code); // node1 is down
        Assert.DoesNotContain(password, json);
        using JsonDocument doc = JsonDocument.Parse(json);
        Assert.Equal("127.0.0.3", doc.RootElement.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("role").GetString() == "master").GetProperty("host").GetString());
    }

    [Fact]
    public async Task Replicas_that_come_and_go_come_and_go_on_the_watcher_too()
    {
        await using RunningLab lab = await RunningLab.StartAsync(nodes: 3, edit: OnTwoHosts);
        string node3 = lab.Lab.Nodes[2].Endpoint.ToString();
        await using LabSession watcher = await LabSession.AttachToDeploymentAsync(Options(lab.Lab));
        using var wait = new CancellationTokenSource(Wait + Wait);
        await watcher.Store.WaitForAsync(x => x.Node(node3) is { Reachable: true }, wait.Token);

        // Sentinel forgets a replica only when told to: stop it, then SENTINEL RESET on every sentinel.
        await lab.Session.Actions.RunAsync(LabActionKind.Stop, "node3");
        foreach (SentinelDefinition sentinel in lab.Lab.Sentinels)
        {
            await using ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync(
                RedisHaTui.Core.Redis.RedisConnections.Options(sentinel.Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(2), sentinel: true));
            await mux.GetServer(sentinel.Endpoint.Host, sentinel.Endpoint.Port).ExecuteAsync("SENTINEL", "RESET", lab.Lab.MasterName);
        }
        LabSnapshot s = await watcher.Store.WaitForAsync(x => x.Node(node3) is null, wait.Token);
        Assert.Contains(s.Timeline, t => t.Kind == TimelineKind.Topology && t.Text.Contains($"node {node3} gone"));

        await lab.Session.Actions.RunAsync(LabActionKind.Start, "node3");
        s = await watcher.Store.WaitForAsync(x => x.Node(node3) is { Reachable: true, Role: NodeRole.Replica }, wait.Token);
        Assert.Contains(s.Timeline, t => t.Kind == TimelineKind.Topology && t.Text.Contains($"node {node3} found"));
    }

    [Fact]
    public async Task The_deployment_s_quorum_and_timeouts_are_what_its_sentinels_report_and_follow_a_live_SENTINEL_SET()
    {
        await using RunningLab lab = await RunningLab.StartAsync(nodes: 2, edit: OnTwoHosts);
        SentinelDefinition configured = lab.Lab.Sentinels[0];
        await using LabSession watcher = await LabSession.AttachToDeploymentAsync(Options(lab.Lab));

        Assert.All(watcher.Lab.Sentinels, x => Assert.Equal(
            (configured.Quorum, configured.DownAfterMilliseconds, configured.FailoverTimeoutMilliseconds, configured.ParallelSyncs),
            (x.Quorum, x.DownAfterMilliseconds, x.FailoverTimeoutMilliseconds, x.ParallelSyncs)));

        int syncs = configured.ParallelSyncs + 1;
        foreach (SentinelDefinition sentinel in lab.Lab.Sentinels)
        {
            await using ConnectionMultiplexer mux = await ConnectionMultiplexer.ConnectAsync(
                RedisHaTui.Core.Redis.RedisConnections.Options(sentinel.Endpoint, ConnectionSecurity.None, TimeSpan.FromSeconds(2), sentinel: true));
            await mux.GetServer(sentinel.Endpoint.Host, sentinel.Endpoint.Port).ExecuteAsync("SENTINEL", "SET", lab.Lab.MasterName, "parallel-syncs", syncs);
        }
        using var wait = new CancellationTokenSource(Wait);
        LabSnapshot s = await watcher.Store.WaitForAsync(x => x.Timeline.Any(t => t.Kind == TimelineKind.Topology), wait.Token);

        Assert.Equal($"the sentinels now report parallel-syncs {configured.ParallelSyncs} → {syncs}", s.Timeline.Single(t => t.Kind == TimelineKind.Topology).Text);
        Assert.All(watcher.Lab.Sentinels, x => Assert.Equal(syncs, x.ParallelSyncs));
    }

    [Fact]
    public async Task Attaching_fails_with_a_clear_refusal_naming_the_sentinel_and_why()
    {
        await using RunningLab lab = await RunningLab.StartAsync(nodes: 2, edit: OnTwoHosts);
        Endpoint sentinel = lab.Lab.Sentinels[0].Endpoint, node = lab.Lab.Nodes[0].Endpoint;

        async Task<string> Refusal(DeploymentOptions o) =>
            string.Join("\n", (await Assert.ThrowsAsync<LabLoadException>(() => LabSession.AttachToDeploymentAsync(o))).Problems);

        Assert.Contains($"sentinel {sentinel}: monitors no master named 'nope'", await Refusal(Options(lab.Lab, sentinel, master: "nope")));
        Assert.Contains($"sentinel {node}: is not a sentinel", await Refusal(Options(lab.Lab, node)));
        Endpoint closed = new("127.0.0.3", FreePorts.Block(1));
        Assert.Contains($"sentinel {closed}: does not answer", await Refusal(Options(lab.Lab, closed)));
        Assert.Contains("host name 'no-such-host.invalid' does not resolve", await Refusal(Options(lab.Lab, new Endpoint("no-such-host.invalid", 26379))));

        (int code, string output) = await AppProcess.RunAsync(Wait, "status", "--sentinels", sentinel.ToString());
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--sentinels needs --master NAME", output);
    }
}
