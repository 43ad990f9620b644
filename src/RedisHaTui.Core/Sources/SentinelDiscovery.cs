using System.Net.Sockets;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring.Parsing;
using RedisHaTui.Core.Redis;
using StackExchange.Redis;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// What the sentinels say the deployment is: its master, replicas and sentinels, as they announce them, and the
/// figures they watch the master with.
/// </summary>
public sealed record DiscoveredTopology(Endpoint Master, IReadOnlyList<Endpoint> Replicas, IReadOnlyList<Endpoint> Sentinels, MonitorFigures Figures);

/// <summary>
/// Finds a deployment through its sentinels (SENTINEL MASTER, REPLICAS, SENTINELS), using the addresses they
/// report (announce-ip / announce-port included). Every way this can fail is a refusal that names the sentinel
/// and says why — unknown master, a plain Redis node where a sentinel was expected, a wrong or missing password,
/// no answer in time, a host name that does not resolve — never an exception trace or a hang.
/// </summary>
public static class SentinelDiscovery
{
    public static async Task<DiscoveredTopology> DiscoverAsync(DeploymentOptions o, CancellationToken ct = default)
    {
        var problems = new List<string>();
        foreach (Endpoint seed in o.Sentinels)
        {
            try { return await AskAsync(seed, o, ct); }
            catch (DiscoveryRefused refused) { problems.Add(refused.Message); }
        }
        throw new LabLoadException(problems);
    }

