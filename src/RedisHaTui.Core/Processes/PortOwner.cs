using System.Globalization;
using System.Net;
using System.Net.Sockets;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Processes;

/// <summary>Who listens on a loopback port: read from /proc, so a busy port can be named with its process.</summary>
public static class PortOwner
{
    public sealed record Owner(int Pid, string Command)
    {
        /// <summary>redis-server, redis-sentinel (or the redis-check-rdb they link to), by the program name only.</summary>
        public bool IsRedis => IsRedisTitle(Command);
        public override string ToString() => $"pid {Pid} ({Command})";
    }

    /// <summary>True when nothing listens at the endpoint (a listener on all addresses counts too).</summary>
    public static bool IsFree(Endpoint endpoint)
    {
        try
        {
            var listener = new TcpListener(endpoint.Address, endpoint.Port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException) { return false; }
    }

    /// <summary>
    /// True when a process listens at the endpoint (or on all addresses at its port), read from /proc/net/tcp: unlike
    /// <see cref="IsFree"/> it never binds the port, so a process starting at that moment cannot be refused it.
    /// </summary>
    public static bool IsListening(Endpoint endpoint) => ListeningInodes(endpoint).Count > 0;

    /// <summary>The process listening at the endpoint (or on all addresses at its port), when /proc lets us see it.</summary>
    public static Owner? Find(Endpoint endpoint)
    {
        HashSet<string> inodes = ListeningInodes(endpoint);
        if (inodes.Count == 0) return null;
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid)) continue;
            try
            {
                foreach (string fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                {
                    string? target = new FileInfo(fd).LinkTarget;
                    if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                        return new Owner(pid, CommandLine(pid));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return null;
    }

    /// <summary>The socket inodes listening at the endpoint's port, on its address or on all addresses.</summary>
    private static HashSet<string> ListeningInodes(Endpoint endpoint)
    {
        string exact = HexOf(endpoint.Address), any = HexOf(IPAddress.Any);
        var inodes = new HashSet<string>();
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table)) continue;
            foreach (string line in File.ReadLines(table).Skip(1))
            {
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 10 || f[3] != "0A") continue; // 0A = LISTEN
                string local = f[1];
                string ip = local[..local.IndexOf(':')];
                if (int.Parse(local[(local.IndexOf(':') + 1)..], NumberStyles.HexNumber) == endpoint.Port && (ip == exact || ip == any || ip.Length > 8))
                    inodes.Add(f[9]);
            }
        }
        return inodes;
    }

    /// <summary>/proc/net/tcp writes an IPv4 address as 8 hex digits in host (little-endian) order: 127.0.0.1 is 0100007F.</summary>
    private static string HexOf(IPAddress ip)
    {
        byte[] b = ip.MapToIPv4().GetAddressBytes();
        return $"{b[3]:X2}{b[2]:X2}{b[1]:X2}{b[0]:X2}";
    }

    public static bool IsRedisTitle(string title) =>
        Path.GetFileName(title.Split(' ')[0]) is "redis-server" or "redis-sentinel" or "redis-check-rdb";

    /// <summary>The process title; Redis sets it to e.g. "redis-server 127.0.0.1:7001".</summary>
    public static string CommandLine(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return "?"; }
    }
}
