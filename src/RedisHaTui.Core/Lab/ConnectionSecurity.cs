namespace RedisHaTui.Core.Lab;

/// <summary>What every connection to a topology shares besides the address: credentials and TLS.</summary>
/// <param name="TlsCaFile">A PEM file with the CA that issued the servers' certificates; null: the system's trust store.</param>
public sealed record ConnectionSecurity(RedisCredentials? Credentials = null, bool Tls = false, string? TlsCaFile = null)
{
    public static readonly ConnectionSecurity None = new();
}
