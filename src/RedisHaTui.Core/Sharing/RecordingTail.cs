using System.Text;

namespace RedisHaTui.Core.Sharing;

/// <summary>A complete line of a recording: its text, the offset it starts at, and the offset just after its newline (where the next one starts).</summary>
public readonly record struct TailLine(string Text, long Start, long End);

/// <summary>What one read of a growing recording found.</summary>
/// <param name="Lines">The complete lines appended since the last read, in file order.</param>
/// <param name="StartedOver">The file was truncated or replaced (the recorder dropped its oldest part): reading began again at its start.</param>
public sealed record TailRead(IReadOnlyList<TailLine> Lines, bool StartedOver)
{
    public static readonly TailRead Nothing = new([], false);
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
    private FileStream? _stream;
    private long _readTo;
    private int _mismatches;

    /// <param name="startAt">The offset of a line start to read from (a follower resuming): 0 for the whole file.</param>
    public RecordingTail(string path, long startAt = 0)
    {
        _path = path;
        _readTo = startAt;
    }

    /// <summary>The offset just after the last complete line read: everything before it has been handed out.</summary>
    public long Position => _readTo - _partial.Count;

    /// <summary>Reads the complete lines appended since the last call.</summary>
    /// <param name="checkReplaced">Also compare the open file with the path's (one stat): a recorder that rotates renames a new file over the old one.</param>
    /// <param name="upTo">Read no further than this offset (a follower's backlog ends where the live lines begin).</param>
    public TailRead ReadNew(bool checkReplaced = false, long upTo = long.MaxValue)
    {
        bool startedOver = false;
        if (_stream is null)
        {
            if (!TryOpen()) return TailRead.Nothing;
        }
        else if (_stream.Length < _readTo || (checkReplaced && Replaced()))
        {
            Reopen();
            startedOver = true;
            if (_stream is null) return new TailRead([], true);
        }
        var lines = new List<TailLine>();
        long lineStart = Position;
        _stream!.Position = _readTo;
        int n = 0;
        while (_readTo < upTo && (n = _stream.Read(_buffer, 0, (int)Math.Min(_buffer.Length, upTo - _readTo))) > 0)
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
        return lines.Count == 0 && !startedOver ? TailRead.Nothing : new TailRead(lines, startedOver);
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
        if (!File.Exists(_path) || atPath == _stream!.Length) { _mismatches = 0; return false; }
        return ++_mismatches >= 2;
    }

    private bool TryOpen()
    {
        try
        {
            _stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            return true;
        }
        catch (FileNotFoundException) { return false; }
        catch (DirectoryNotFoundException) { return false; }
    }

    private void Reopen()
    {
        _stream?.Dispose();
        _stream = null;
        _readTo = 0;
        _partial.Clear();
        _mismatches = 0;
        TryOpen();
    }

    public void Dispose() => _stream?.Dispose();
}
