using System.Net;
using System.Net.Sockets;
using RedisHaTui.Core.Sharing;

namespace RedisHaTui.Tests.Cli;

/// <summary>`follow` and `--share` as a person runs them: the refusals that come before any screen.</summary>
public sealed class FollowCliTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("follow-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task A_wrong_source_is_refused_by_name_with_exit_2()
    {
        int closed;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closed = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        await using ShareServer server = ShareServer.Start(Path.Combine(_dir, "session.rec.ndjson"), new ShareAddress(IPAddress.Loopback, 0),
            new ShareServerOptions { RequireToken = true });

        (int missing, string missingSaid) = await AppProcess.RunAsync(Quick, "follow", Path.Combine(_dir, "nothing.rec.ndjson"));
        (int nobody, string nobodySaid) = await AppProcess.RunAsync(Quick, "follow", $"http://127.0.0.1:{closed}/");
        (int token, string tokenSaid) = await AppProcess.RunAsync(Quick, "follow", $"http://127.0.0.1:{server.Url.Port}/wrong");

        Assert.Equal((2, 2, 2), (missing, nobody, token));
        Assert.Contains("no such file", missingSaid);
        Assert.Contains($"cannot reach http://127.0.0.1:{closed}/", nobodySaid);
        Assert.Contains("token included", tokenSaid);
        Assert.DoesNotContain("   at ", missingSaid + nobodySaid + tokenSaid); // no stack trace
    }

    [Theory]
    [InlineData("classroom:8787", "is not an IP address")]
    [InlineData("99999", "the port must be a number")]
    public async Task A_bad_share_address_is_refused_before_anything_starts(string share, string expected)
    {
        (int code, string said) = await AppProcess.RunAsync(Quick, "up", "--share", share);

        Assert.Equal(2, code);
        Assert.Contains(expected, said);
    }
}
