using System.Text.Json.Nodes;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>A real lab recorded while its master is killed: the recording tells the failover as the session saw it.</summary>
public class RecordedSessionTests
{
    private static readonly TimeSpan FailoverTime = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_killed_master_is_recorded_as_a_failover_mark_and_the_new_master_shows_after_it_and_no_password_anywhere()
    {
        // Arrange: an auth lab, recorded as the screen records it.
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000, edit: r => r["Lab"]!["Auth"] = new JsonObject { ["Enabled"] = true });
        string password = lab.Lab.Security.Credentials!.Password.Reveal();
        string path = Path.Combine(lab.Files.Directory, "recordings", RecordingFormat.DefaultFileName);
        var header = new RecordingHeader
        {
            FormatVersion = RecordingFormat.Version, AppVersion = "test", StartedAt = lab.Session.Store.Time.GetUtcNow(),
            Lab = lab.Lab, Mode = RecordingPlace.ModeName(RecordingMode.Owned),
        };
        FlightRecorder recorder = FlightRecorder.Start(lab.Session.Store, lab.Session.Log, header, path);
        string oldMaster = lab.Now.Consensus.MasterByRoles!;

        // Act: kill the master and wait until every sentinel agrees on another.
        LabActionResult kill = await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null);
        Assert.True(kill.Ok, kill.Message);
        LabSnapshot after = await lab.WaitForAsync(s => s.Failovers.LastOrDefault() is { Complete: true, NewMaster: not null }, FailoverTime, "the failover completes");
        string newMaster = after.Failovers[^1].NewMaster!;
        await recorder.DisposeAsync();

        // Assert: the marks hold the kill and the failover; after the failover's mark the recording shows the new master.
        using RecordingReader reader = RecordingReader.Open(path);
        Assert.Null(reader.Problem);
        Assert.True(reader.Finished);
        RecordingMark failover = Assert.Single(reader.Marks, m => m.Kind == RecordingMarkKind.Failover);
        Assert.Contains(reader.Marks, m => m.Kind == RecordingMarkKind.Action && m.Text.Contains(oldMaster));
        Assert.Equal(oldMaster, reader.SnapshotAt(failover.At.AddMilliseconds(-1)).Consensus.MasterByRoles);
        LabSnapshot end = reader.SnapshotAt(reader.End);
        Assert.Equal(newMaster, end.Consensus.MasterByRoles);
        Assert.Equal(after.Failovers[^1].StartedAt, end.Failovers[^1].StartedAt);
        Assert.True(end.Failovers[^1].Complete);
        Assert.Contains(end.Timeline, e => e.Event == Core.Events.SentinelEventKind.SwitchMaster);
        // The sentinels' logs travel with their times: +switch-master is in one of them.
        Assert.Contains(lab.Lab.Sentinels, s => reader.LogAt(s.Name, reader.End, 500).Any(l => l.Text.Contains("+switch-master")));
        Assert.DoesNotContain(password, File.ReadAllText(path));
    }
}
