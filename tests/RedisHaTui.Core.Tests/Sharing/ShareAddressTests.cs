using System.Net;
using RedisHaTui.Core.Sharing;

namespace RedisHaTui.Core.Tests.Sharing;

public class ShareAddressTests
{
    [Theory]
    [InlineData("8787", "127.0.0.1", 8787, false)]
    [InlineData("0", "127.0.0.1", 0, false)]
    [InlineData("127.0.0.5:9000", "127.0.0.5", 9000, false)]
    [InlineData("192.168.1.20:8787", "192.168.1.20", 8787, true)]
    [InlineData("0.0.0.0:8787", "0.0.0.0", 8787, true)]
    [InlineData("[::1]:8787", "::1", 8787, false)]
    [InlineData("[fe80::1]:8787", "fe80::1", 8787, true)]
    public void A_port_alone_is_loopback_and_any_other_address_needs_the_token(string text, string host, int port, bool token)
    {
        ShareAddress? address = ShareAddress.Parse(text, out string? error);

        Assert.Null(error);
        Assert.Equal(new ShareAddress(IPAddress.Parse(host), port), address);
        Assert.Equal(token, address!.NeedsToken);
    }

    [Theory]
    [InlineData("", "the port must be a number")]
    [InlineData("http", "the port must be a number")]
    [InlineData("70000", "the port must be a number")]
    [InlineData("-1", "the port must be a number")]
    [InlineData("classroom.local:8787", "'classroom.local' is not an IP address")]
    [InlineData("::1:8787", "IPv6 address in brackets")]
    public void Bad_input_is_refused_naming_what_is_wrong(string text, string expected)
    {
        Assert.Null(ShareAddress.Parse(text, out string? error));
        Assert.Contains(expected, error);
        Assert.Contains($"'{text}'", error);
    }

    [Fact]
    public void A_token_is_random_and_compared_whole()
    {
        string token = ShareToken.New();

        Assert.Equal(32, token.Length);
        Assert.NotEqual(token, ShareToken.New());
        Assert.True(ShareToken.Matches(token, token));
        Assert.False(ShareToken.Matches(token, token[..^1]));
        Assert.False(ShareToken.Matches(token, null));
    }
}
