using RedisHaTui.Core.Sharing;

namespace RedisHaTui.Cli;

/// <summary>
/// What `follow` follows: a recording file still being written (a shared folder), or a presenter's --share URL,
/// whose stream is copied into a local file first, so both are the same live replay of a growing file.
/// </summary>
internal sealed record FollowSource(string? File, Uri? Url)
{
    /// <summary>Reads FILE or http://HOST:PORT/[TOKEN]; null and the reason when it is neither.</summary>
    public static FollowSource? Parse(string text, out string? error)
    {
        error = null;
        if (text.Contains("://", StringComparison.Ordinal))
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out Uri? url) && url.Scheme == Uri.UriSchemeHttp && url.Host.Length > 0) return new FollowSource(null, url);
            error = $"follow '{text}': a presenter's address is http://HOST:PORT/ or http://HOST:PORT/TOKEN, as their screen shows it";
            return null;
        }
        if (System.IO.File.Exists(text)) return new FollowSource(Path.GetFullPath(text), null);
        error = System.IO.Directory.Exists(text)
            ? $"follow '{text}': a folder; name the recording in it (session.rec.ndjson)"
            : $"follow '{text}': no such file (a recording, or the presenter's http:// address)";
        return null;
    }

    /// <summary>
    /// The file to play: the recording itself, or a fresh local copy of the presenter's stream (in the temporary
    /// folder, deleted with the download) once its first line has arrived. Throws <see cref="ShareException"/> when the URL is refused.
    /// </summary>
    public async Task<(string File, SharedRecordingDownload? Download)> OpenAsync(TimeSpan firstLineWithin, CancellationToken ct = default)
    {
        if (File is { } file) return (file, null);
        string folder = Directory.CreateTempSubdirectory("redis-ha-tui-follow-").FullName;
        string copy = Path.Combine(folder, "session.rec.ndjson");
        SharedRecordingDownload download;
        try { download = await SharedRecordingDownload.StartAsync(Url!, copy, ct); }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(ct);
        waiting.CancelAfter(firstLineWithin);
        try
        {
            // The reader needs the header line to open the copy: a presenter whose recorder has not written yet is waited for.
            while (download.Lines == 0)
            {
                if (download.Completion.IsCompleted) throw new ShareException($"{Url}: {download.Problem ?? "the stream ended before the recording began"}");
                await Task.Delay(20, waiting.Token);
            }
        }
        catch (Exception e) when (e is ShareException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await download.DisposeAsync();
            Directory.Delete(folder, recursive: true);
            if (e is ShareException) throw;
            throw new ShareException($"{Url} sent no recording within {firstLineWithin.TotalSeconds:0} s: is the presenter's session recording (not --no-record)?");
        }
        return (copy, download);
    }
}
