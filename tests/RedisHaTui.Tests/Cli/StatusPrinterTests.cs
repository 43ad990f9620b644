using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Cli;

/// <summary>`status` as text: before anything runs it says so, in the screen's words, instead of "master ? · NOT healthy".</summary>
public sealed class StatusPrinterTests
{
    private static readonly LabDefinition Lab = FakeLab.Definition();
    private static readonly Dictionary<string, int?> NoPids = [];

    [Fact]
    public void Before_anything_runs_status_says_nothing_is_running_yet_and_how_to_start_it()
    {
        string text = StatusPrinter.Text(Lab, LabSnapshot.Initial(Lab), NoPids);

        string first = text.Split('\n')[0];
        Assert.Contains("myMaster · nothing running yet: no process answers on the lab's ports; start it with `", first);
        Assert.Contains(" up", first);
        Assert.DoesNotContain("NOT healthy", text);
        Assert.DoesNotContain("master ?", text);
        Assert.DoesNotContain("! ", text); // no list of every process "is down"
        Assert.Contains("node1  127.0.0.1:7001", text); // the tables still say where it looked
    }

    [Fact]
    public void Once_everything_stopped_status_says_nothing_is_running()
    {
        var exited = new ProcessStatus(ProcessState.Exited, ExitCode: 0);
        LabSnapshot initial = LabSnapshot.Initial(Lab);
        LabSnapshot s = initial with
        {
            Nodes = [.. initial.Nodes.Select(n => n with { Process = exited })],
            Sentinels = [.. initial.Sentinels.Select(x => x with { Process = exited })],
        };

        Assert.Contains("myMaster · nothing running: no process answers", StatusPrinter.Text(Lab, s, NoPids));
    }

    [Fact]
    public void A_lab_that_ran_before_is_not_running_yet_to_a_status_that_just_attached()
    {
        // An attached reader sees every process as not started; the run directory's log files say it ran.
        Assert.Contains("myMaster · nothing running: no process answers", StatusPrinter.Text(Lab, LabSnapshot.Initial(Lab), NoPids, ranBefore: true));
    }

    [Fact]
    public void A_running_lab_gets_its_verdict()
    {
        string text = StatusPrinter.Text(Lab, FakeLab.Healthy(Lab), NoPids);

        Assert.Contains("master node1 (sentinels say node1) · healthy", text.Split('\n')[0]);
        Assert.DoesNotContain("nothing running", text);
    }
}
