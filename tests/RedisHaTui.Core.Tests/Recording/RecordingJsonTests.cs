using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.Recording;

public class RecordingJsonTests
{
    [Fact]
    public void A_rich_snapshot_written_and_read_back_is_equal_to_the_original()
    {
        LabSnapshot original = SnapshotStories.Rich();

        string json = JsonSerializer.Serialize(original, RecordingJson.Snapshot);
        LabSnapshot? back = JsonSerializer.Deserialize(json, RecordingJson.Snapshot);

        Assert.Equal(original, back);
        Assert.DoesNotContain("\"lastLoad\"", json);
    }

    [Fact]
    public void A_header_with_an_auth_lab_round_trips_with_the_password_redacted()
    {
        const string password = "pw-Recorded-Never_0123456789abcdef";
        var header = new RecordingHeader
        {
            FormatVersion = RecordingFormat.Version, AppVersion = "1.0", StartedAt = SnapshotStories.T0, Mode = "owned",
            Lab = SnapshotStories.AuthLab(password), WalkthroughMarkdown = "# Steps",
        };

        string json = JsonSerializer.Serialize(header, RecordingJson.Header);
        RecordingHeader back = JsonSerializer.Deserialize(json, RecordingJson.Header)!;

        Assert.DoesNotContain(password, json);
        Assert.Equal("***", back.Lab.Security.Credentials!.Password.Reveal());
        // ImmutableArray compares by reference: the lab is compared part by part, and as what it writes again.
        Assert.Equal(header.Lab.Nodes.ToArray(), back.Lab.Nodes.ToArray());
        Assert.Equal(header.Lab.Sentinels.ToArray(), back.Lab.Sentinels.ToArray());
        Assert.Equal((header.Lab.LabFile, header.Lab.MasterName, header.Lab.PortOffset, header.Lab.Redis, header.Lab.Monitor, header.Lab.Ui, header.Lab.Load),
            (back.Lab.LabFile, back.Lab.MasterName, back.Lab.PortOffset, back.Lab.Redis, back.Lab.Monitor, back.Lab.Ui, back.Lab.Load));
        Assert.Equal(json, JsonSerializer.Serialize(back, RecordingJson.Header));
        Assert.Equal(header.Lab.Network.Members.Select(m => (m.Name, m.Address, m.Process)), back.Lab.Network.Members.Select(m => (m.Name, m.Address, m.Process)));
    }
}
