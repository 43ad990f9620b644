using RedisHaTui.Cli;

namespace RedisHaTui.Tests.Cli;

public sealed class FollowSourceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("follow-source-").FullName;

    [Theory]
    [InlineData("http://127.0.0.1:8787/")]
    [InlineData("http://192.168.1.20:8787/0123456789abcdef0123456789abcdef")]
    public void A_presenters_http_address_is_a_url(string text) =>
        Assert.Equal(new Uri(text), FollowSource.Parse(text, out _)!.Url);

    [Fact]
    public void A_recording_file_is_followed_where_it_is()
    {
        string file = Path.Combine(_dir, "session.rec.ndjson");
        File.WriteAllText(file, "");

        Assert.Equal(file, FollowSource.Parse(file, out _)!.File);
    }

    [Theory]
    [InlineData("https://127.0.0.1:8787/", "http://HOST:PORT/")]
    [InlineData("ftp://host/x", "http://HOST:PORT/")]
    [InlineData("/no/such/recording.ndjson", "no such file")]
    public void Anything_else_is_refused_saying_what_is_expected(string text, string expected)
    {
        Assert.Null(FollowSource.Parse(text, out string? error));
        Assert.Contains(expected, error);
        Assert.Contains($"'{text}'", error);
    }

    [Fact]
    public void A_folder_is_refused_asking_for_the_recording_in_it()
    {
        Assert.Null(FollowSource.Parse(_dir, out string? error));
        Assert.Contains("session.rec.ndjson", error);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}

public sealed class FollowSourceOpenTests : IAsyncDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("follow-open-").FullName;

    private string Recording => Path.Combine(_dir, "session.rec.ndjson");

    [Fact]
    public async Task A_url_is_copied_into_a_local_file_once_the_recording_has_begun()
    {
        await using var server = Core.Sharing.ShareServer.Start(Recording, new Core.Sharing.ShareAddress(System.Net.IPAddress.Loopback, 0));
        FollowSource source = FollowSource.Parse(server.Url.ToString(), out _)!;

        Task<(string File, Core.Sharing.SharedRecordingDownload? Download)> opening = source.OpenAsync(TimeSpan.FromSeconds(20));
        await Task.Delay(300);
        Assert.False(opening.IsCompleted); // nothing recorded yet: the reader could not open the copy
        File.WriteAllText(Recording, "{\"t\":0,\"k\":\"h\",\"n\":0,\"h\":{\"formatVersion\":1}}\n");
        (string copy, Core.Sharing.SharedRecordingDownload? download) = await opening.WaitAsync(TimeSpan.FromSeconds(20));

        await using (download)
        {
            Assert.NotEqual(Recording, copy);
            Assert.Equal(File.ReadAllText(Recording), File.ReadAllText(copy));
        }
        Directory.Delete(Path.GetDirectoryName(copy)!, recursive: true);
    }

    [Fact]
    public async Task A_presenter_who_records_nothing_is_said_so_instead_of_waiting_for_ever()
    {
        await using var server = Core.Sharing.ShareServer.Start(Recording, new Core.Sharing.ShareAddress(System.Net.IPAddress.Loopback, 0));

        int before = TempCopies();
        var e = await Assert.ThrowsAsync<Core.Sharing.ShareException>(() => FollowSource.Parse(server.Url.ToString(), out _)!.OpenAsync(TimeSpan.FromMilliseconds(500)));

        Assert.Contains("--no-record", e.Message);
        Assert.Equal(before, TempCopies()); // the temporary copy went with the refusal
    }

    [Fact]
    public async Task Nobody_at_the_address_is_said_so()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var e = await Assert.ThrowsAsync<Core.Sharing.ShareException>(() => FollowSource.Parse($"http://127.0.0.1:{port}/", out _)!.OpenAsync(TimeSpan.FromSeconds(5)));

        Assert.Contains($"cannot reach http://127.0.0.1:{port}/", e.Message);
    }

    private static int TempCopies() => Directory.GetDirectories(Path.GetTempPath(), "redis-ha-tui-follow-*").Length;

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_dir, recursive: true);
        return ValueTask.CompletedTask;
    }
}
