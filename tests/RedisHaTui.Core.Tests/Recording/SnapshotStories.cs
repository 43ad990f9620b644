using System.Net;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>
/// Snapshots as a session produces them, made with the store's own functions (timeline, stopwatch) and the
/// changes a monitor poll makes: a rich one with every part filled, and random walks of real changes.
/// </summary>
public static class SnapshotStories
{
    public static readonly DateTimeOffset T0 = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    public static readonly LabDefinition Lab = TestLabs.Definition(nodes: 3);

    private static string Name(string? ip, int? port) => Lab.NodeLabel(ip, port);

    /// <summary>A lab mid-failover with a write load, a cut network and every list non-empty.</summary>
    public static LabSnapshot Rich()
    {
        LabSnapshot s = LabSnapshot.Initial(Lab);
        int p1 = Lab.Nodes[0].Port, p2 = Lab.Nodes[1].Port;
        s = s with
        {
            Version = 42,
            At = T0.AddSeconds(30),
            Nodes =
            [
                s.Nodes[0] with { Process = new ProcessStatus(ProcessState.Exited, 123, 137, T0, "killed"), Error = "connection refused" },
                s.Nodes[1] with
                {
                    Process = new ProcessStatus(ProcessState.Running, 124, null, T0), Reachable = true, Role = NodeRole.Master, Offset = 12345,
                    Replicas = [new ReplicaLink("127.0.0.1", Lab.Nodes[2].Port, "node3", "online", 12300, 0)], GoodReplicas = 1,
                    MinReplicasToWrite = 1, MinReplicasMaxLag = 10, Keys = 7, Aof = "on", ReadOnlyRefusals = 3,
                    WatchedKeys = [new WatchedKey("greeting", "hello"), new WatchedKey("missing", null)], PolledAt = T0.AddSeconds(29.5),
                },
                s.Nodes[2] with
                {
                    Reachable = true, Role = NodeRole.Replica, FollowsName = "node2", FollowsPort = p2, LinkStatus = "up", LastIoSecondsAgo = 1,
                    SyncInProgress = false, Offset = 12300, LagBytes = 45, PolledAt = T0.AddSeconds(29.6),
                },
            ],
            Sentinels =
            [
                .. s.Sentinels.Select((x, i) => x with
                {
                    Process = new ProcessStatus(ProcessState.Running, 200 + i), Reachable = true, MasterAddress = $"127.0.0.1:{p2}",
                    MasterNodeName = "node2", SDown = i == 0, FailoverInProgress = i == 1, FailoverState = "wait_promotion", KnownReplicas = 2,
                    KnownSentinels = 2, Epoch = 3, Quorum = "OK 3 usable Sentinels", QuorumOk = true, QuorumAskedAt = T0.AddSeconds(20),
                    Promotion = new PromotionVerdict("node3", [new PromotionCandidate("node3"), new PromotionCandidate("node1", Excluded: "down", Down: true)]),
                    PolledAt = T0.AddSeconds(29),
                }),
            ],
            Consensus = new Consensus { MasterBySentinels = "node2", MasterByRoles = "node2", Disagreements = ["node1 is down"], Problems = ["node1 down"], Healthy = false },
            Availability = new Availability { Commands = [new CommandState(Core.Actions.LabActionKind.Kill, "node2", null), new CommandState(Core.Actions.LabActionKind.Failover, null, "no healthy replica")] },
            Loads =
            [
                new LoadLedger
                {
                    Number = 1, StartedAt = T0, Running = true, Rate = 100, Acked = 2000, Failed = 120,
                    Errors = [new WriteErrorCount(WriteErrorKind.Connection, 100), new WriteErrorCount(WriteErrorKind.NoReplicas, 20)],
                    Outage = TimeSpan.FromSeconds(6.4), OutageStart = T0.AddSeconds(10), OutageEnd = T0.AddSeconds(16.4), OutageError = WriteErrorKind.NoReplicas,
                    PerSecond = [new WriteSecond(T0, 100, 0), new WriteSecond(T0.AddSeconds(1), 40, 60)], LostSequences = [17, 18], Key = "load:1", Client = "A",
                },
            ],
            Writes = new WritesStatus { Master = "node2", Accepted = true, GoodReplicas = 1, Required = 1, MaxLagSeconds = 10, Text = "writes accepted by node2" },
            Readiness = new FailoverReadiness(false, "failover in progress", "sentinel2", "sentinel1"),
            Network = new NetworkState { Partitions = true, Cut = new NetworkCut(["node1", "sentinel1"], ["node2", "node3"]), CutAt = T0.AddSeconds(5) },
            Walkthrough = new Core.Walkthrough.WalkthroughProgress([Core.Walkthrough.StepState.Done, Core.Walkthrough.StepState.Skipped, Core.Walkthrough.StepState.Pending], 1),
        };
        s = Timeline.AddAction(s, RedisHaTui.Core.Actions.LabActionKind.Kill, "kill node1 (SIGKILL)", T0.AddSeconds(1), 500);
        s = FailoverStopwatch.Start(s, "kill node1", "node1", T0.AddSeconds(1));
        s = Event(s, "sentinel1", "+sdown", $"master myMaster 127.0.0.1 {p1}", 6);
        s = Event(s, "sentinel2", "+odown", $"master myMaster 127.0.0.1 {p1} #quorum 2/2", 6.2);
        s = Event(s, "sentinel2", "+switch-master", $"myMaster 127.0.0.1 {p1} 127.0.0.1 {p2}", 8);
        s = Timeline.NoteLogged(s, "sentinel2", SentinelLogLine.Parse($"1:X {T0.AddSeconds(7.9):dd MMM yyyy HH:mm:ss.fff} # +switch-master myMaster 127.0.0.1 {p1} 127.0.0.1 {p2}", TimeZoneInfo.Utc)!);
        return s;
    }

