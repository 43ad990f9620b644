using System.Net;
using System.Net.Sockets;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Network;

/// <summary>How many connections go through the relay now, and how many of them a cut holds.</summary>
public sealed record RelayCounts(int Open, int Stalled, int Listeners);

/// <summary>
/// The app's relay between the processes of a partitionable lab: a listener per process on its identity address
/// and its own port (where the others know it), forwarding to its real port. It reads who connects from the source
/// address, so a cut between two groups stalls exactly the links that cross it, both ways, without a reset; a heal
/// closes what was stalled, and the processes reconnect as they would after a real partition. Runs in the process
/// that owns the lab (the screen or `up`); the app's monitor never goes through it.
/// </summary>
public sealed class NetworkRelay : IAsyncDisposable
{
    private readonly LabNetwork _network;
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly Dictionary<RelayedConnection, Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closing = new();
    private NetworkCut? _cut;

    private NetworkRelay(LabNetwork network) => _network = network;

    /// <summary>The cut in force; null when the network is whole.</summary>
    public NetworkCut? Cut { get { lock (_gate) return _cut; } }

    /// <summary>
    /// Listens for every process of the lab; throws <see cref="LabLoadException"/> naming the address that cannot
    /// be taken (another app's relay, or a process bound there).
    /// </summary>
    public static NetworkRelay Open(LabDefinition lab)
    {
        var relay = new NetworkRelay(lab.Network);
        try
        {
            foreach (NetworkMember m in lab.Network.Processes)
            {
                Endpoint at = m.RelayEndpoint!;
                var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    listener.Bind(new IPEndPoint(at.Address, at.Port));
                    listener.Listen(128);
                }
                catch (SocketException e)
                {
                    listener.Dispose();
                    throw new LabLoadException($"the partition relay cannot listen on {at} for {m.Name}: {e.Message}. " +
                        "Another lab on these ports? Shift this one with --port-offset N, or run it without --Lab:Network:Partitions.");
                }
                relay._listeners.Add(listener);
                IPEndPoint target = new(m.Process!.Endpoint.Address, m.Process.Port);
                relay._acceptLoops.Add(Task.Run(() => relay.AcceptLoopAsync(listener, m.Name, target)));
            }
        }
        catch
        {
            relay.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
        return relay;
    }

    public RelayCounts Counts
    {
        get { lock (_gate) return new RelayCounts(_connections.Count, _connections.Keys.Count(c => c.Stalled), _listeners.Count); }
    }

    /// <summary>Cuts every link between the two sides (replacing a cut in force, whose stalled links stay stalled until a heal).</summary>
    public void Partition(NetworkCut cut)
    {
        lock (_gate)
        {
            _cut = cut;
            foreach (RelayedConnection c in _connections.Keys)
                if (cut.Separates(c.From, c.To)) c.Stall();
        }
    }

    /// <summary>Mends the network: new connections go through, and every stalled one is closed (its processes reconnect). Returns how many were closed.</summary>
    public async Task<int> HealAsync()
    {
        Task[] closing;
        lock (_gate)
        {
            _cut = null;
            var stalled = _connections.Where(c => c.Key.Stalled).ToArray();
            foreach (var c in stalled) c.Key.Close();
            closing = [.. stalled.Select(c => c.Value)];
        }
        // Returns once they are gone, so what a heal leaves is countable at once.
        await Task.WhenAll(closing);
        return closing.Length;
    }

    private async Task AcceptLoopAsync(Socket listener, string to, IPEndPoint target)
    {
        while (!_closing.IsCancellationRequested)
        {
            Socket inbound;
            try { inbound = await listener.AcceptAsync(_closing.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException) { return; }
            catch (SocketException) { continue; }
            inbound.NoDelay = true;
            NetworkMember? from = _network.At(((IPEndPoint)inbound.RemoteEndPoint!).Address);
            var connection = new RelayedConnection(from?.Name, from?.Address, to, inbound);
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task run = RunAsync(connection, target, started.Task);
            lock (_gate)
            {
                if (_closing.IsCancellationRequested) connection.Close();
                if (_cut?.Separates(from?.Name, to) == true) connection.Stall();
                _connections[connection] = run;
            }
            started.SetResult();
        }
    }

    private async Task RunAsync(RelayedConnection connection, IPEndPoint target, Task registered)
    {
        // Registered (and stalled if cut) before anything is forwarded.
        await registered;
        try { await connection.RunAsync(target); }
        finally { lock (_gate) _connections.Remove(connection); }
    }

    public async ValueTask DisposeAsync()
    {
        Task[] running;
        lock (_gate)
        {
            if (_closing.IsCancellationRequested) return;
            _closing.Cancel();
            foreach (Socket l in _listeners) l.Dispose();
            foreach (RelayedConnection c in _connections.Keys) c.Close();
            running = [.. _acceptLoops, .. _connections.Values];
        }
        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