    private static async Task<DiscoveredTopology> AskAsync(Endpoint sentinel, DeploymentOptions o, CancellationToken ct)
    {
        await ResolveAsync(sentinel, o.Timeout, ct);
        ConfigurationOptions options = RedisConnections.Options(sentinel, o.Security, o.Timeout, sentinel: true);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 0;
        ConnectionMultiplexer mux;
        try { mux = await ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null).WaitAsync(o.Timeout + o.Timeout, ct); }
        catch (Exception e) when (e is RedisConnectionException or TimeoutException or SocketException)
        {
            throw new DiscoveryRefused(sentinel, WhyNotConnected(sentinel, e, o.Security));
        }
        await using (mux)
        {
            IServer server = mux.GetServer(sentinel.Host, sentinel.Port);
            try
            {
                var master = SentinelReply.ToFields(Strings(await server.ExecuteAsync("SENTINEL", "MASTER", o.MasterName).WaitAsync(o.Timeout, ct)));
                Endpoint masterAt = AddressOf(master) ?? throw new DiscoveryRefused(sentinel, $"reports no address for master {o.MasterName}");
                MonitorFigures figures = MonitorFigures.From(SentinelMasterInfo.From(master), out string? missing)
                    ?? throw new DiscoveryRefused(sentinel, $"SENTINEL MASTER {o.MasterName} does not report {missing}");
                IReadOnlyList<Endpoint> replicas = Addresses(await server.ExecuteAsync("SENTINEL", "REPLICAS", o.MasterName).WaitAsync(o.Timeout, ct));
                IReadOnlyList<Endpoint> others = Addresses(await server.ExecuteAsync("SENTINEL", "SENTINELS", o.MasterName).WaitAsync(o.Timeout, ct));
                // The sentinel we asked is one of them, at the address we reached it by.
                return new DiscoveredTopology(masterAt, replicas, [sentinel, .. others.Where(x => x != sentinel)], figures);
            }
            catch (RedisServerException e) when (e.Message.Contains("No such master", StringComparison.OrdinalIgnoreCase))
            {
                throw new DiscoveryRefused(sentinel, $"monitors no master named '{o.MasterName}' (SENTINEL MASTERS lists the names it knows)");
            }
            catch (RedisServerException e) when (e.Message.Contains("unknown command", StringComparison.OrdinalIgnoreCase))
            {
                throw new DiscoveryRefused(sentinel, "is not a sentinel: it does not know the SENTINEL command (a plain Redis node? sentinels usually listen on 26379)");
            }
            catch (RedisServerException e) when (e.Message.StartsWith("NOAUTH", StringComparison.Ordinal) || e.Message.StartsWith("WRONGPASS", StringComparison.Ordinal))
            {
                throw new DiscoveryRefused(sentinel, Credentials(e.Message, o.Security));
            }
            catch (Exception e) when (e is TimeoutException or RedisTimeoutException)
            {
                throw new DiscoveryRefused(sentinel, $"did not answer within {o.Timeout.TotalSeconds:0.#} s");
            }
            catch (RedisException e) // the connection dropped mid-conversation, or another server error
            {
                throw new DiscoveryRefused(sentinel, Monitoring.LabReader.Short(e));
            }
        }
    }

    /// <summary>A name that does not resolve is said as such: the client library would only report "no connection".</summary>
    private static async Task ResolveAsync(Endpoint sentinel, TimeSpan timeout, CancellationToken ct)
    {
        if (System.Net.IPAddress.TryParse(sentinel.Host, out _)) return;
        try { await System.Net.Dns.GetHostAddressesAsync(sentinel.Host, ct).WaitAsync(timeout, ct); }
        catch (SocketException) { throw new DiscoveryRefused(sentinel, $"host name '{sentinel.Host}' does not resolve"); }
        catch (TimeoutException) { throw new DiscoveryRefused(sentinel, $"host name '{sentinel.Host}' did not resolve within {timeout.TotalSeconds:0.#} s"); }
    }

    private static string WhyNotConnected(Endpoint sentinel, Exception e, ConnectionSecurity security)
    {
        string text = e.ToString();
        if (e is TimeoutException) return "did not answer in time";
        if (text.Contains("NOAUTH", StringComparison.Ordinal) || text.Contains("WRONGPASS", StringComparison.Ordinal) || text.Contains("AuthenticationFailure", StringComparison.Ordinal))
            return Credentials(text.Contains("WRONGPASS", StringComparison.Ordinal) ? "WRONGPASS" : "NOAUTH", security);
        if (text.Contains("No such host", StringComparison.OrdinalIgnoreCase) || text.Contains("Name or service not known", StringComparison.OrdinalIgnoreCase)
            || text.Contains("nodename nor servname", StringComparison.OrdinalIgnoreCase))
            return $"host name '{sentinel.Host}' does not resolve";
        if (security.Tls && (text.Contains("SSL", StringComparison.Ordinal) || text.Contains("TLS", StringComparison.Ordinal) || text.Contains("certificate", StringComparison.OrdinalIgnoreCase)))
            return "the TLS handshake failed: the server does not speak TLS there, or its certificate is not trusted (--tls-ca FILE names the CA)";
        // A TLS port answers a plain connection by closing it: the port is open, the conversation never starts.
        if (!security.Tls && PortAccepts(sentinel)) return "accepts connections but never answers: it may require TLS (--tls, and --tls-ca FILE for a private CA)";
        return "does not answer (nothing listening there, or a firewall)";
    }

    private static string Credentials(string reply, ConnectionSecurity security) => security.Credentials is null
        ? $"requires a password ({reply.Split(' ')[0]}): pass --password-file FILE or set REDISCLI_AUTH"
        : $"refused the credentials ({reply.Split(' ')[0]}): check --user and the password";

    private static bool PortAccepts(Endpoint endpoint)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync(endpoint.Host, endpoint.Port).Wait(TimeSpan.FromSeconds(1)) && client.Connected;
        }
        catch (Exception e) when (e is SocketException or AggregateException) { return false; }
    }

    private static Endpoint? AddressOf(IReadOnlyDictionary<string, string> f) =>
        f.TryGetValue("ip", out string? ip) && f.TryGetValue("port", out string? p) && int.TryParse(p, out int port) ? new Endpoint(ip, port) : null;

    private static IReadOnlyList<Endpoint> Addresses(RedisResult reply) =>
        reply.Resp2Type != ResultType.Array ? []
        : [.. ((RedisResult[])reply!).Select(r => AddressOf(SentinelReply.ToFields(Strings(r)))).OfType<Endpoint>()];

    private static IReadOnlyList<string?> Strings(RedisResult result) =>
        result.Resp2Type == ResultType.Array ? ((RedisResult[])result!).Select(r => (string?)r).ToArray() : [(string?)result];

    private sealed class DiscoveryRefused(Endpoint sentinel, string why) : Exception($"sentinel {sentinel}: {why}");
}
