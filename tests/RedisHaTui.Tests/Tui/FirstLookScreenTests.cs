using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Tui;

/// <summary>What a newcomer sees before doing anything: words, not identifiers, and where the built-in lab lives.</summary>
[Collection("Tui")]
public sealed class FirstLookScreenTests
{
    [Fact]
    public void Before_anything_is_started_the_screen_says_nothing_runs_yet_and_each_pane_not_started()
    {
        var session = new FakeSession(FakeLab.Definition());
        session.Publish(LabSnapshot.Initial(session.Lab) with { Version = 1, Consensus = FakeLab.Consensus(null, null, healthy: false, "node1 is down") });
        using var screen = TuiScreen.Open(100, 30, session);

        string text = screen.Text;
        Assert.Contains("nothing running yet · s starts the selected process", text);
        Assert.Contains("not started", text);
        Assert.DoesNotContain("notstarted", text);
        Assert.DoesNotContain("master ?", text);
    }

    [Fact]
    public void On_the_built_in_lab_the_status_line_names_its_folder()
    {
        LabDefinition lab = FakeLab.Definition() with { LabFile = Path.Combine(BuiltInLab.Folder, "lab.json") };
        using var screen = TuiScreen.Open(160, 30, new FakeSession(lab));

        string shown = RedisHaTui.Presentation.PathText.Shown(BuiltInLab.Folder);
        Assert.Contains($"built-in tutorial lab: {shown} (no lab.json here)", screen.Text);
    }
}
