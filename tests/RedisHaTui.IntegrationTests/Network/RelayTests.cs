using System.Net;
using System.Net.Sockets;
using System.Text;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.IntegrationTests.Network;

/// <summary>The relay on real sockets: an echo server stands where node1 listens, clients connect from identity addresses.</summary>
public class RelayTests
{
    [Fact]
    public async Task A_cut_link_stalls_both_ways_without_a_reset_and_a_heal_closes_what_it_held()
    {
        using var files = TempLab.Create(edit: TempLab.Partitions);
        LabDefinition lab = files.Load();
        NetworkMember node1 = lab.Network.Member("node1")!, a = lab.Network.Member("A")!, b = lab.Network.Member("B")!;
        await using var echo = EchoServer.Start(lab.Nodes[0].Endpoint);
        await using NetworkRelay relay = NetworkRelay.Open(lab);

        using Socket before = await ConnectAsync(a, node1);
        Assert.Equal("ping", await EchoAsync(before, "ping"));
        using Socket fromB = await ConnectAsync(b, node1);

        relay.Partition(NetworkCutSpec.Parse("A / node1", lab.Network).Cut!);
        await before.SendAsync(Encoding.ASCII.GetBytes("lost"));
        using Socket during = await ConnectAsync(a, node1); // the handshake is the kernel's; nothing goes further
        await during.SendAsync(Encoding.ASCII.GetBytes("also lost"));

        Assert.Null(await ReadAsync(before, TimeSpan.FromMilliseconds(700)));
        Assert.Null(await ReadAsync(during, TimeSpan.FromMilliseconds(300)));
        Assert.False(before.Poll(0, SelectMode.SelectRead) || before.Poll(0, SelectMode.SelectError), "a cut must not close or reset");
        Assert.Equal("pong", await EchoAsync(fromB, "pong")); // B is on neither side
        Assert.Equal(2, echo.Accepted); // A's connection made during the cut never reached the process
        Assert.Equal(new RelayCounts(Open: 3, Stalled: 2, Listeners: 5), relay.Counts);

        Assert.Equal(2, await relay.HealAsync());

        Assert.Equal(0, await ReadAsync(before, TimeSpan.FromSeconds(2)) ?? -1); // closed by the heal: its client reconnects
        Assert.Equal(new RelayCounts(Open: 1, Stalled: 0, Listeners: 5), relay.Counts);
        using Socket after = await ConnectAsync(a, node1);
        Assert.Equal("back", await EchoAsync(after, "back"));
        after.Dispose();
        fromB.Dispose();
        await relay.DisposeAsync();
        Assert.Equal(0, relay.Counts.Open);
    }

    private static async Task<Socket> ConnectAsync(NetworkMember from, NetworkMember to)
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        s.Bind(new IPEndPoint(from.Address, 0));
        await s.ConnectAsync(to.RelayEndpoint!.Address, to.RelayEndpoint.Port).WaitAsync(TimeSpan.FromSeconds(5));
        return s;
    }

    private static async Task<string> EchoAsync(Socket s, string text)
    {
        await s.SendAsync(Encoding.ASCII.GetBytes(text));
        var got = new StringBuilder();
        while (got.Length < text.Length)
        {
            byte[] buffer = new byte[64];
            int n = await s.ReceiveAsync(buffer).WaitAsync(TimeSpan.FromSeconds(5));
            if (n == 0) break;
            got.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
        return got.ToString();
    }

    /// <summary>Bytes read within the time (0: closed, also by a reset); null when nothing came.</summary>
    private static async Task<int?> ReadAsync(Socket s, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try { return await s.ReceiveAsync(new byte[64], SocketFlags.None, timeout.Token); }
        catch (OperationCanceledException) { return null; }
        catch (SocketException) { return 0; }
    }

    /// <summary>Echoes what it reads on every connection; counts the connections it accepted.</summary>
    private sealed class EchoServer : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly Task _loop;
        private int _accepted;

        private EchoServer(TcpListener listener)
        {
            _listener = listener;
            _loop = Task.Run(LoopAsync);
        }

        public int Accepted => Volatile.Read(ref _accepted);

        public static EchoServer Start(Endpoint at)
        {
            var listener = new TcpListener(at.Address, at.Port);
            listener.Start();
            return new EchoServer(listener);
        }

        private async Task LoopAsync()
        {
            while (true)
            {
                Socket s;
                try { s = await _listener.AcceptSocketAsync(); }
                catch (Exception e) when (e is SocketException or ObjectDisposedException) { return; }
                Interlocked.Increment(ref _accepted);
                _ = Task.Run(async () =>
                {
                    using (s)
                    {
                        byte[] buffer = new byte[1024];
                        try { for (int n; (n = await s.ReceiveAsync(buffer)) > 0;) await s.SendAsync(buffer.AsMemory(0, n)); }
                        catch (SocketException) { }
                    }
                });
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _loop;
        }
    }
}

public class PartitionSettingTests
{
    [Fact]
    public void Partitions_are_a_lab_setting_that_the_command_line_overrides()
    {
        using var files = TempLab.Create();

        Assert.False(files.Load().Network.Partitions);
        Assert.True(files.Load("--Lab:Network:Partitions", "true").Network.Partitions);
        var bad = Assert.Throws<LabLoadException>(() => files.Load("--Lab:Network:Partitions", "maybe"));
        Assert.Contains("Lab:Network:Partitions: 'maybe' is not true or false", bad.Message);
    }
}
