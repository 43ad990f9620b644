using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Views;
using Terminal.Gui.Drawing;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class BadgeScreenTests
{
    [Theory]
    [InlineData("MASTER")]
    [InlineData("REPLICA")]
    [InlineData("SENTINEL")]
    [InlineData("SYNCING")]
    [InlineData("STARTING")]
    [InlineData("PAUSED")]
    [InlineData("DOWN")]
    public void Each_state_shows_its_badge_in_its_colour(string badge)
    {
        var session = new FakeSession(FakeLab.Definition());
        LabSnapshot s = FakeLab.Healthy(session.Lab);
        s = badge switch
        {
            "SYNCING" => s.WithNode("node2", n => n with { SyncInProgress = true }),
            "STARTING" => s.WithNode("node2", n => n with { Process = new ProcessStatus(ProcessState.Starting), Reachable = false }),
            "PAUSED" => s.WithNode("node2", n => n with { Process = new ProcessStatus(ProcessState.Paused, 42) }),
            "DOWN" => s.WithNode("node2", n => n.Unreachable("Connection refused") with { Process = new ProcessStatus(ProcessState.Exited, ExitCode: 137) }),
            _ => s,
        };
        session.Publish(s);
        using var screen = TuiScreen.Open(80, 24, session);

        (int row, int col) = screen.Find($" {badge} ");
        Assert.True(row >= 0, $"no {badge} badge on\n{screen.Text}");
        var expected = Theme.Default.Of(Enum.Parse<BadgeKind>(badge, ignoreCase: true));
        Assert.Equal(expected, screen.App.Driver!.Contents![row, col + 1].Attribute);
    }

    [Fact]
    public void While_the_lab_starts_every_pane_says_STARTING()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(LabSnapshot.Initial(session.Lab) with
        {
            Nodes = [.. session.Lab.Nodes.Select(n => NodeSnapshot.Initial(n) with { Process = new ProcessStatus(ProcessState.Starting) })],
            Sentinels = [.. session.Lab.Sentinels.Select(x => SentinelSnapshot.Initial(x) with { Process = new ProcessStatus(ProcessState.Starting) })],
        });
        using var screen = TuiScreen.Open(80, 24, session);

        Assert.Equal(5, screen.Text.Split(" STARTING ").Length - 1);
    }

    [Theory]
    [InlineData("presenter")]
    [InlineData("mono")]
    public void Other_themes_draw_badges_their_own_way(string name)
    {
        Theme theme = Theme.For(name, noColor: false);
        using var screen = TuiScreen.Open(100, 30, theme: theme);

        (int row, int col) = screen.Find("MASTER");
        Assert.True(row >= 0);
        Assert.Equal(theme.Of(BadgeKind.Master), screen.App.Driver!.Contents![row, col].Attribute);
        if (name == "mono") Assert.True(theme.Of(BadgeKind.Master).Style.HasFlag(TextStyle.Reverse));
        if (name == "presenter") Assert.Contains("  MASTER  ", screen.Text);
    }

    [Fact]
    public void No_color_means_the_mono_theme_whatever_was_asked() => Assert.Same(Theme.Mono, Theme.For("presenter", noColor: true));
}
