using System.Threading.Channels;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

/// <summary>How a flight recorder writes: where, how much it keeps, how often a follower sees new lines.</summary>
public sealed record FlightRecorderOptions
{
    /// <summary>
    /// The most the recording keeps on disk, both segments together. 64 MB holds more than an hour of a busy
    /// workshop (a failover every 5 minutes with the write load measures well under 50 MB an hour, BENCHMARKS.md)
    /// and a day of an idle lab, and is still nothing on a laptop; a log flood (10,000 lines/s) fills it in minutes,
    /// and then the oldest part goes.
    /// </summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Written lines reach the file at least this often (a follower reads the file).</summary>
    public TimeSpan FlushEvery { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// While the session is shared (--share): a line reaches the followers' screens within 250 ms only if it reaches
    /// the file sooner than 200 ms (the server reads the file every 50 ms, the follower's screen draws every 50 ms).
    /// </summary>
    public static readonly FlightRecorderOptions Shared = new() { FlushEvery = TimeSpan.FromMilliseconds(50) };

    /// <summary>How long the writer lets events gather after writing a batch (a quarter of the flush interval).</summary>
    public TimeSpan Gather => FlushEvery / 4;

    /// <summary>Events waiting for the writer at most; more are dropped and counted, never waited for.</summary>
    public int QueueLength { get; init; } = 65536;

    public KeyframePolicy Keyframes { get; init; } = KeyframePolicy.Default;
}

/// <summary>
/// Records a session while it runs: every snapshot change of the store and every log line of its processes, on a
/// writer thread of its own. The store's updater and the log producers only queue (a bounded queue: when the disk
/// cannot keep up, events are dropped and counted, never waited for). The file rotates into FILE.1 when it passes
/// half of <see cref="FlightRecorderOptions.MaxBytes"/>, so the oldest part is dropped; disposing writes the end line.
/// </summary>
public sealed class FlightRecorder : IAsyncDisposable
{
    private readonly LabStore _store;
    private readonly Func<string, LogRing?> _logs;
    private readonly FlightRecorderOptions _options;
    private readonly Channel<Item> _queue;
    private readonly Dictionary<string, (LogRing Ring, Action<LogLine> Handler)> _listening = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private readonly RecordingWriter _writer;
    private readonly Thread _writing;
    private readonly FileStream _lock;
    private long _droppedSnapshots, _droppedLines;
    private string? _problem;
    private int _disposed;

