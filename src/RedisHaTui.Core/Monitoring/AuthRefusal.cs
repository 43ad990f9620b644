using System.Text.RegularExpressions;
using StackExchange.Redis;

namespace RedisHaTui.Core.Monitoring;

/// <summary>
/// A process that refused our credentials, in plain words: which Redis error it was and what to change. Built
/// from Redis's error code only, so no text of ours (or a password) can travel with it.
/// </summary>
public static partial class AuthRefusal
{
    /// <summary>The Redis error code (NOAUTH or WRONGPASS) in a client log or exception text; null when none.</summary>
    public static string? Find(string? text) => text is null ? null : Code().Match(text) is { Success: true } m ? m.Value : null;

    /// <param name="code">NOAUTH or WRONGPASS.</param>
    /// <param name="withPassword">Whether we sent a password (Lab:Auth on).</param>
    public static string Explain(string code, bool withPassword) => withPassword
        ? $"{code}: refused the lab's password (it was started with another one: Lab:Auth:PasswordFile, or the run directory's secrets/password changed)"
        : $"{code}: wants a password (the lab runs with auth: add --Lab:Auth:Enabled true)";

    /// <summary>The refusal an exception carries (a command on a connection refused at AUTH), or null.</summary>
    public static string? Of(Exception e, bool withPassword)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is RedisConnectionException { FailureType: ConnectionFailureType.AuthenticationFailure } || Find(x.Message) is not null)
                return Explain(Find(x.ToString()) ?? "NOAUTH", withPassword);
        }
        return null;
    }

    [GeneratedRegex(@"\b(NOAUTH|WRONGPASS)\b")]
    private static partial Regex Code();
}
