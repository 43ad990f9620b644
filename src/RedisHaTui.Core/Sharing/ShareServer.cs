using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;
using RedisHaTui.Core.Recording;

namespace RedisHaTui.Core.Sharing;

/// <summary>
/// Serves a recording that is being written, read-only, as server-sent events: each line of the file is one
/// <c>data:</c> event, first what is already there (from the header and the newest keyframe, or the beginning),
/// then every line as it is appended. One tailer reads the file and hands each line to every follower's bounded
/// queue; a follower whose queue fills (a slow reader) is dropped and may reconnect, so no follower ever slows the
/// tailer, and nothing here ever touches the presenter's writer: the file is the only thing shared.
/// Only GET is answered (405 otherwise) and nothing a follower sends is read beyond the request line and headers.
/// Event ids are "GENERATION-OFFSET": a follower that reconnects with Last-Event-ID resumes exactly after its last line.
/// </summary>
public sealed class ShareServer : IAsyncDisposable
{
    private const int BatchBytes = 64 * 1024;
    private static readonly byte[] Opening = Encoding.UTF8.GetBytes(": redis-ha-tui recording\n\n");
    private static readonly byte[] KeepAliveComment = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    private readonly string _file;
    private readonly ShareServerOptions _options;
    private readonly HttpListener _listener;
    private readonly string? _token;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Follower> _followers = [];
    private readonly RecordingTail _tail;
    private readonly string _runId = ShareToken.New()[..8];
    private readonly Task _accepting;
    private readonly Task _tailing;
    private int _generation;
    private long _headerEnd;
    private long _keyframeStart = -1;
    private long _dropped;

    private ShareServer(string file, HttpListener listener, Uri url, string? token, ShareServerOptions options)
    {
        _file = file;
        _listener = listener;
        Url = url;
        _token = token;
        _options = options;
        _tail = new RecordingTail(file);
        _tailing = Task.Factory.StartNew(TailLoop, TaskCreationOptions.LongRunning).Unwrap();
        _accepting = AcceptLoop();
    }

    /// <summary>What a follower opens: http://127.0.0.1:PORT/, or http://ADDR:PORT/TOKEN on any other address.</summary>
    public Uri Url { get; }

    /// <summary>The followers connected now.</summary>
    public int Followers
    {
        get { lock (_gate) return _followers.Count; }
    }

    /// <summary>Followers dropped because they read too slowly, since the start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>
    /// Starts serving <paramref name="recordingFile"/> (which need not exist yet) at <paramref name="address"/>.
    /// Throws <see cref="ShareException"/> naming the address when it cannot be served (port taken, address not this machine's).
    /// </summary>
    public static ShareServer Start(string recordingFile, ShareAddress address, ShareServerOptions? options = null)
    {
        options ??= new ShareServerOptions();
        string? token = (options.RequireToken ?? address.NeedsToken) ? ShareToken.New() : null;
        for (int attempt = 0; ; attempt++)
        {
            int port = address.Port == 0 ? PickFreePort(address.Host) : address.Port;
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add($"http://{address.UrlHost}:{port}/");
            try
            {
                listener.Start();
            }
            catch (HttpListenerException e)
            {
                listener.Close();
                // A port picked a moment ago may have been taken since: pick again, a few times.
                if (address.Port == 0 && attempt < 5) continue;
                throw new ShareException($"cannot share on {address.UrlHost}:{port}: {e.Message} (choose another port with --share PORT, or an address of this machine)", e);
            }
            var url = new Uri($"http://{address.UrlHost}:{port}/{token}");
            return new ShareServer(Path.GetFullPath(recordingFile), listener, url, token, options);
        }
    }

