namespace RedisHaTui.Core.Actions;

/// <summary>
/// Which commands typed at the `:` prompt only read, for deployments watched read-only. A command is let
/// through when it is known to read; anything else (a write, an admin command, one this list does not know)
/// needs --allow-writes. Commands with subcommands are judged by the subcommand (CONFIG GET reads, CONFIG SET writes).
/// </summary>
public static class ReadOnlyCommands
{
    private static readonly HashSet<string> Reads = new(StringComparer.OrdinalIgnoreCase)
    {
        "get", "mget", "getrange", "strlen", "exists", "type", "ttl", "pttl", "expiretime", "keys", "scan", "randomkey", "dbsize",
        "hget", "hmget", "hgetall", "hkeys", "hvals", "hlen", "hexists", "hscan", "hstrlen", "hrandfield",
        "lrange", "llen", "lindex", "lpos", "smembers", "scard", "sismember", "smismember", "srandmember", "sscan",
        "zrange", "zrangebyscore", "zrevrange", "zrevrangebyscore", "zcard", "zcount", "zscore", "zmscore", "zrank", "zrevrank", "zscan", "zrandmember",
        "xrange", "xrevrange", "xlen", "xinfo", "pfcount", "bitcount", "bitpos", "getbit", "geopos", "geodist", "geohash", "georadius_ro", "georadiusbymember_ro",
        "info", "ping", "echo", "time", "role", "lastsave", "command", "object", "lolwut", "dump", "touch",
    };

    private static readonly Dictionary<string, string[]> ReadingSubcommands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["config"] = ["get"],
        ["client"] = ["list", "info", "getname", "id", "trackinginfo", "getredir"],
        ["slowlog"] = ["get", "len", "help"],
        ["latency"] = ["latest", "history", "doctor", "graph", "histogram", "help"],
        ["memory"] = ["usage", "stats", "doctor", "malloc-stats", "help"],
        ["acl"] = ["whoami", "list", "users", "getuser", "cat", "log", "help"],
        ["sentinel"] = ["masters", "master", "replicas", "slaves", "sentinels", "get-master-addr-by-name", "ckquorum", "myid", "info-cache", "is-master-down-by-addr", "help"],
        ["module"] = ["list", "help"],
        ["function"] = ["list", "stats", "dump", "help"],
    };

    public static bool IsReadOnly(IReadOnlyList<string> words)
    {
        if (words.Count == 0) return true;
        if (Reads.Contains(words[0])) return true;
        return ReadingSubcommands.TryGetValue(words[0], out string[]? reading) && words.Count > 1
            && reading.Contains(words[1], StringComparer.OrdinalIgnoreCase);
    }
}
