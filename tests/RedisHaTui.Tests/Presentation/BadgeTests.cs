using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tests.Presentation;

public sealed class BadgeTests
{
    public static TheoryData<string, string> NodeStates => new()
    {
        { "master", "MASTER" },
        { "replica", "REPLICA" },
        { "replica with a full sync running", "SYNCING" },
        { "replica whose link is down", "SYNCING" },
        { "process starting", "STARTING" },
        { "process paused", "PAUSED" },
        { "process killed", "DOWN" },
        { "running but not answering", "DOWN" },
        { "never started", "DOWN" },
        { "answering with no role yet", "UNKNOWN" },
    };

    [Theory]
    [MemberData(nameof(NodeStates))]
    public void A_node_badge_names_its_state(string state, string badge)
    {
        NodeSnapshot n = state switch
        {
            "master" => FakeLab.Master("node1", 7001),
            "replica" => FakeLab.Replica("node2", 7002),
            "replica with a full sync running" => FakeLab.Replica("node2", 7002) with { SyncInProgress = true },
            "replica whose link is down" => FakeLab.Replica("node2", 7002, link: "down"),
            "process starting" => FakeLab.Replica("node2", 7002) with { Process = new ProcessStatus(ProcessState.Starting), Reachable = false },
            "process paused" => FakeLab.Master("node1", 7001) with { Process = new ProcessStatus(ProcessState.Paused, 42) },
            "process killed" => FakeLab.Master("node1", 7001) with { Process = new ProcessStatus(ProcessState.Exited, ExitCode: 137), Reachable = false },
            "running but not answering" => FakeLab.Master("node1", 7001) with { Reachable = false },
            "never started" => FakeLab.Master("node1", 7001) with { Process = ProcessStatus.NotStarted, Reachable = false },
            _ => FakeLab.Master("node1", 7001) with { Role = NodeRole.Unknown },
        };
        Assert.Equal(badge, Badge.For(n).Text);
    }

    [Theory]
    [InlineData(ProcessState.Running, true, "SENTINEL")]
    [InlineData(ProcessState.External, true, "SENTINEL")]
    [InlineData(ProcessState.Starting, false, "STARTING")]
    [InlineData(ProcessState.Paused, true, "PAUSED")]
    [InlineData(ProcessState.Exited, false, "DOWN")]
    [InlineData(ProcessState.Running, false, "DOWN")]
    public void A_sentinel_badge_says_sentinel_while_it_answers(ProcessState state, bool reachable, string badge)
    {
        SentinelSnapshot s = FakeLab.Sentinel("sentinel1", 27001) with { Process = new ProcessStatus(state), Reachable = reachable };
        Assert.Equal(badge, Badge.For(s).Text);
    }

    [Fact]
    public void Every_badge_has_a_colour_in_every_theme_and_badges_differ_in_the_default_theme()
    {
        foreach (Theme theme in new[] { Theme.Default, Theme.Presenter, Theme.Mono })
            foreach (BadgeKind kind in Enum.GetValues<BadgeKind>())
                _ = theme.Of(kind);
        var defaults = Enum.GetValues<BadgeKind>().Select(k => Theme.Default.Of(k).Background).ToList();
        Assert.Equal(defaults.Count, defaults.Distinct().Count());
    }
}
