using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>Where a session records: a deployment's processes (no folder on this machine) do not stop an attached session from starting.</summary>
public class RecordingPlaceTests
{
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
