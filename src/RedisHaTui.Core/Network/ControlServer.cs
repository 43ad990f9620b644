using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Network;

/// <summary>
/// The owner's door for other terminals: a Unix socket in the run directory, readable and writable by its owner
/// only (0600), taking one JSON request per connection (<see cref="ControlRequest"/>) and answering one line. The
/// relay lives in the process that owns the lab, so `partition`, `heal` and `load --client` from elsewhere ask here.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    /// <summary>A request is one short line; anything longer is not one of ours.</summary>
    private const int MaxRequest = 4096;

    private readonly Socket _listener;
    private readonly string _path;
    private readonly NetworkActions _network;
    private readonly CancellationTokenSource _closing = new();
    private readonly Task _loop;

    private ControlServer(Socket listener, string path, NetworkActions network)
    {
        _listener = listener;
        _path = path;
        _network = network;
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Where the owner of a lab listens (see <see cref="RunDirectory.ControlPath"/>).</summary>
    public static string PathOf(LabDefinition lab) => new RunDirectory(lab).ControlPath;

    /// <summary>Listens at the run directory's control socket; throws <see cref="LabLoadException"/> naming why it cannot.</summary>
    public static ControlServer Open(LabDefinition lab, NetworkActions network)
    {
        string path = PathOf(lab);
        // Unix sockets take a path of at most 107 bytes (sun_path).
        if (Encoding.UTF8.GetByteCount(path) > 107)
            throw new LabLoadException($"the control socket's path {path} is longer than a Unix socket allows (107 bytes): set a shorter Lab:RunDirectory");
        // The lab is ours (LabOwnership): a socket file left here belongs to an owner that died.
        File.Delete(path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            // Created 0777 & ~umask: with the usual 022 nobody else may connect even before this; now nobody else may at all.
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(16);
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            listener.Dispose();
            throw new LabLoadException($"the control socket {path} cannot be opened: {e.Message}");
        }
        return new ControlServer(listener, path, network);
    }

    private async Task AcceptLoopAsync()
    {
        while (!_closing.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(_closing.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        await using (var stream = new NetworkStream(client, ownsSocket: false))
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closing.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                string? line = await ReadLineAsync(stream, timeout.Token);
                ControlReply reply = await AnswerAsync(line);
                byte[] bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(reply, ControlJson.Default.ControlReply) + "\n");
                await stream.WriteAsync(bytes, timeout.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException) { }
        }
    }

    private async Task<ControlReply> AnswerAsync(string? line)
    {
        ControlRequest? request = null;
        try { if (line is not null) request = JsonSerializer.Deserialize(line, ControlJson.Default.ControlRequest); }
        catch (JsonException) { }
        LabActionResult result = request?.Verb switch
        {
            "partition" when request.Spec is { } spec => _network.Partition(spec),
            "heal" => await _network.HealAsync(),
            "network" => _network.WhyNot is { } why ? LabActionResult.Refused(why) : LabActionResult.Success("the owner's relay runs"),
            _ => LabActionResult.Refused($"not a request of this app's control channel: {line}"),
        };
        return Reply(_network, result);
    }

    /// <summary>The result with the network as it stands after it.</summary>
    public static ControlReply Reply(NetworkActions network, LabActionResult result)
    {
        NetworkCut? cut = network.Cut;
        RelayCounts counts = network.Counts ?? new RelayCounts(0, 0, 0);
        return new ControlReply(result.Ok, result.Message, cut?.ToString(),
            cut is null ? [] : [[.. cut.Left], [.. cut.Right]],
            cut is null ? [] : [.. cut.Links(network.Network.Processes.Select(m => m.Name)).Select(l => $"{l.From}-{l.To}")],
            counts.Open, counts.Stalled);
    }

    private static async Task<string?> ReadLineAsync(Stream stream, CancellationToken ct)
    {
        var bytes = new List<byte>();
        byte[] buffer = new byte[512];
        while (bytes.Count < MaxRequest)
        {
            int n = await stream.ReadAsync(buffer, ct);
            if (n == 0) break;
            int end = Array.IndexOf(buffer, (byte)'\n', 0, n);
            bytes.AddRange(buffer.Take(end < 0 ? n : end));
            if (end >= 0) break;
        }
        return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
    }

    public async ValueTask DisposeAsync()
    {
        _closing.Cancel();
        _listener.Dispose();
        await _loop;
        try { File.Delete(_path); } catch (IOException) { }
    }
}
