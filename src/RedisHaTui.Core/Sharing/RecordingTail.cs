using System.Text;
using Microsoft.Win32.SafeHandles;

namespace RedisHaTui.Core.Sharing;

/// <summary>A complete line of a recording: its text, the offset it starts at, and the offset just after its newline (where the next one starts).</summary>
public readonly record struct TailLine(string Text, long Start, long End);

/// <summary>What one read of a growing recording found.</summary>
/// <param name="Lines">The complete lines appended since the last read, in order: the last ones of a file renamed aside first.</param>
/// <param name="NewFileAt">
/// Where in <see cref="Lines"/> a new file begins (its offsets start at 0 again) when the file was cut shorter or another
/// was renamed over it (the recorder rotated); null when it is the same file.
/// </param>
public sealed record TailRead(IReadOnlyList<TailLine> Lines, int? NewFileAt)
{
    public static readonly TailRead Nothing = new([], null);

    public bool StartedOver => NewFileAt is not null;
}

/// <summary>
/// Reads a newline-delimited recording while another process appends to it: only complete lines (a half-written
/// last line waits for its newline), from where the previous read stopped, never blocking the writer (the file is
/// opened for reading with every share mode). A file not there yet is waited for; one that shrinks or is replaced
/// by another file of the same name is read again from its start, and the read says so.
/// </summary>
public sealed class RecordingTail : IDisposable
{
    private readonly string _path;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private readonly List<byte> _partial = [];
    private readonly bool _ownsHandle = true;
    private SafeFileHandle? _handle;
    private long _readTo;
    private int _mismatches;

    /// <param name="startAt">The offset of a line start to read from (a follower resuming): 0 for the whole file.</param>
    public RecordingTail(string path, long startAt = 0)
    {
        _path = path;
        _readTo = startAt;
    }

    /// <summary>
    /// Reads a file another tail holds open (<see cref="Handle"/>), from <paramref name="startAt"/>: the very file it
    /// reads, even when the path already names a newer one. Reads are positional, so the two never disturb each other.
    /// </summary>
    public RecordingTail(SafeFileHandle handle, long startAt)
    {
        _path = "";
        _handle = handle;
        _ownsHandle = false;
        _readTo = startAt;
    }

    /// <summary>The file being read, null until it exists; it is closed when the tail moves to a new file or is disposed.</summary>
    public SafeFileHandle? Handle => _handle;

    /// <summary>The offset just after the last complete line read: everything before it has been handed out.</summary>
    public long Position => _readTo - _partial.Count;

    /// <summary>Reads the complete lines appended since the last call.</summary>
    /// <param name="checkReplaced">Also compare the open file with the path's (one stat): a recorder that rotates renames a new file over the old one.</param>
    /// <param name="upTo">Read no further than this offset (a follower's backlog ends where the live lines begin).</param>
    public TailRead ReadNew(bool checkReplaced = false, long upTo = long.MaxValue)
    {
        if (_handle is null && !TryOpen()) return TailRead.Nothing;
        var lines = new List<TailLine>();
        int? newFileAt = null;
        if (_ownsHandle && RandomAccess.GetLength(_handle!) < _readTo)
        {
            Reopen(); // cut shorter in place: what was there is gone
            newFileAt = 0;
        }
        else if (_ownsHandle && checkReplaced && Replaced())
        {
            ReadInto(lines, upTo); // renamed aside: its last lines still belong before the new file's
            Reopen();
            newFileAt = lines.Count;
        }
        if (_handle is not null) ReadInto(lines, upTo);
        return lines.Count == 0 && newFileAt is null ? TailRead.Nothing : new TailRead(lines, newFileAt);
    }

    private void ReadInto(List<TailLine> lines, long upTo)
    {
        long lineStart = Position;
        int n;
        while (_readTo < upTo && (n = RandomAccess.Read(_handle!, _buffer.AsSpan(0, (int)Math.Min(_buffer.Length, upTo - _readTo)), _readTo)) > 0)
        {
            int start = 0;
            for (int i = 0; i < n; i++)
            {
                if (_buffer[i] != (byte)'\n') continue;
                long end = _readTo + i + 1;
                lines.Add(new TailLine(Decode(_buffer.AsSpan(start, i - start)), lineStart, end));
                lineStart = end;
                start = i + 1;
            }
            _partial.AddRange(_buffer.AsSpan(start, n - start));
            _readTo += n;
        }
    }

    /// <summary>The bytes of one line, a part of it possibly read earlier; a trailing CR is dropped (a file edited on Windows).</summary>
    private string Decode(ReadOnlySpan<byte> rest)
    {
        string text;
        if (_partial.Count == 0) text = Encoding.UTF8.GetString(rest);
        else
        {
            _partial.AddRange(rest);
            text = Encoding.UTF8.GetString([.. _partial]);
            _partial.Clear();
        }
        return text.EndsWith('\r') ? text[..^1] : text;
    }

    /// <summary>
    /// The open file and the file now at the path differ in length twice in a row (once could be a write landing
    /// between the two looks): the path names another file.
    /// </summary>
    private bool Replaced()
    {
        long atPath;
        try { atPath = new FileInfo(_path).Length; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
        if (atPath == RandomAccess.GetLength(_handle!)) { _mismatches = 0; return false; }
        return ++_mismatches >= 2;
    }

    private bool TryOpen()
    {
        try
        {
            _handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return true;
        }
        catch (FileNotFoundException) { return false; }
        catch (DirectoryNotFoundException) { return false; }
    }

    private void Reopen()
    {
        _handle?.Dispose();
        _handle = null;
        _readTo = 0;
        _partial.Clear();
        _mismatches = 0;
        TryOpen();
    }

    public void Dispose()
    {
        if (_ownsHandle) _handle?.Dispose();
    }
}
