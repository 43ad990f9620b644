using System.IO.Pipes;

namespace RedisHaTui.Tui.Idle;

/// <summary>
/// Puts the input thread to sleep until the terminal has bytes for it or someone wakes it (a stop, an injected key).
/// Terminal.Gui's own input thread asks the terminal every 20 ms instead; this is the one wait that replaces it.
/// </summary>
internal sealed class InputWaiter : IDisposable
{
    public enum Outcome { TerminalReadable, Woken }

    private readonly int _terminalFd;
    // A pipe to ourselves: the only portable way to interrupt a poll(2) from another thread. .NET creates it close-on-exec,
    // so the Redis processes the app starts do not inherit it.
    private readonly AnonymousPipeServerStream _wakeWriter = new(PipeDirection.Out, HandleInheritability.None);
    private readonly AnonymousPipeClientStream _wakeReader;
    private readonly int _wakeFd;
    private readonly byte[] _drain = new byte[1];
    private readonly Lock _writing = new();
    private int _wakePending;
    private volatile bool _terminalGivenUp;

    public InputWaiter(int terminalFd)
    {
        _terminalFd = terminalFd;
        _wakeReader = new AnonymousPipeClientStream(PipeDirection.In, _wakeWriter.ClientSafePipeHandle);
        _wakeFd = (int)_wakeReader.SafePipeHandle.DangerousGetHandle();
    }

    /// <summary>True once the terminal was given up (hung up, at end of file, or unreadable): only a wake ends a wait now.</summary>
    public bool TerminalGivenUp => _terminalGivenUp;

    /// <summary>
    /// Blocks until the terminal is readable or <see cref="Wake"/> is called. A terminal that reports readable but
    /// yields nothing (hang-up, end of file) stays readable for ever: the caller gives it up, or this would spin.
    /// </summary>
    public Outcome Wait()
    {
        Span<UnixPoll.PollFd> fds =
        [
            new() { Fd = _wakeFd, Events = UnixPoll.In },
            new() { Fd = _terminalFd, Events = UnixPoll.In },
        ];
        UnixPoll.Wait(_terminalGivenUp ? fds[..1] : fds, -1);
        if (fds[0].Revents != 0)
        {
            // Cleared before the read, and exactly one byte read: every wake that sets the flag writes one byte, and
            // each Woken takes one, so a wake landing in between leaves its byte for the next wait instead of being lost.
            Volatile.Write(ref _wakePending, 0);
            _ = _wakeReader.Read(_drain, 0, 1);
            return Outcome.Woken;
        }
        // POLLHUP/POLLERR/POLLNVAL without POLLIN: nothing will ever come; polling it again would return at once.
        if ((fds[1].Revents & UnixPoll.In) == 0) GiveUpTerminal();
        return Outcome.TerminalReadable;
    }

    /// <summary>Stops watching the terminal (it hung up or is at end of file); waits then end only by <see cref="Wake"/>.</summary>
    public void GiveUpTerminal() => _terminalGivenUp = true;

    /// <summary>Ends the current or next <see cref="Wait"/>; from any thread, as often as wanted (at most two bytes are ever in the pipe).</summary>
    public void Wake()
    {
        if (Interlocked.Exchange(ref _wakePending, 1) == 1) return;
        lock (_writing)
        {
            try
            {
                _wakeWriter.WriteByte(1);
                _wakeWriter.Flush();
            }
            catch (ObjectDisposedException) { /* the input is gone: nobody waits any more */ }
            catch (IOException) { /* same, seen from the pipe's side */ }
        }
    }

    public void Dispose()
    {
        lock (_writing) _wakeWriter.Dispose();
        _wakeReader.Dispose();
    }
}
