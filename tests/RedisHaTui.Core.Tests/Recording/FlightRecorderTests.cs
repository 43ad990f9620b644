using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.Recording;

public class FlightRecorderTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly RecordingFiles _files = new();
    private readonly FakeTimeProvider _clock = new(SnapshotStories.T0);
    private readonly Dictionary<string, LogRing> _rings;
    private readonly LabStore _store;

    public FlightRecorderTests()
    {
        _store = new LabStore(LabSnapshot.Initial(SnapshotStories.Lab), _clock);
        _rings = SnapshotStories.Lab.Processes.ToDictionary(p => p.Name, _ => new LogRing(100, _clock), StringComparer.OrdinalIgnoreCase);
    }

    public void Dispose() => _files.Dispose();

    private FlightRecorder Start(string path, FlightRecorderOptions? options = null) =>
        FlightRecorder.Start(_store, name => _rings.GetValueOrDefault(name), RecordingFiles.Header(), path, options);

    private void Tick(double seconds = 0.5) => _clock.Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>The snapshots a recording keeps: a change that only moved poll times is not one.</summary>
    private static List<LabSnapshot> Kept(IEnumerable<LabSnapshot> updates)
    {
        var kept = new List<LabSnapshot>();
        foreach (LabSnapshot s in updates)
            if (kept.Count == 0 || Comparable(kept[^1]) != Comparable(s)) kept.Add(s);
        return kept;
    }

    private static LabSnapshot Comparable(LabSnapshot s) => s.WithoutPollTimes() with { Version = 0, At = default };

    [Fact]
    public async Task The_store_changes_and_log_lines_are_recorded_with_their_times_and_an_end_line()
    {
        string path = _files.PathOf();
        _rings["node1"].Append("printed before the recorder started");
        FlightRecorder recorder = Start(path);
        var expected = new List<LabSnapshot>();
        foreach (LabSnapshot s in SnapshotStories.Walk(11, 60))
        {
            Tick();
            expected.Add(_store.Update(_ => s with { Version = 0 }));
            _rings["sentinel2"].Append($"line {expected.Count}");
        }
        await recorder.DisposeAsync();

        using RecordingReader reader = RecordingReader.Open(path);
        Assert.True(reader.Finished);
        Assert.Null(reader.Problem);
        foreach (LabSnapshot s in Kept(expected)) Assert.Equal(s, reader.SnapshotAt(s.At));
        Assert.Equal("line 60", reader.LogAt("sentinel2", reader.End, 1).Single().Text);
        Assert.Equal(expected[^1].At, reader.LogAt("sentinel2", reader.End, 1).Single().At);
        Assert.Equal("printed before the recorder started", reader.LogAt("node1", reader.End, 5).Single().Text);
        Assert.Equal(0, recorder.DroppedLines + recorder.DroppedSnapshots);
        // The store's first snapshot, never stamped by an update, is recorded as of the recorder's start.
        Assert.Equal(SnapshotStories.T0, reader.Start);
        Assert.Equal(SnapshotStories.T0, reader.SnapshotAt(reader.Start).At);
    }

    [Fact]
    public async Task A_second_recorder_of_the_same_file_is_refused_by_name_and_the_first_keeps_recording()
    {
        string path = _files.PathOf();
        FlightRecorder first = Start(path);

        IOException e = Assert.Throws<IOException>(() => Start(path));
        Tick();
        LabSnapshot changed = _store.Update(s => s with { MasterName = "other" });
        await first.DisposeAsync();

        Assert.Contains($"{path} is being recorded by another redis-ha-tui", e.Message);
        using RecordingReader reader = RecordingReader.Open(path);
        Assert.Equal(changed, reader.SnapshotAt(reader.End));
        Assert.Null(reader.Problem);
    }

    [Fact]
    public async Task Nothing_is_written_while_only_poll_times_change()
    {
        string path = _files.PathOf();
        await using FlightRecorder recorder = Start(path, new FlightRecorderOptions { FlushEvery = TimeSpan.Zero });
        Tick();
        _store.Update(s => s with { Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { Reachable = true, PolledAt = _clock.GetUtcNow() }) });
        long before = await SizeWhenSettled(path);

        for (int i = 0; i < 20; i++)
        {
            Tick();
            _store.Update(s => s with { Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { PolledAt = _clock.GetUtcNow() }) });
        }

        Assert.Equal(before, await SizeWhenSettled(path));
        Tick();
        _store.Update(s => s with { Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { Offset = 99 }) });
        Assert.True(await SizeWhenSettled(path) > before);
    }

    /// <summary>The file's size once it stopped changing for a while (the writer runs on its own thread).</summary>
    private static async Task<long> SizeWhenSettled(string path)
    {
        long size = -1;
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            await Task.Delay(300, cts.Token);
            long now = new FileInfo(path).Length;
            if (now == size) return now;
            size = now;
        }
    }

    [Fact]
    public async Task Past_half_its_bound_the_file_rotates_and_the_reader_reads_the_older_segment_first()
    {
        string path = _files.PathOf();
        var options = new FlightRecorderOptions { MaxBytes = 60_000 };
        FlightRecorder recorder = Start(path, options);
        var updates = new List<LabSnapshot>();
        foreach (LabSnapshot s in SnapshotStories.Walk(12, 1500))
        {
            Tick(0.1);
            updates.Add(_store.Update(_ => s with { Version = 0 }));
            _rings["node2"].Append($"a log line of some length, number {s.Version}");
        }
        await recorder.DisposeAsync();
        LabSnapshot last = Kept(updates)[^1];

        string older = RecordingSegments.Older(path);
        Assert.True(File.Exists(older));
        Assert.True(new FileInfo(path).Length + new FileInfo(older).Length <= options.MaxBytes + 10_000);
        foreach (string segment in new[] { older, path })
        {
            string[] lines = File.ReadLines(segment).Take(2).ToArray();
            Assert.StartsWith("{\"t\":0,\"k\":\"h\"", lines[0]);
            Assert.Contains("\"k\":\"K\"", lines[1]);
        }
        using RecordingReader reader = RecordingReader.Open(path);
        Assert.Equal(last, reader.SnapshotAt(last.At));
        Assert.True(reader.Start > SnapshotStories.T0.AddSeconds(10), $"the oldest part was dropped (starts at {reader.Start:HH:mm:ss.fff})");
        Assert.True(reader.Start < reader.End - TimeSpan.FromSeconds(10), $"FILE.1 was read too ({reader.Start:HH:mm:ss.fff} - {reader.End:HH:mm:ss.fff})");
        Assert.Null(reader.Problem);
    }

    [Fact]
    public async Task A_reader_following_the_file_sees_new_lines_after_refresh_across_a_rotation()
    {
        string path = _files.PathOf();
        FlightRecorder recorder = Start(path, new FlightRecorderOptions { MaxBytes = 200_000, FlushEvery = TimeSpan.FromMilliseconds(20) });
        LabSnapshot[] walk = [.. SnapshotStories.Walk(13, 1200)];
        foreach (LabSnapshot s in walk[..10]) { Tick(0.01); _store.Update(_ => s with { Version = 0 }); }
        using var cts = new CancellationTokenSource(Timeout);
        while (new FileInfo(path).Length < 1000) await Task.Delay(20, cts.Token);
        using RecordingReader reader = RecordingReader.Open(path);

        var updates = new List<LabSnapshot>();
        foreach (LabSnapshot s in walk[10..])
        {
            Tick(0.01);
            updates.Add(_store.Update(_ => s with { Version = 0 }));
            if (s.Version % 100 == 0) reader.Refresh();   // following while it is written and rotated
        }
        await recorder.DisposeAsync();
        LabSnapshot last = Kept(updates)[^1];
        while (!reader.Finished && !cts.IsCancellationRequested) reader.Refresh();

        Assert.True(File.Exists(RecordingSegments.Older(path)), "the file rotated while followed");
        Assert.Equal(last, reader.SnapshotAt(last.At));
        Assert.True(reader.Finished);
    }
}
