using RedisHaTui.Core.Lab;
using StackExchange.Redis;

namespace RedisHaTui.Core.Redis;

/// <summary>
/// How the app talks to one lab process: a plain connection per process (no serviceName: we want each
/// node's own view), admin commands allowed, short timeouts so a dead or paused process fails fast
/// instead of stalling the others.
/// </summary>
public static class RedisConnections
{
    public static ConfigurationOptions Options(Endpoint endpoint, ConnectionSecurity security, TimeSpan timeout, bool sentinel)
    {
        ConfigurationOptions options = Plain(endpoint, security, timeout, sentinel);
        // A private CA (the usual for Redis): trust certificates it issued, and only those.
        if (security.Tls && security.TlsCaFile is { } ca) options.TrustIssuer(ca);
        return options;
    }

    private static ConfigurationOptions Plain(Endpoint endpoint, ConnectionSecurity security, TimeSpan timeout, bool sentinel) => new()
    {
        EndPoints = { { endpoint.Host, endpoint.Port } },
        User = security.Credentials?.User,
        Password = security.Credentials?.Password.Reveal(),
        Ssl = security.Tls,
        AllowAdmin = true,
        AbortOnConnectFail = false,
        ConnectTimeout = (int)timeout.TotalMilliseconds,
        SyncTimeout = (int)timeout.TotalMilliseconds,
        AsyncTimeout = (int)timeout.TotalMilliseconds,
        ConnectRetry = 1,
        KeepAlive = 60,
        ClientName = "redis-ha-tui",
        // A sentinel knows no GET/CLUSTER/tie-breaker commands; asking for them only adds noise to its log.
        TieBreaker = "",
        CommandMap = sentinel ? CommandMap.Sentinel : CommandMap.Default,
        // The heartbeat also drives reconnects: a longer one leaves a restarted sentinel unread for seconds.
        HeartbeatInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>Connects once (for a single command such as SHUTDOWN or a status read); null when nobody answers.</summary>
    public static async Task<ConnectionMultiplexer?> TryConnectAsync(Endpoint endpoint, ConnectionSecurity security, TimeSpan timeout, bool sentinel)
    {
        ConfigurationOptions options = Options(endpoint, security, timeout, sentinel);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 0;
        try
        {
            return await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null);
        }
        catch (RedisConnectionException) { return null; }
    }

    /// <summary>Asks a process to shut down (it saves, then exits); true if the request went out.</summary>
    public static async Task<bool> ShutdownAsync(Endpoint endpoint, ConnectionSecurity security, TimeSpan timeout, bool sentinel)
    {
        await using ConnectionMultiplexer? mux = await TryConnectAsync(endpoint, security, timeout, sentinel);
        if (mux is null) return false;
        try
        {
            await mux.GetServer(endpoint.Host, endpoint.Port).ExecuteAsync("SHUTDOWN");
        }
        catch (RedisConnectionException) { } // the connection closing is the expected answer
        catch (RedisTimeoutException) { }
        catch (RedisServerException) { return false; }
        return true;
    }
}