    private FlightRecorder(LabStore store, Func<string, LogRing?> logs, RecordingHeader header, string path, FlightRecorderOptions options, FileStream lockFile)
    {
        _lock = lockFile;
        _store = store;
        _logs = logs;
        _options = options;
        Path = System.IO.Path.GetFullPath(path);
        _queue = Channel.CreateBounded<Item>(new BoundedChannelOptions(options.QueueLength) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        _writer = new RecordingWriter(Open(Path), header, options.Keyframes);
        _writer.Flush();
        _store.Changed += OnChanged;
        Listen(header.Lab.Processes.Select(p => p.Name));
        // The store's first snapshot was never stamped (At is default): it is the lab as of now.
        LabSnapshot first = store.Current;
        Enqueue(new Item(first.At == default ? first with { At = store.Time.GetUtcNow() } : first, null, default));
        // A thread of its own, named, so its cost shows by name (BENCHMARKS.md) and a slow disk never holds a pool thread.
        _writing = new Thread(Write) { Name = ThreadName, IsBackground = true };
        _writing.Start();
    }

    /// <summary>
    /// Starts recording into <paramref name="path"/> (created, or replaced with its older segment). The lines the
    /// processes printed before are recorded first, so a replay's panes are not empty at the start.
    /// </summary>
    /// <exception cref="IOException">The file cannot be created (the message names it).</exception>
    public static FlightRecorder Start(LabStore store, Func<string, LogRing?> logs, RecordingHeader header, string path, FlightRecorderOptions? options = null)
    {
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        FileStream lockFile = Lock(path);
        try
        {
            if (File.Exists(RecordingSegments.Older(path))) File.Delete(RecordingSegments.Older(path));
            return new FlightRecorder(store, logs, header, path, options ?? new FlightRecorderOptions(), lockFile);
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>
    /// FILE.lock, held exclusively while recording (an advisory lock, released by the kernel if the app dies): two
    /// sessions never write one file, a second one is told instead of garbling the first's recording.
    /// </summary>
    private static FileStream Lock(string path)
    {
        try { return new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
        catch (IOException e) when (File.Exists(path + ".lock"))
        {
            throw new IOException($"{path} is being recorded by another redis-ha-tui ({e.Message})", e);
        }
    }

    /// <summary>The writer thread's name (15 characters: what /proc shows of a thread's name).</summary>
    public const string ThreadName = "flight recorder";

    /// <summary>The file being written (FILE.1 beside it holds the part before, once it rotated).</summary>
    public string Path { get; }

    /// <summary>Snapshots and log lines dropped because the writer could not keep up (or the disk failed).</summary>
    public long DroppedSnapshots => Interlocked.Read(ref _droppedSnapshots);
    public long DroppedLines => Interlocked.Read(ref _droppedLines);

    /// <summary>Why recording stopped (a disk full, a file removed), or null while it is well.</summary>
    public string? Problem => Volatile.Read(ref _problem);

    private static FileStream Open(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete, BufferSize = 64 * 1024 });

    private void OnChanged(LabSnapshot s)
    {
        Enqueue(new Item(s, null, default));
        // A deployment can grow: its new processes' logs are heard from their first line on.
        if (s.Nodes.Length + s.Sentinels.Length > _listening.Count) Listen(s.Nodes.Select(n => n.Name).Concat(s.Sentinels.Select(x => x.Name)));
    }

    private void Listen(IEnumerable<string> names)
    {
        lock (_gate)
        {
            if (_disposed != 0) return;
            foreach (string name in names)
            {
                if (_listening.ContainsKey(name) || _logs(name) is not { } ring) continue;
                foreach (LogLine line in ring.TakeLines(ring.Capacity, long.MaxValue)) Enqueue(new Item(null, name, line));
                Action<LogLine> handler = line => Enqueue(new Item(null, name, line));
                ring.Appended += handler;
                _listening[name] = (ring, handler);
            }
        }
    }

    private void Enqueue(Item item)
    {
        if (_queue.Writer.TryWrite(item)) return;
        if (item.Snapshot is not null) Interlocked.Increment(ref _droppedSnapshots);
        else Interlocked.Increment(ref _droppedLines);
    }

    private void Write()
    {
        ChannelReader<Item> reader = _queue.Reader;
        long lastVersion = -1;
        long lastFlush = Environment.TickCount64;
        bool dirty = false;
        while (true)
        {
            Task<bool> more = reader.WaitToReadAsync().AsTask();
            if (dirty && !more.IsCompleted)
            {
                // Something is written but not flushed: flush when the interval is up (no timer runs while nothing is).
                long wait = Math.Max(0, (long)_options.FlushEvery.TotalMilliseconds - (Environment.TickCount64 - lastFlush));
                if (wait == 0 || !more.Wait(TimeSpan.FromMilliseconds(wait)))
                {
                    Flush();
                    (dirty, lastFlush) = (false, Environment.TickCount64);
                }
            }
            if (!more.GetAwaiter().GetResult()) break;
            while (reader.TryRead(out Item item))
            {
                if (Problem is not null) { Count(item); continue; }
                try
                {
                    if (item.Snapshot is { } s)
                    {
                        // Changed is raised outside the store's lock: two updaters can hand it over out of order.
                        if (s.Version <= lastVersion) continue;
                        lastVersion = s.Version;
                        dirty |= _writer.Snapshot(s);
                    }
                    else
                    {
                        _writer.Log(item.Process!, item.Line.At, item.Line.Text);
                        dirty = true;
                    }
                    if (_writer.SegmentBytes > _options.MaxBytes / 2) Rotate();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Fail(e);
                    Count(item);
                }
            }
            if (dirty && Environment.TickCount64 - lastFlush >= _options.FlushEvery.TotalMilliseconds)
            {
                Flush();
                (dirty, lastFlush) = (false, Environment.TickCount64);
            }
            // Let the next events gather: a writer waiting on the queue is woken by every event queued, 10,000 times a
            // second in a log flood, and each wake-up costs its producer too (BENCHMARKS.md). A follower still sees
            // lines within the flush interval.
            if (!reader.Completion.IsCompleted) Thread.Sleep(_options.Gather);
        }
    }

    private void Count(Item item)
    {
        if (item.Snapshot is not null) Interlocked.Increment(ref _droppedSnapshots);
        else Interlocked.Increment(ref _droppedLines);
    }

    private void Flush()
    {
        if (Problem is not null) return;
        try { _writer.Flush(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Fail(e); }
    }

    private void Fail(Exception e) =>
        Interlocked.CompareExchange(ref _problem, $"recording stopped: cannot write {Path} ({e.Message})", null);

    /// <summary>FILE becomes FILE.1 (the one before is dropped) and a new FILE starts with the header and a keyframe.</summary>
    private void Rotate()
    {
        _writer.Flush();
        string older = RecordingSegments.Older(Path);
        // The old stream stays open until the move: the writer switches to the new file first.
        FileStream next = Open(Path + ".new");
        _writer.StartSegment(next, dispose: true);
        File.Move(Path, older, overwrite: true);
        File.Move(Path + ".new", Path);
        _writer.Flush();
    }

    /// <summary>Stops listening, writes what is queued and the end line, and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed != 0) return;
            _disposed = 1;
            _store.Changed -= OnChanged;
            foreach ((LogRing ring, Action<LogLine> handler) in _listening.Values) ring.Appended -= handler;
        }
        _queue.Writer.TryComplete();
        await Task.Run(_writing.Join);
        try
        {
            if (Problem is null) _writer.End(_store.Time.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Fail(e); }
        try { _writer.Dispose(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { Fail(e); }
        _lock.Dispose();
    }

    private readonly record struct Item(LabSnapshot? Snapshot, string? Process, LogLine Line);
}
