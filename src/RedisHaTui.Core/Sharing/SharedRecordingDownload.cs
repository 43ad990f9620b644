using System.Net;
using System.Net.ServerSentEvents;
using System.Text;

namespace RedisHaTui.Core.Sharing;

/// <summary>
/// The follower's side of --share: reads the presenter's stream of server-sent events and appends each line to a
/// local copy of the recording, as it arrives, so a follow over HTTP is the same as following a file being written.
/// A dropped connection is resumed where it stopped (Last-Event-ID): no line twice, none missing. It never sends
/// anything but GET requests.
/// </summary>
public sealed class SharedRecordingDownload : IAsyncDisposable
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    private readonly Uri _url;
    private readonly HttpClient _http;
    private readonly FileStream _copy;
    private readonly CancellationTokenSource _stop = new();
    private string? _lastEventId;
    private long _lines;
    private volatile string? _problem;
    private volatile bool _connected;
    private Task _running = Task.CompletedTask;
    private readonly List<string> _unannounced = [];
    private int _unflushed;

    private SharedRecordingDownload(Uri url, string localFile, HttpClient http)
    {
        _url = url;
        LocalFile = localFile;
        _http = http;
        // Readable by the recording reader while it grows. Buffered, and flushed before each read from the network
        // (FlushBeforeReadStream): a reader sees every line of a received chunk at once, each whole with its newline.
        _copy = new FileStream(localFile, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, 256 * 1024);
    }

    /// <summary>The local copy the follow session reads.</summary>
    public string LocalFile { get; }

    /// <summary>Raised on the download's thread for each line once it is in the local copy (what the benchmark times).</summary>
    public event Action<string>? LineWritten;

    /// <summary>Lines in the local copy so far (flushed: a reader of the file sees them).</summary>
    public long Lines => Interlocked.Read(ref _lines);

    /// <summary>True while the stream is open.</summary>
    public bool Connected => _connected;

    /// <summary>Why the stream is not open now ("reconnecting: …"), or why it ended for good; null while all is well.</summary>
    public string? Problem => _problem;

    /// <summary>Ends when the download stops for good: disposed, or refused (a wrong URL or token, the recording started over).</summary>
    public Task Completion => _running;

    /// <summary>
    /// Connects to <paramref name="url"/> and starts copying into <paramref name="localFile"/>. The first connection
    /// must succeed: a URL that is wrong, refused or unreachable throws <see cref="ShareException"/> saying which.
    /// </summary>
    public static async Task<SharedRecordingDownload> StartAsync(Uri url, string localFile, CancellationToken ct = default, HttpMessageHandler? handler = null)
    {
        var http = new HttpClient(handler ?? new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        var download = new SharedRecordingDownload(url, localFile, http);
        try
        {
            HttpResponseMessage first = await download.ConnectAsync(ct).ConfigureAwait(false);
            download._running = download.RunAsync(first);
            return download;
        }
        catch
        {
            await download.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task<HttpResponseMessage> ConnectAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (_lastEventId is not null) request.Headers.Add("Last-Event-ID", _lastEventId);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new ShareException($"cannot reach {_url}: {e.Message} (is the presenter's screen running with --share, and is this its whole URL?)", e);
        }
        if (response.StatusCode == HttpStatusCode.OK) return response;
        HttpStatusCode status = response.StatusCode;
        response.Dispose();
        throw new ShareException(status is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
            ? $"{_url} has no recording ({(int)status}): copy the whole URL the presenter's screen shows, token included"
            : $"{_url} answered {(int)status} {status}: not a redis-ha-tui share");
    }

    private async Task RunAsync(HttpResponseMessage first)
    {
        HttpResponseMessage? response = first;
        int failures = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                response ??= await ConnectAsync(_stop.Token).ConfigureAwait(false);
                _connected = true;
                _problem = null;
                failures = 0;
                if (await CopyAsync(response).ConfigureAwait(false) is { } end)
                {
                    _problem = end;
                    return;
                }
                _problem = "reconnecting: the presenter closed the stream";
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested) { return; }
            catch (Exception e) when (e is ShareException or HttpRequestException or IOException)
            {
                _problem = $"reconnecting: {e.Message}";
            }
            finally
            {
                _connected = false;
                response?.Dispose();
                response = null;
            }
            try { await Task.Delay(Backoff[Math.Min(failures++, Backoff.Length - 1)], _stop.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Copies events until the stream ends (null: reconnect) or says the recording started over (the reason: stop).</summary>
    private async Task<string?> CopyAsync(HttpResponseMessage response)
    {
        await using Stream body = new FlushBeforeReadStream(await response.Content.ReadAsStreamAsync(_stop.Token).ConfigureAwait(false),
            FlushAsync);
        SseParser<string> parser = SseParser.Create(body);
        await foreach (SseItem<string> item in parser.EnumerateAsync(_stop.Token).ConfigureAwait(false))
        {
            if (item.EventType == "restart")
                return "the presenter's recording started over (the app was restarted or its file replaced): run follow again";
            if (item.EventType != SseParser.EventTypeDefault) continue;
            byte[] line = Encoding.UTF8.GetBytes(item.Data + "\n");
            await _copy.WriteAsync(line, _stop.Token).ConfigureAwait(false);
            // The item's own id: the parser's LastEventId moves on as soon as an id: field arrives, before its event is whole.
            _lastEventId = item.EventId ?? _lastEventId;
            _unflushed++;
            if (LineWritten is not null) _unannounced.Add(item.Data);
        }
        return null;
    }

    /// <summary>Before each read from the network: what was copied goes to the file, then is announced.</summary>
    private async ValueTask FlushAsync(CancellationToken ct)
    {
        await _copy.FlushAsync(ct).ConfigureAwait(false);
        Interlocked.Add(ref _lines, _unflushed);
        _unflushed = 0;
        if (_unannounced.Count == 0) return;
        foreach (string line in _unannounced) LineWritten?.Invoke(line);
        _unannounced.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await _stop.CancelAsync().ConfigureAwait(false);
        try { await _running.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        _http.Dispose();
        await _copy.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }
}
