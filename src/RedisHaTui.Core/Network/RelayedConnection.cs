using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace RedisHaTui.Core.Network;

/// <summary>
/// One TCP connection through the relay: from a member (or an outsider) to a process's listener, forwarded to the
/// process's real port. Stalled, it forwards nothing in either direction, not even a close (a partition drops packets,
/// it sends no RST); only <see cref="Close"/> ends it, which is what a heal does.
/// </summary>
internal sealed class RelayedConnection(string? from, IPAddress? fromAddress, string to, Socket inbound)
{
    private const int BufferSize = 16 * 1024;

    private readonly CancellationTokenSource _closed = new();
    private Socket? _outbound;
    private volatile bool _stalled;

    /// <summary>The member it comes from; null for a connection from no identity (redis-cli by hand).</summary>
    public string? From { get; } = from;

    /// <summary>The process it goes to.</summary>
    public string To { get; } = to;

    public bool Stalled => _stalled;

    public void Stall() => _stalled = true;

    /// <summary>Forwards until either side closes or the connection is closed; a connection stalled at accept never reaches the process.</summary>
    public async Task RunAsync(IPEndPoint target)
    {
        CancellationToken closed = _closed.Token;
        try
        {
            if (_stalled)
            {
                // Cut before it was made: nothing goes through. What it sends is dropped; when its client gives up
                // (a sentinel reconnects every half down-after), it is gone, so a long cut does not pile up sockets.
                await DrainAsync(inbound, closed);
                return;
            }
            _outbound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            // From the member's own address, so the process's CLIENT LIST names who it is (protected-mode is off in a
            // partitionable lab for exactly this).
            if (fromAddress is not null) _outbound.Bind(new IPEndPoint(fromAddress, 0));
            try { await _outbound.ConnectAsync(target, closed); }
            catch (SocketException)
            {
                // The process is down: the client is told at once, as it would be without the relay.
                inbound.LingerState = new LingerOption(true, 0);
                return;
            }
            await Task.WhenAll(PumpAsync(inbound, _outbound, closed), PumpAsync(_outbound, inbound, closed));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        finally { Close(); }
    }

    private async Task PumpAsync(Socket source, Socket destination, CancellationToken closed)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                int n;
                try { n = await source.ReceiveAsync(buffer, SocketFlags.None, closed); }
                catch (SocketException) when (_stalled) { n = -1; }
                // Whatever came (data, a close, a reset), nothing crosses a cut: hold until healed.
                if (_stalled) await Task.Delay(Timeout.Infinite, closed);
                if (n <= 0)
                {
                    // A close goes through as a close: the other side's reads end, its writes may still finish.
                    try { destination.Shutdown(SocketShutdown.Send); } catch (SocketException) { }
                    return;
                }
                for (int sent = 0; sent < n;) sent += await destination.SendAsync(buffer.AsMemory(sent, n - sent), SocketFlags.None, closed);
            }
        }
        catch (SocketException)
        {
            // A reset on one side ends both; a stalled connection never gets here before it is closed.
            _closed.Cancel();
        }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    private static async Task DrainAsync(Socket socket, CancellationToken closed)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1024);
        try { while (await socket.ReceiveAsync(buffer, SocketFlags.None, closed) > 0) { } }
        finally { ArrayPool<byte>.Shared.Return(buffer); }
    }

    /// <summary>Ends both sides now (a heal, or the relay closing); safe to call twice.</summary>
    public void Close()
    {
        try { _closed.Cancel(); } catch (ObjectDisposedException) { }
        inbound.Dispose();
        _outbound?.Dispose();
    }
}
