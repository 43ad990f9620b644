using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Network;

/// <summary>Asks the owner of a lab over its control socket (<see cref="ControlServer"/>); says plainly when no owner listens.</summary>
public static class ControlClient
{
    /// <summary>The owner's reply, or why there is none (no owner, an owner without partitions, no answer).</summary>
    public static async Task<(ControlReply? Reply, string? Problem)> AskAsync(LabDefinition lab, ControlRequest request, TimeSpan timeout)
    {
        string path = ControlServer.PathOf(lab);
        string noOwner = $"no app owns {lab.Describe()} with partitions on (its relay is in the owner): start it in another terminal with " +
                         "`redis-ha-tui up --Lab:Network:Partitions true` (or the screen with the same flag), then ask again";
        if (!File.Exists(path)) return (null, noOwner);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancel.Token);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request, ControlJson.Default.ControlRequest) + "\n"), cancel.Token);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string? line = await reader.ReadLineAsync(cancel.Token);
            if (line is null) return (null, "the lab's owner closed the control channel without an answer");
            return (JsonSerializer.Deserialize(line, ControlJson.Default.ControlReply), null);
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.AddressNotAvailable)
        {
            return (null, noOwner); // a socket file left by an owner that was killed
        }
        catch (UnauthorizedAccessException)
        {
            return (null, $"{path} belongs to another user: only the user who started the lab may cut its network");
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AccessDenied)
        {
            return (null, $"{path} belongs to another user: only the user who started the lab may cut its network");
        }
        catch (OperationCanceledException)
        {
            return (null, $"the lab's owner did not answer within {timeout.TotalSeconds:0} s");
        }
        catch (JsonException)
        {
            return (null, "the lab's owner answered something that is not this app's reply (another version?)");
        }
    }
}
