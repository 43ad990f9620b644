using System.Collections.Immutable;
using System.Net;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Network;

/// <summary>One member of a partitionable lab: a process or a write-load client, and the address its connections leave from.</summary>
/// <param name="Name">node1, sentinel2, A …</param>
/// <param name="Address">Its identity address (127.x.y.z): what the relay reads as "who connects".</param>
/// <param name="Process">The process it is; null for a client.</param>
public sealed record NetworkMember(string Name, IPAddress Address, ProcessDefinition? Process)
{
    public bool IsClient => Process is null;

    /// <summary>Where the others reach this process: the relay's listener on its identity address and its own port.</summary>
    public Endpoint? RelayEndpoint => Process is null ? null : new Endpoint(Address.ToString(), Process.Port);
}

/// <summary>
/// The network of a lab with partitions on (lab.json <c>Lab:Network:Partitions</c>): every process and client has
/// an identity address, its outgoing connections leave from it (<c>bind-source-addr</c>, a client's socket bound to
/// it), and every process is reached by the others at the relay's listener on its identity address and its own port,
/// never at its real one. The app's monitor keeps the real one (127.0.0.1), so the screen sees both sides of a cut.
/// Off: <see cref="None"/>, and nothing of the lab changes.
/// </summary>
public sealed record LabNetwork(bool Partitions, ImmutableArray<NetworkMember> Members)
{
    /// <summary>The write-load clients a partitionable lab has, each with its own identity.</summary>
    public static readonly ImmutableArray<string> ClientNames = ["A", "B"];

    /// <summary>Where the network's addresses start: 127.0.0.0/16 stays free for the labs' own listeners.</summary>
    private const int FirstHost = 10;

    public static readonly LabNetwork None = new(false, []);

    /// <summary>
    /// Identity addresses derived from the lab's lowest port, so two labs running at once (another port offset, a test
    /// on free ports) never share one: 127.{1 + port/256}.{port%256}.{10 + i}, processes in lab order, then the clients.
    /// </summary>
    public static LabNetwork For(LabDefinition lab, bool partitions)
    {
        if (!partitions) return None;
        int lowest = lab.Processes.Min(p => p.Port);
        byte second = (byte)(1 + (lowest >> 8) % 255), third = (byte)(lowest & 0xFF);
        var members = ImmutableArray.CreateBuilder<NetworkMember>();
        int i = 0;
        foreach (ProcessDefinition p in lab.Processes) members.Add(new NetworkMember(p.Name, new IPAddress([127, second, third, (byte)(FirstHost + i++)]), p));
        foreach (string c in ClientNames) members.Add(new NetworkMember(c, new IPAddress([127, second, third, (byte)(FirstHost + i++)]), null));
        return new LabNetwork(true, members.ToImmutable());
    }

    public NetworkMember? Member(string name) =>
        Members.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Who a connection comes from, by its source address; null for anything else (redis-cli, the monitor).</summary>
    public NetworkMember? At(IPAddress source) => Members.FirstOrDefault(m => m.Address.Equals(source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source));

    /// <summary>The address the lab's processes use for a process: its relay endpoint with partitions on, else its own.</summary>
    public Endpoint Reach(ProcessDefinition p) => Partitions && Member(p.Name)?.RelayEndpoint is { } relay ? relay : p.Endpoint;

    public IEnumerable<NetworkMember> Processes => Members.Where(m => !m.IsClient);

    public IEnumerable<NetworkMember> Clients => Members.Where(m => m.IsClient);
}
