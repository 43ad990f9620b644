using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.Recording;

public class RecordingReaderTests : IDisposable
{
    private readonly RecordingFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_recorded_snapshot_is_read_back_exactly_at_its_time(int seed)
    {
        string path = _files.PathOf();
        LabSnapshot[] walk = [.. SnapshotStories.Walk(seed, 400)];
        List<LabSnapshot> kept = _files.Write(path, walk);

        using RecordingReader reader = RecordingReader.Open(path);

        Assert.True(kept.Count > 300, $"only {kept.Count} of 400 changes kept");
        // Backwards, then forwards: the cache of the last reading must not leak into an earlier one.
        foreach (LabSnapshot s in Enumerable.Reverse(kept)) Same(s, reader.SnapshotAt(s.At));
        foreach (LabSnapshot s in kept) Same(s, reader.SnapshotAt(s.At.AddMilliseconds(0.5)));
        Assert.True(reader.Finished);
        Assert.Null(reader.Problem);
        // The index keeps milliseconds: the times a replay steps through.
        Assert.Equal(kept[0].At.ToUnixTimeMilliseconds(), reader.Start.ToUnixTimeMilliseconds());
        Assert.Equal(walk[^1].At.ToUnixTimeMilliseconds(), reader.End.ToUnixTimeMilliseconds());   // a log line comes last
    }

