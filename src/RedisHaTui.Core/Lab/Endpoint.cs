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

/// <summary>
/// A password kept out of every printed form: ToString, string interpolation, records that hold it and
/// exception messages only ever see "***". Read the value only where it is sent to Redis.
/// </summary>
public sealed class Secret(string value)
{
    public string Reveal() => value;

    public override string ToString() => "***";

    public override bool Equals(object? obj) => obj is Secret other && other.Reveal() == value;

    public override int GetHashCode() => value.GetHashCode(StringComparison.Ordinal);
}

/// <summary>How to authenticate to a process: an optional ACL user and a password; prints redacted.</summary>
public sealed record RedisCredentials(string? User, Secret Password)
{
    public override string ToString() => User is null ? "password ***" : $"user {User}, password ***";
}

/// <summary>What every connection to a topology shares besides the address: credentials and TLS.</summary>
/// <param name="TlsCaFile">A PEM file with the CA that issued the servers' certificates; null: the system's trust store.</param>
public sealed record ConnectionSecurity(RedisCredentials? Credentials = null, bool Tls = false, string? TlsCaFile = null)
{
    public static readonly ConnectionSecurity None = new();
}
