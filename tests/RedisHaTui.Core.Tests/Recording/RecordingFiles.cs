using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.Recording;

/// <summary>A temporary folder for recordings, and recordings written into it through the real writer.</summary>
public sealed class RecordingFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("rec-test-").FullName;

    public string PathOf(string name = "session.rec.ndjson") => Path.Combine(Folder, name);

    public static RecordingHeader Header(Core.Lab.LabDefinition? lab = null) => new()
    {
        FormatVersion = RecordingFormat.Version, AppVersion = "test", StartedAt = SnapshotStories.T0, Mode = "owned", Lab = lab ?? SnapshotStories.Lab,
    };

    /// <summary>Writes the snapshots (and a log line after each) and returns those the writer kept.</summary>
    public List<LabSnapshot> Write(string path, IEnumerable<LabSnapshot> snapshots, KeyframePolicy? policy = null, bool end = true)
    {
        var kept = new List<LabSnapshot>();
        using var writer = new RecordingWriter(File.Create(path), Header(), policy);
        foreach (LabSnapshot s in snapshots)
        {
            if (writer.Snapshot(s)) kept.Add(s);
            writer.Log("node1", s.At, $"line at version {s.Version}");
        }
        if (end) writer.End(kept.Count > 0 ? kept[^1].At : SnapshotStories.T0);
        return kept;
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
