using System.Runtime.InteropServices;

namespace RedisHaTui.Tui.Idle;

/// <summary>poll(2), the one system call the blocking input needs that .NET does not wrap.</summary>
internal static partial class UnixPoll
{
    public const short In = 0x001, Err = 0x008, Hup = 0x010, Nval = 0x020;

    /// <summary>struct pollfd: the same layout on Linux, the BSDs and macOS.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short Revents;
    }

    private const int EINTR = 4;

    /// <summary>Waits until one of <paramref name="fds"/> is ready or <paramref name="timeoutMs"/> passes (-1: forever); a signal restarts the wait.</summary>
    /// <returns>The number of ready descriptors, 0 on timeout; throws when poll itself fails.</returns>
    public static unsafe int Wait(Span<PollFd> fds, int timeoutMs)
    {
        while (true)
        {
            int n;
            fixed (PollFd* p = fds) n = poll(p, (nuint)fds.Length, timeoutMs);
            if (n >= 0) return n;
            int errno = Marshal.GetLastPInvokeError();
            // SIGWINCH and friends interrupt the wait; retrying forever is right for -1, close enough for a finite wait.
            if (errno != EINTR) throw new IOException($"poll failed (errno {errno})");
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int poll(PollFd* fds, nuint nfds, int timeout);
}
