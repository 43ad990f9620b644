using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;
using StackExchange.Redis.Configuration;

namespace RedisHaTui.Core.Load;

/// <summary>
/// A named write-load client of a partitionable lab (A, B): every socket its Redis client opens, to the sentinels
/// and to the master, leaves from the client's identity address, so the relay knows which side of a cut it is on.
/// </summary>
internal sealed class ClientIdentity(IPAddress source) : Tunnel
{
    public override ValueTask BeforeSocketConnectAsync(EndPoint endPoint, ConnectionType connectionType, Socket? socket, CancellationToken cancellationToken)
    {
        socket?.Bind(new IPEndPoint(source, 0));
        return default;
    }
}