    public static LabSnapshot Event(LabSnapshot s, string sentinel, string channel, string payload, double seconds)
    {
        SentinelEvent e = SentinelEvent.Parse(channel, payload);
        DateTimeOffset at = T0.AddSeconds(seconds);
        s = FailoverStopwatch.OnEvent(s, e, Name, at);
        return Timeline.AddSentinelEvent(s, sentinel, e, at, 500);
    }

    /// <summary>A random walk of the changes a session makes: polls, process changes, events, load seconds, a bounded timeline.</summary>
    public static IEnumerable<LabSnapshot> Walk(int seed, int steps, int timelineMax = 40)
    {
        var random = new Random(seed);
        LabSnapshot s = LabSnapshot.Initial(Lab) with { At = T0 };
        double seconds = 0;
        int p1 = Lab.Nodes[0].Port;
        for (int i = 0; i < steps; i++)
        {
            // At least a millisecond apart: a recording's index keeps milliseconds, and of two snapshots in the
            // same millisecond a replay shows the later one.
            seconds += 0.001 + Math.Round(random.NextDouble(), 3);
            DateTimeOffset at = T0.AddSeconds(seconds);
            int n = random.Next(Lab.Nodes.Length);
            s = random.Next(9) switch
            {
                0 => s with { Nodes = s.Nodes.SetItem(n, s.Nodes[n] with { Offset = (s.Nodes[n].Offset ?? 0) + random.Next(1, 500), PolledAt = at }) },
                1 => s with { Nodes = s.Nodes.SetItem(n, s.Nodes[n].Unreachable(random.Next(2) == 0 ? "refused" : null)) },
                2 => s with { Nodes = s.Nodes.SetItem(n, s.Nodes[n] with { Reachable = true, Role = (NodeRole)random.Next(3), Error = null, Keys = random.Next(100) }) },
                3 => Timeline.Add(s, TimelineKind.Screen, $"step {i}", at, timelineMax),
                4 => Event(s, $"sentinel{random.Next(1, 4)}", "+sdown", $"master myMaster 127.0.0.1 {p1}", seconds),
                5 => s with { Sentinels = s.Sentinels.SetItem(n, s.Sentinels[n] with { Epoch = random.Next(5), Reachable = random.Next(4) > 0, PolledAt = at }) },
                6 => LoadSecond(s, at, random),
                7 => s with { Consensus = s.Consensus with { Healthy = !s.Consensus.Healthy, Problems = random.Next(2) == 0 ? [] : [$"problem {i}"] } },
                _ => s with { Failovers = s.Failovers.IsEmpty ? s.Failovers : s.Failovers.RemoveRange(0, 1) },
            };
            s = s with { Version = s.Version + 1, At = at };
            yield return s;
        }
    }

    private static LabSnapshot LoadSecond(LabSnapshot s, DateTimeOffset at, Random random)
    {
        LoadLedger load = s.LastLoad ?? new LoadLedger { Number = 1, StartedAt = at, Running = true, Rate = 100 };
        var second = new WriteSecond(at, random.Next(100), random.Next(3));
        ValueArray<WriteSecond> perSecond = load.PerSecond.Add(second);
        if (perSecond.Length > 30) perSecond = perSecond.RemoveRange(0, perSecond.Length - 30);
        load = load with { Acked = load.Acked + second.Acked, Failed = load.Failed + second.Failed, PerSecond = perSecond };
        return s with { Loads = s.Loads.IsEmpty ? [load] : s.Loads.SetItem(s.Loads.Length - 1, load) };
    }

    /// <summary>The lab with a password and partitions, as an auth lab is built in the tests of the configs.</summary>
    public static LabDefinition AuthLab(string password) =>
        Lab with
        {
            Security = new ConnectionSecurity(new RedisCredentials("app", new Secret(password))),
            Network = LabNetwork.For(Lab, partitions: true),
        };

    public static IPAddress Loopback => IPAddress.Loopback;
}