    private static int PickFreePort(IPAddress host)
    {
        using var probe = new TcpListener(host, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync().ConfigureAwait(false); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        HttpListenerResponse response = context.Response;
        try
        {
            if (Refusal(context.Request) is { } refusal)
            {
                response.StatusCode = refusal.Status;
                if (refusal.Status == 405) response.AddHeader("Allow", "GET");
                byte[] body = Encoding.UTF8.GetBytes(refusal.Text + "\n");
                response.ContentType = "text/plain; charset=utf-8";
                response.ContentLength64 = body.Length;
                await response.OutputStream.WriteAsync(body).ConfigureAwait(false);
                response.Close();
                return;
            }
            await ServeAsync(context.Request, response).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException or OperationCanceledException)
        {
            // The follower went away or was dropped; nothing of it reaches the presenter.
            try { response.Abort(); }
            catch (ObjectDisposedException) { }
        }
    }

    /// <summary>Why a request is not served: a method but GET (405), a path without the token (404).</summary>
    private (int Status, string Text)? Refusal(HttpListenerRequest request)
    {
        if (request.HttpMethod != "GET") return (405, "read-only: only GET is served");
        string path = request.Url?.AbsolutePath.TrimEnd('/') ?? "";
        bool found = _token is null ? path.Length == 0 : path.StartsWith('/') && ShareToken.Matches(_token, path[1..]);
        return found ? null : (404, "no recording here");
    }

    private async Task ServeAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        Follower follower;
        IReadOnlyList<Backlog> backlog;
        string generation;
        bool restart;
        // The tailer's file, held open until the backlog is read: were it read by name, after a rotation the name would
        // already stand for the new file while the offsets still mean the old one.
        SafeFileHandle? current;
        bool held = false;
        lock (_gate)
        {
            current = _tail.Handle;
            current?.DangerousAddRef(ref held);
            generation = Generation;
            long now = _tail.Position;
            string? lastId = request.Headers["Last-Event-ID"];
            backlog = Resume(lastId, now) ?? (_options.FromNewestKeyframe && _keyframeStart >= _headerEnd && _headerEnd > 0
                ? [new(null, 0, _headerEnd, generation), new(null, _keyframeStart, now, generation)]
                : [new(null, 0, now, generation)]);
            // A follower of another run of the presenter's app (the app restarted) must not mix two recordings in one copy.
            restart = lastId is { Length: > 0 } && !lastId.StartsWith(_runId + ".", StringComparison.Ordinal);
            follower = new Follower(response, _options.FollowerBuffer);
            _followers.Add(follower);
        }
        try
        {
            response.StatusCode = 200;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.AddHeader("Cache-Control", "no-store");
            response.SendChunked = true;
            Stream output = response.OutputStream;
            await output.WriteAsync(Opening, follower.Stopped).ConfigureAwait(false);
            if (restart)
            {
                await output.WriteAsync(Encoding.UTF8.GetBytes("event: restart\ndata: the recording started over\n\n"), follower.Stopped).ConfigureAwait(false);
                return;
            }
            var batch = new MemoryStream(BatchBytes * 2);
            foreach (Backlog part in backlog)
            {
                foreach (TailLine line in ReadPart(part, current))
                {
                    batch.Write(Event(part.Generation, line));
                    if (batch.Length >= BatchBytes) await FlushAsync(batch, output, follower.Stopped).ConfigureAwait(false);
                }
            }
            await FlushAsync(batch, output, follower.Stopped).ConfigureAwait(false);
            if (held) current!.DangerousRelease();
            held = false;
            await PumpAsync(follower, batch, output).ConfigureAwait(false);
        }
        finally
        {
            if (held) current!.DangerousRelease();
            lock (_gate) _followers.Remove(follower);
            try
            {
                if (follower.Stopped.IsCancellationRequested) response.Abort();
                else response.Close();
            }
            catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
        }
    }

    /// <summary>A part of a file a new follower is sent before the live lines: of the file the tailer reads (File null), or of one rotated aside.</summary>
    private readonly record struct Backlog(string? File, long From, long To, string Generation);

    /// <summary>The lines of a part: of a rotated file by its name, of the tailer's by the handle held for it.</summary>
    private static IReadOnlyList<TailLine> ReadPart(Backlog part, SafeFileHandle? current)
    {
        if (part.File is null && current is null) return [];
        using RecordingTail reader = part.File is { } file ? new RecordingTail(file, part.From) : new RecordingTail(current!, part.From);
        return reader.ReadNew(upTo: part.To).Lines;
    }

    /// <summary>The live part: whatever the tailer queued, in batches, with a keep-alive comment when there is nothing.</summary>
    private async Task PumpAsync(Follower follower, MemoryStream batch, Stream output)
    {
        ChannelReader<byte[]> queue = follower.Queue.Reader;
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(follower.Stopped);
            idle.CancelAfter(_options.KeepAlive);
            bool more;
            try { more = await queue.WaitToReadAsync(idle.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) when (!follower.Stopped.IsCancellationRequested)
            {
                await output.WriteAsync(KeepAliveComment, follower.Stopped).ConfigureAwait(false);
                await output.FlushAsync(follower.Stopped).ConfigureAwait(false);
                continue;
            }
            if (!more) return; // the server stops, or the file started over
            while (batch.Length < BatchBytes && queue.TryRead(out byte[]? e)) batch.Write(e);
            await FlushAsync(batch, output, follower.Stopped).ConfigureAwait(false);
        }
    }

    /// <summary>One line as an event. A recording line is one JSON object without a raw newline: one data: line as it is.</summary>
    private static byte[] Event(string generation, TailLine line) => Encoding.UTF8.GetBytes($"id: {generation}-{line.End}\ndata: {line.Text}\n\n");

