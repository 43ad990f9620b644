using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// How to reach a Sentinel deployment this app did not start: some of its sentinels, the master name they
/// monitor, the credentials, and what the person allows beyond watching.
/// </summary>
/// <param name="Sentinels">Where to ask first; the others are discovered (SENTINEL SENTINELS).</param>
/// <param name="AllowFailover">SENTINEL FAILOVER may run (the screen still asks for the master's name).</param>
/// <param name="AllowWrites">DEBUG and commands that write may be sent from the `:` prompt.</param>
public sealed record DeploymentOptions(
    IReadOnlyList<Endpoint> Sentinels,
    string MasterName,
    ConnectionSecurity Security,
    bool AllowFailover = false,
    bool AllowWrites = false)
{
    /// <summary>How long a sentinel may take to answer before it counts as not answering.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Lines kept per pane of what a remote process offers (INFO figures, latency, slowlog).</summary>
    public int LogLines { get; init; } = 500;

    /// <summary>How often the topology is asked again: new replicas, replicas gone, sentinels added.</summary>
    public TimeSpan RediscoverEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Parses "HOST:PORT[,HOST:PORT…]"; null with the reason when a part is not an address.</summary>
    public static (IReadOnlyList<Endpoint>? Endpoints, string? Error) ParseSentinels(string text)
    {
        var endpoints = new List<Endpoint>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = part.LastIndexOf(':');
            string host = colon > 0 ? part[..colon].Trim('[', ']') : part;
            if (colon <= 0 || !int.TryParse(part[(colon + 1)..], out int port) || port is < 1 or > 65535 || host.Length == 0)
                return (null, $"--sentinels: '{part}' is not HOST:PORT (e.g. 127.0.0.1:26379)");
            endpoints.Add(new Endpoint(host, port));
        }
        return endpoints.Count == 0 ? (null, "--sentinels: give at least one HOST:PORT") : (endpoints, null);
    }
}
