using System.Globalization;
using System.Net;

namespace RedisHaTui.Core.Sharing;

/// <summary>
/// Where --share serves the recording: 127.0.0.1 unless the user names another address. Any address but a
/// loopback one is reachable by others, so it needs the random token in the URL (<see cref="NeedsToken"/>).
/// </summary>
public sealed record ShareAddress(IPAddress Host, int Port)
{
    /// <summary>The address a bare PORT means: this machine only.</summary>
    public static readonly IPAddress DefaultHost = IPAddress.Loopback;

    /// <summary>True when others could connect: then only the URL with the token is served.</summary>
    public bool NeedsToken => !IPAddress.IsLoopback(Host);

    /// <summary>
    /// Reads "PORT", "ADDR:PORT" or "[IPv6]:PORT". Port 0 picks a free one. Returns null and the reason when the text
    /// is not one of those; host names are refused because an address says exactly which network can connect.
    /// </summary>
    public static ShareAddress? Parse(string text, out string? error)
    {
        error = null;
        string trimmed = text.Trim();
        string hostText = "", portText = trimmed;
        int colon = trimmed.LastIndexOf(':');
        if (colon >= 0)
        {
            hostText = trimmed[..colon];
            portText = trimmed[(colon + 1)..];
            if (hostText.StartsWith('[') && hostText.EndsWith(']')) hostText = hostText[1..^1];
            else if (hostText.Contains(':')) return Fail($"--share '{text}': write an IPv6 address in brackets, e.g. [::1]:8787", out error);
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port > 65535)
            return Fail($"--share '{text}': the port must be a number from 0 to 65535 ([ADDR:]PORT, e.g. 8787 or 192.168.1.20:8787)", out error);
        if (hostText.Length == 0) return new ShareAddress(DefaultHost, port);
        if (!IPAddress.TryParse(hostText, out IPAddress? host))
            return Fail($"--share '{text}': '{hostText}' is not an IP address (name the address of the network students connect from, e.g. 192.168.1.20)", out error);
        return new ShareAddress(host, port);
    }

    private static ShareAddress? Fail(string why, out string? error)
    {
        error = why;
        return null;
    }

    /// <summary>The host as it goes in a URL ([::1] for IPv6).</summary>
    public string UrlHost => Host.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{Host}]" : Host.ToString();
}
