using System.Net;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// Where a Redis process listens: host and port. Every connection, label lookup and printed address goes
/// through this type, so two hosts on the same port stay two processes.
/// </summary>
public sealed record Endpoint(string Host, int Port)
{
    /// <summary>The lab's default host: everything binds loopback unless lab.json names another loopback address.</summary>
    public const string DefaultHost = "127.0.0.1";

    public static Endpoint Loopback(int port) => new(DefaultHost, port);

    /// <summary>Whether a process reporting (host, port) is this one; a missing host matches on the port alone.</summary>
    public bool Matches(string? host, int port) =>
        Port == port && (host is null || string.Equals(Normal(host), Normal(Host), StringComparison.OrdinalIgnoreCase));

    /// <summary>True for 127.0.0.0/8 and ::1: the only places the lab may bind.</summary>
    public bool IsLoopback => IPAddress.TryParse(Host, out IPAddress? ip) ? IPAddress.IsLoopback(ip) : Host == "localhost";

    public IPAddress Address => IPAddress.TryParse(Host, out IPAddress? ip) ? ip : IPAddress.Loopback;

    private static string Normal(string host) => host == "localhost" ? DefaultHost : host;

    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
