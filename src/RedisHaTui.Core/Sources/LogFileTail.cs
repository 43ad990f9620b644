using System.Text;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// Follows a log file written by someone else (start.sh by hand, an `up` in another terminal) into a
/// <see cref="LogRing"/>: the last lines first, then whatever is appended, checked every 250 ms (a stat; it is read only when it grew).
/// </summary>
/// <param name="ring">Where the lines go: a ring of its own, or the pane's ring of a process this app ran before.</param>
/// <param name="from">Where in the file to begin: 0 for its tail, else just after what the ring already holds (the app's own output).</param>
public sealed class LogFileTail(string path, LogRing ring, TimeProvider? time = null, long from = 0) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _task;

    public LogFileTail(string path, int lines, TimeProvider? time = null) : this(path, new LogRing(lines, time), time) { }

    public LogRing Ring { get; } = ring;

    public void Start() => _task ??= Task.Run(() => FollowAsync(_stop.Token));

    private async Task FollowAsync(CancellationToken ct)
    {
        long position = from;
        var partial = new StringBuilder();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // A stat is all an idle log costs; the file is opened only when its length moved.
                var file = new FileInfo(path);
                if (file.Exists && file.Length != position)
                {
                    await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    if (stream.Length < position) position = 0; // truncated or replaced
                    if (position == 0 && stream.Length > 256 * 1024) position = stream.Length - 256 * 1024; // only the tail matters
                    stream.Seek(position, SeekOrigin.Begin);
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    string text = await reader.ReadToEndAsync(ct);
                    position = stream.Position;
                    partial.Append(text);
                    string all = partial.ToString();
                    int last = all.LastIndexOf('\n');
                    if (last >= 0)
                    {
                        foreach (string line in all[..last].Split('\n')) Ring.Append(line.TrimEnd('\r'));
                        partial.Clear().Append(all[(last + 1)..]);
                    }
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), time ?? TimeProvider.System, ct);
            }
            catch (OperationCanceledException) { break; }
            catch (IOException) { await Task.Delay(TimeSpan.FromSeconds(1), time ?? TimeProvider.System, CancellationToken.None); }
        }
    }

    private int _disposed;

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        _stop.Cancel();
        if (_task is not null) await _task;
        _stop.Dispose();
    }
}
