using System.Security.Cryptography;
using System.Text;

namespace RedisHaTui.Core.Sharing;

/// <summary>The secret part of a shared URL on a non-loopback address: 128 random bits, compared in constant time.</summary>
public static class ShareToken
{
    /// <summary>32 lowercase hex characters: safe in a URL path and easy to read aloud in pieces.</summary>
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>True when <paramref name="presented"/> is the token; its timing does not say how much of it matched.</summary>
    public static bool Matches(string token, string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(presented));
}