    /// <summary>Equal snapshots; when not, the difference as JSON operations rather than two pages of record text.</summary>
    private static void Same(LabSnapshot expected, LabSnapshot actual)
    {
        if (expected == actual) return;
        JsonArray diff = JsonDiff.Diff(JsonSerializer.SerializeToNode(expected, RecordingJson.Snapshot), JsonSerializer.SerializeToNode(actual, RecordingJson.Snapshot));
        Assert.Fail($"version {expected.Version} read back as version {actual.Version}; differences: {(diff.Count == 0 ? "none in JSON" : diff.ToJsonString())}");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void A_diff_applied_to_the_snapshot_before_gives_the_snapshot_after(int seed)
    {
        LabSnapshot? before = null;
        foreach (LabSnapshot after in SnapshotStories.Walk(seed, 300, timelineMax: 10))
        {
            JsonNode? a = before is null ? null : JsonSerializer.SerializeToNode(before, RecordingJson.Snapshot);
            JsonNode b = JsonSerializer.SerializeToNode(after, RecordingJson.Snapshot)!;

            JsonNode? applied = JsonDiff.Apply(a?.DeepClone(), JsonDiff.Diff(a, b));

            Assert.True(JsonNode.DeepEquals(b, applied), $"version {after.Version}");
            Assert.Equal(after, applied.Deserialize(RecordingJson.Snapshot));
            before = after;
        }
    }

    [Fact]
    public void A_bounded_list_that_dropped_its_front_and_grew_is_two_short_operations()
    {
        JsonNode a = JsonNode.Parse("""{"timeline":[{"id":1},{"id":2},{"id":3}],"n":1}""")!;
        JsonNode b = JsonNode.Parse("""{"timeline":[{"id":2},{"id":3},{"id":4}],"n":1}""")!;

        JsonArray ops = JsonDiff.Diff(a, b);

        Assert.Equal("""[["<","/timeline",1],["+","/timeline",[{"id":4}]]]""",
            ops.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    [Fact]
    public void The_lines_of_a_process_are_read_back_with_their_time()
    {
        string path = _files.PathOf();
        List<LabSnapshot> kept = _files.Write(path, SnapshotStories.Walk(4, 50));

        using RecordingReader reader = RecordingReader.Open(path);
        IReadOnlyList<RecordedLogLine> lines = reader.LogAt("node1", kept[20].At, 3);

        Assert.Equal(3, lines.Count);
        Assert.Equal($"line at version {kept[20].Version}", lines[^1].Text);
        Assert.Equal(kept[20].At.ToUnixTimeMilliseconds(), lines[^1].At.ToUnixTimeMilliseconds());
        Assert.Empty(reader.LogAt("node1", SnapshotStories.T0.AddSeconds(-1), 3));
        Assert.Empty(reader.LogAt("sentinel9", kept[20].At, 3));
    }

    [Fact]
    public void A_file_cut_mid_line_replays_up_to_its_last_complete_line_and_says_so()
    {
        string path = _files.PathOf();
        List<LabSnapshot> kept = _files.Write(path, SnapshotStories.Walk(5, 100), end: false);
        byte[] bytes = File.ReadAllBytes(path);
        int lastLine = Array.LastIndexOf(bytes, (byte)'\n', bytes.Length - 2);
        File.WriteAllBytes(path, bytes[..(lastLine + 1 + 20)]);   // the last line (a log line) cut after 20 bytes

        using RecordingReader reader = RecordingReader.Open(path);

        Assert.Equal(kept[^1], reader.SnapshotAt(kept[^1].At));
        Assert.False(reader.Finished);
        Assert.Contains("cut short", reader.Problem);
        Assert.Contains("the last line is incomplete", reader.Problem);
    }

    [Fact]
    public void A_corrupt_line_in_the_middle_is_skipped_and_reported()
    {
        string path = _files.PathOf();
        List<LabSnapshot> kept = _files.Write(path, SnapshotStories.Walk(6, 200));
        string[] lines = File.ReadAllLines(path);
        int middle = Array.FindIndex(lines, lines.Length / 2, l => l.Contains("\"k\":\"d\""));
        lines[middle] = "{\"t\":12,\"k\":\"d\",\"o\":[[\"=\",\"/nodes/0/off" + "\u0000garbage";
        lines[middle - 1] = "not json at all";
        File.WriteAllLines(path, lines);

        using RecordingReader reader = RecordingReader.Open(path);

        Assert.Equal(kept[0], reader.SnapshotAt(kept[0].At));
        Assert.Equal(kept[^1], reader.SnapshotAt(kept[^1].At));
        Assert.Contains("damaged line", reader.Problem);
        Assert.True(reader.Finished);
    }

    [Fact]
    public void A_recording_of_a_newer_format_is_refused_naming_both_versions()
    {
        string path = _files.PathOf();
        _files.Write(path, SnapshotStories.Walk(1, 5));
        string[] lines = File.ReadAllLines(path);
        lines[0] = lines[0].Replace($"\"formatVersion\":{RecordingFormat.Version}", "\"formatVersion\":99");
        File.WriteAllLines(path, lines);

        RecordingException e = Assert.Throws<RecordingException>(() => RecordingReader.Open(path));

        Assert.Contains("format version 99", e.Message);
        Assert.Contains($"up to version {RecordingFormat.Version}", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_recording_is_refused_with_its_name()
    {
        string path = _files.PathOf("notes.txt");
        File.WriteAllText(path, "hello\n");

        RecordingException e = Assert.Throws<RecordingException>(() => RecordingReader.Open(path));

        Assert.Contains("notes.txt", e.Message);
        Assert.Contains("not a recording", e.Message);
    }

    [Fact]
    public void Refresh_reads_the_complete_lines_appended_to_a_recording_being_written()
    {
        string path = _files.PathOf();
        LabSnapshot[] walk = [.. SnapshotStories.Walk(9, 60)];
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
        using var writer = new RecordingWriter(stream, RecordingFiles.Header());
        foreach (LabSnapshot s in walk[..30]) writer.Snapshot(s);
        writer.Flush();

        using RecordingReader reader = RecordingReader.Open(path);
        Assert.Equal(walk[29], reader.SnapshotAt(walk[29].At));
        Assert.False(reader.Refresh());

        foreach (LabSnapshot s in walk[30..]) writer.Snapshot(s);
        stream.Write(Encoding.UTF8.GetBytes("{\"t\":99999,\"k\":\"l\",\"p\":\"node1\",\"x\":\"half"));   // a line still being written
        writer.Flush();

        Assert.True(reader.Refresh());
        Assert.Equal(walk[^1], reader.SnapshotAt(walk[^1].At));
        Assert.Equal(walk[^1].At.ToUnixTimeMilliseconds(), reader.End.ToUnixTimeMilliseconds());
        Assert.False(reader.Finished);
        Assert.Empty(reader.LogAt("node1", reader.End.AddHours(1), 5));
    }

    [Fact]
    public void The_header_of_an_auth_lab_keeps_no_password_and_the_reader_shows_it_redacted()
    {
        const string password = "pw-Never-In-A-Recording_0123456789";
        string path = _files.PathOf();
        using (var writer = new RecordingWriter(File.Create(path), RecordingFiles.Header(SnapshotStories.AuthLab(password))))
            writer.Snapshot(SnapshotStories.Rich());

        using RecordingReader reader = RecordingReader.Open(path);

        Assert.DoesNotContain(password, File.ReadAllText(path));
        Assert.Equal("***", reader.Header.Lab.Security.Credentials!.Password.Reveal());
    }
}