    private static async Task FlushAsync(MemoryStream batch, Stream output, CancellationToken ct)
    {
        if (batch.Length == 0) return;
        await output.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
        batch.SetLength(0);
    }

    private string Generation => $"{_runId}.{_generation}";

    private string PreviousGeneration => $"{_runId}.{_generation - 1}";

    /// <summary>
    /// What a reconnecting follower still needs after the line its Last-Event-ID names: the rest of this file, or, when
    /// the recorder rotated since, the rest of the file it was reading (now FILE.1) and the new one from its start.
    /// Null when the id is not one of ours or too old: the follower then starts afresh (a new header and keyframe).
    /// </summary>
    private IReadOnlyList<Backlog>? Resume(string? lastEventId, long now)
    {
        if (lastEventId is null) return null;
        int dash = lastEventId.LastIndexOf('-');
        if (dash <= 0 || !long.TryParse(lastEventId[(dash + 1)..], out long offset) || offset < 0) return null;
        string generation = lastEventId[..dash];
        if (generation == Generation) return offset <= now ? [new(null, offset, now, Generation)] : null;
        string older = RotatedFile;
        return generation == PreviousGeneration && File.Exists(older) && offset <= new FileInfo(older).Length
            ? [new(older, offset, long.MaxValue, PreviousGeneration), new(null, 0, now, Generation)]
            : null;
    }

    /// <summary>Where a rotating recorder moves the part before the file being written.</summary>
    private string RotatedFile => RecordingSegments.Older(_file);

    /// <summary>A keyframe: a full state a new follower can start from. Only the line's fixed start is read (docs/recording.md).</summary>
    private static bool IsKeyframe(string line) =>
        line.Contains("\"K\"", StringComparison.Ordinal) && RecordingLine.ReadPrefix(Encoding.UTF8.GetBytes(line)) is { Kind: RecordingLine.Keyframe };

    /// <summary>The one tailer: reads what was appended and queues it for every follower; never waits for one.</summary>
    private async Task TailLoop()
    {
        using var timer = new PeriodicTimer(_options.PollInterval);
        int ticks = 0;
        try
        {
            do
            {
                // A rotating recorder renames a new file over the old one: look at the path about once a second.
                bool checkReplaced = ++ticks % Math.Max(1, (int)(TimeSpan.FromSeconds(1) / _options.PollInterval)) == 0;
                lock (_gate) Tail(checkReplaced);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) { }
    }

    private void Tail(bool checkReplaced)
    {
        TailRead read;
        try { read = _tail.ReadNew(checkReplaced); }
        catch (IOException) { return; } // a file being replaced this instant: the next tick reads it
        for (int i = 0; i < read.Lines.Count; i++)
        {
            if (i == read.NewFileAt)
            {
                // The recorder rotated: the new file starts with its own header and keyframe, which a reader takes as
                // the next segment of the same recording, so followers simply go on with it.
                _generation++;
                _headerEnd = 0;
                _keyframeStart = -1;
            }
            TailLine line = read.Lines[i];
            if (line.Start == 0) _headerEnd = line.End;
            else if (IsKeyframe(line.Text)) _keyframeStart = line.Start;
            byte[] e = Event(Generation, line); // formatted once, whatever the number of followers
            foreach (Follower f in _followers)
            {
                if (f.Queue.Writer.TryWrite(e)) continue;
                if (f.Drop()) Interlocked.Increment(ref _dropped);
            }
        }
        if (read.NewFileAt == read.Lines.Count) { _generation++; _headerEnd = 0; _keyframeStart = -1; }
    }

    /// <summary>Drops every follower now, as a slow one is dropped (tests of reconnecting).</summary>
    internal void DropFollowers()
    {
        lock (_gate)
        {
            foreach (Follower f in _followers) f.Drop();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        lock (_gate)
        {
            foreach (Follower f in _followers) f.Drop();
        }
        try { _listener.Close(); }
        catch (ObjectDisposedException) { }
        await Task.WhenAll(_tailing, _accepting).ConfigureAwait(false);
        _tail.Dispose();
        _stop.Dispose();
    }

    /// <summary>One connected follower: its bounded queue, and the switch that drops it.</summary>
    private sealed class Follower(HttpListenerResponse response, int capacity)
    {
        private readonly CancellationTokenSource _stopped = new();

        public Channel<byte[]> Queue { get; } = Channel.CreateBounded<byte[]>(
            new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });

        public CancellationToken Stopped => _stopped.Token;

        /// <summary>Stops serving it at once (a write in progress fails as the connection is aborted); true the first time.</summary>
        public bool Drop()
        {
            if (!Queue.Writer.TryComplete()) return false;
            _stopped.Cancel();
            try { response.Abort(); }
            catch (ObjectDisposedException) { }
            return true;
        }
    }
}
