using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Recording;

public class RecordingPlaceTests
{
    private static readonly LabDefinition Lab = TestLabs.Definition();

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    [InlineData("false")]
    [InlineData("none")]
    public void Off_records_nothing(string setting) => Assert.Equal((null, null), RecordingPlace.Resolve(setting, Lab, RecordingMode.Owned));

    [Fact]
    public void By_default_an_owned_lab_records_into_its_run_directory_and_a_watcher_into_the_state_folder()
    {
        Assert.Equal(Path.Combine(Lab.RunDirectory, RecordingFormat.DefaultFileName), RecordingPlace.Resolve("", Lab, RecordingMode.Owned).Path);

        string attached = RecordingPlace.Resolve(null, Lab, RecordingMode.Attached).Path!;
        string deployment = RecordingPlace.Resolve(null, Lab, RecordingMode.Deployment).Path!;

        Assert.StartsWith(Path.Combine(UserFolders.State, "sessions", "attached-"), attached);
        Assert.StartsWith(Path.Combine(UserFolders.State, "sessions", "deployment-myMaster-"), deployment);
        Assert.EndsWith(RecordingFormat.DefaultFileName, attached);
        Assert.Equal(attached, RecordingPlace.Resolve(null, Lab, RecordingMode.Attached).Path);   // the same place each time
    }

    [Fact]
    public void A_named_file_is_used_but_never_one_under_the_labs_templates()
    {
        Assert.Equal(Path.GetFullPath("/tmp/drill.rec.ndjson"), RecordingPlace.Resolve("/tmp/drill.rec.ndjson", Lab, RecordingMode.Owned).Path);

        (string? path, string? problem) = RecordingPlace.Resolve("/lab/lab/node1/session.rec.ndjson", Lab, RecordingMode.Owned);

        Assert.Null(path);
        Assert.Contains("--record /lab/lab/node1/session.rec.ndjson", problem);
        Assert.Contains("templates", problem);
    }

    [Fact]
    public void A_deployment_whose_processes_have_no_folder_records_in_the_state_folder_without_a_problem()
    {
        LabDefinition lab = TestLabs.Definition();
        LabDefinition deployment = lab with
        {
            Nodes = [.. lab.Nodes.Select(n => n with { Folder = "" })],
            Sentinels = [.. lab.Sentinels.Select(x => x with { Folder = "" })],
        };

        (string? path, string? problem) = RecordingPlace.Resolve(null, deployment, RecordingMode.Attached);

        Assert.Null(problem);
        Assert.StartsWith(Path.Combine(UserFolders.State, "sessions"), path);
    }
}
