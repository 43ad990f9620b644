using System.Security.Cryptography;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Lab;

public class LabLifecycleTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_lab_becomes_ready_with_one_master_a_linked_replica_and_agreeing_sentinels()
    {
        await using RunningLab lab = await RunningLab.StartAsync();

        // CKQUORUM is read every 5th poll (or when an event wakes the monitor): the verdict from before the
        // sentinels knew each other may still be the latest when the rest already says healthy.
        LabSnapshot s = await lab.WaitForAsync(x => x.Consensus.Healthy && x.Sentinels.All(y => y.QuorumOk == true), Soon, "healthy, quorum read");

        Assert.Equal("node1", s.Consensus.MasterByRoles);
        Assert.Equal("node1", s.Consensus.MasterBySentinels);
        NodeSnapshot node2 = s.Node("node2")!;
        Assert.Equal((NodeRole.Replica, "node1", "up"), (node2.Role, node2.FollowsName, node2.LinkStatus));
        Assert.Equal("node2", Assert.Single(s.Node("node1")!.Replicas).Name);
        Assert.All(s.Sentinels, x => Assert.Equal((1, 2, true), (x.KnownReplicas, x.KnownSentinels, x.QuorumOk)));
    }

    [Fact]
    public async Task A_killed_node_is_reported_down_with_its_exit_at_once()
    {
        await using RunningLab lab = await RunningLab.StartAsync();

        lab.Session.Supervisor!.Kill("node2");
        // Two sources, either first: the supervisor sees the exit, the monitor's next read finds the port closed.
        // Usually within milliseconds; the wait is long only for a loaded machine.
        LabSnapshot s = await lab.WaitForAsync(x => x.Node("node2") is { Reachable: false, Process.State: ProcessState.Exited },
            TimeSpan.FromSeconds(20), "node2 down and its exit known");

        Assert.Equal(137, s.Node("node2")!.Process.ExitCode);
        Assert.Contains(s.Timeline, t => t.Source == TimelineSource.Process && t.Text.Contains("node2 exited: killed by SIGKILL"));
        Assert.Contains("node2 is down", s.Consensus.Problems);
    }

    [Fact]
    public async Task A_start_that_comes_after_the_app_quit_starts_nothing()
    {
        RunningLab lab = await RunningLab.StartAsync();
        Supervisor supervisor = lab.Session.Supervisor!;

        await lab.DisposeAsync(); // what a restart or lab start still under way meets when its stop is done
        bool started = await supervisor.StartAsync("node2");

        Assert.False(started);
        Assert.All(lab.Lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"{p.Name} port {p.Port} taken after the app quit"));
    }

    [Fact]
    public async Task Stopping_the_lab_leaves_no_process_and_frees_every_port()
    {
        RunningLab lab = await RunningLab.StartAsync();
        int[] pids = [.. lab.Session.Supervisor!.Processes.Select(p => p.Status.Pid!.Value)];

        await lab.DisposeAsync();

        Assert.All(pids, pid => Assert.False(Signals.IsAlive(pid), $"pid {pid} still alive"));
        Assert.All(lab.Lab.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint), $"port {p.Port} still busy"));
    }

    [Fact]
    public async Task Two_labs_with_different_port_offsets_run_side_by_side()
    {
        using var files = TempLab.Create();
        LabDefinition first = files.Load(), second = files.Load("--port-offset", files.FreeOffset().ToString());
        Assert.All(second.Processes, p => Assert.True(PortOwner.IsFree(p.Endpoint)));

        await using LabSession a = await LabSession.OpenAsync(first);
        await using LabSession b = await LabSession.OpenAsync(second);
        await Task.WhenAll(a.StartLabAsync(), b.StartLabAsync()).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(a.Store.Current.Consensus.Healthy || await Healthy(a));
        Assert.True(b.Store.Current.Consensus.Healthy || await Healthy(b));
        Assert.NotEqual(first.RunDirectory, second.RunDirectory);
        Assert.True(File.Exists(Path.Combine(second.RunDirectory, "node1", "node1.log")));
    }

    private static async Task<bool> Healthy(LabSession s)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return (await s.Store.WaitForAsync(x => x.Consensus.Healthy, timeout.Token)).Consensus.Healthy;
    }

    [Fact]
    public async Task Running_the_lab_changes_nothing_under_lab()
    {
        using var files = TempLab.Create();
        string labFolder = Path.Combine(files.Directory, "lab");
        string before = Fingerprint(labFolder);

        await using (LabSession session = await LabSession.OpenAsync(files.Load()))
        {
            await session.StartLabAsync().WaitAsync(TimeSpan.FromSeconds(60));
            // A failover makes Sentinel and Redis rewrite their configs (CONFIG REWRITE, sentinel.conf).
            Assert.True((await session.Actions.RunAsync(Core.Actions.LabActionKind.Failover, null)).Ok);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            // Every sentinel agreeing on node2 means each has rewritten its sentinel.conf and node2 its redis.conf.
            await session.Store.WaitForAsync(s => s.Failovers.LastOrDefault() is { Complete: true, NewMaster: "node2" }, timeout.Token);
        }

        Assert.Equal(before, Fingerprint(labFolder));
    }

    [Fact]
    public async Task A_port_held_by_a_foreign_process_is_named_and_nothing_starts()
    {
        using var files = TempLab.Create();
        LabDefinition lab = files.Load();
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, lab.Sentinels[1].Port);
        squatter.Start();

        var e = await Assert.ThrowsAsync<LabLoadException>(() => LabSession.OpenAsync(lab));

        Assert.Contains($"{lab.Sentinels[1].Endpoint} (sentinel2) is in use by pid {Environment.ProcessId}", e.Message);
        Assert.All(lab.Processes.Where(p => p.Port != lab.Sentinels[1].Port), p => Assert.True(PortOwner.IsFree(p.Endpoint)));
    }

    private static string Fingerprint(string folder) => string.Join("\n",
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order()
            .Select(f => $"{Path.GetRelativePath(folder, f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
