using RedisHaTui.Cli;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>`redis-ha-tui --walkthrough FILE`: a bad file is refused before the screen opens, with the file and the line.</summary>
public class WalkthroughCliTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_walkthrough_with_an_unknown_check_is_refused_naming_the_file_and_line_exit_2_and_nothing_starts()
    {
        using var lab = TempLab.Create();
        string steps = Path.Combine(lab.Directory, "my-talk.md");
        File.WriteAllText(steps, "# My talk\n\n## Start node1\ncheck: runs node1\n\n## Look around\ncheck: looks-fine node1\n");

        (int code, string output) = await AppProcess.RunAsync(Quick, "--lab", lab.LabFile, "--walkthrough", steps);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("my-talk.md:7: unknown check 'looks-fine' (known: runs, master, sentinels-know, key-equals, readonly-refused, failover-completed, replica-of, load-ran, partitioned, split-brain, healed, writes-lost, lesson, manual)", output);
        Assert.DoesNotContain("   at ", output);
        Assert.False(Directory.Exists(Path.Combine(lab.Directory, ".run", "lab-0", "node1")), "nothing was prepared for a refused walkthrough");
    }

    [Fact]
    public async Task The_walkthrough_option_belongs_to_the_screen_and_is_in_its_help()
    {
        (int code, string output) = await AppProcess.RunAsync(Quick, "--help");
        Assert.Equal(0, code);
        Assert.Contains("--walkthrough <FILE>", output);

        (code, output) = await AppProcess.RunAsync(Quick, "status", "--walkthrough");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--walkthrough is not an option of `status`: the screen (no command) takes it", output);
    }
}
