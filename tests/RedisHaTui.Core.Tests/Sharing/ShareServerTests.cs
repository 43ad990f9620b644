using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using RedisHaTui.Core.Sharing;

namespace RedisHaTui.Core.Tests.Sharing;

/// <summary>The share server over real loopback HTTP, with the recording appended by the test as a presenter's app would.</summary>
public sealed class ShareServerTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly string _dir = Directory.CreateTempSubdirectory("share-").FullName;
    private readonly FileStream _writer;

    public ShareServerTests()
    {
        // As a recorder writes: one writer, others may read; each line written whole and flushed.
        _writer = new FileStream(Recording, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
        Write("{\"t\":0,\"k\":\"h\",\"n\":0,\"h\":{\"formatVersion\":1}}");
    }

    private string Recording => Path.Combine(_dir, "session.rec.ndjson");

    private string Copy(int i = 0) => Path.Combine(_dir, $"copy{i}.ndjson");

    private void Write(string line) => _writer.Write(Encoding.UTF8.GetBytes(line + "\n"));

    private static string Line(int n, int width = 50) => $"{{\"t\":{n},\"k\":\"l\",\"p\":\"node1\",\"x\":\"ü {new string('x', n % width)}\"}}";

    private static string Keyframe(int n) => $"{{\"t\":{n},\"k\":\"K\",\"s\":{{\"version\":{n}}}}}";

    private static ShareServer Serve(string file, ShareServerOptions? options = null) =>
        ShareServer.Start(file, new ShareAddress(IPAddress.Loopback, 0), options);

    private static async Task Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > Patience) throw new TimeoutException($"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }

    private static string[] Lines(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task A_follower_gets_the_recording_so_far_then_every_line_as_it_is_appended_in_order()
    {
        for (int n = 1; n <= 100; n++) Write(Line(n));
        await using ShareServer server = Serve(Recording);
        await using SharedRecordingDownload follower = await SharedRecordingDownload.StartAsync(server.Url, Copy());

        for (int n = 101; n <= 2000; n++)
        {
            Write(Line(n));
            if (n % 100 == 0) await Task.Delay(20);
        }

        await Until(() => follower.Lines == 2001, "all 2001 lines at the follower");
        Assert.Equal(Lines(Recording), Lines(Copy()));
        Assert.Equal(1, server.Followers);
    }

    [Fact]
    public async Task A_new_follower_starts_at_the_header_and_the_newest_keyframe()
    {
        Write(Line(1));
        Write(Keyframe(2));
        Write(Line(3));
        Write(Keyframe(4));
        Write(Line(5));
        await using ShareServer server = Serve(Recording);
        await Until(() => new FileInfo(Recording).Length > 0, "the file");
        await Task.Delay(200); // the tailer has read the keyframes
        await using SharedRecordingDownload follower = await SharedRecordingDownload.StartAsync(server.Url, Copy());
        Write(Line(6));

        await Until(() => follower.Lines == 4, "header, keyframe 4, line 5 and line 6");
        Assert.Equal([Lines(Recording)[0], Keyframe(4), Line(5), Line(6)], Lines(Copy()));
    }

    [Fact]
    public async Task Thirty_followers_at_once_all_get_every_line()
    {
        await using ShareServer server = Serve(Recording);
        SharedRecordingDownload[] followers = await Task.WhenAll(Enumerable.Range(0, 30)
            .Select(i => SharedRecordingDownload.StartAsync(server.Url, Copy(i))));
        try
        {
            await Until(() => server.Followers == 30, "30 followers connected");
            for (int n = 1; n <= 3000; n++)
            {
                Write(Line(n));
                if (n % 300 == 0) await Task.Delay(50);
            }

            await Until(() => followers.All(f => f.Lines == 3001), "3001 lines at each of the 30 followers");
            string[] written = Lines(Recording);
            foreach (SharedRecordingDownload f in followers) Assert.Equal(written, Lines(f.LocalFile));
            Assert.Equal(0, server.Dropped);
        }
        finally
        {
            foreach (SharedRecordingDownload f in followers) await f.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_follower_cut_off_resumes_after_its_last_line_without_a_gap_or_a_repeat()
    {
        await using ShareServer server = Serve(Recording);
        await using SharedRecordingDownload follower = await SharedRecordingDownload.StartAsync(server.Url, Copy());
        for (int n = 1; n <= 500; n++) Write(Line(n));
        await Until(() => follower.Lines == 501, "the first 500 lines");

        server.DropFollowers();
        await Until(() => !follower.Connected || follower.Problem is not null, "the cut noticed");
        for (int n = 501; n <= 1000; n++) Write(Line(n));

        await Until(() => follower.Lines == 1001, "every line after the reconnect");
        Assert.Equal(Lines(Recording), Lines(Copy()));
        await Until(() => follower.Connected, "connected again");
    }

    [Fact]
    public async Task A_follower_of_a_server_that_started_again_is_told_to_follow_again_instead_of_mixing_two_files()
    {
        ShareServer first = Serve(Recording);
        int port = first.Url.Port;
        SharedRecordingDownload follower = await SharedRecordingDownload.StartAsync(first.Url, Copy());
        await using (follower)
        {
            Write(Line(1));
            await Until(() => follower.Lines == 2, "two lines");
            await first.DisposeAsync();
            await using ShareServer second = ShareServer.Start(Recording, new ShareAddress(IPAddress.Loopback, port));

            await follower.Completion.WaitAsync(Patience);
            Assert.Contains("started over", follower.Problem);
            Assert.Equal(2, Lines(Copy()).Length);
        }
    }

    [Fact]
    public async Task When_the_recorder_rotates_followers_go_on_into_the_new_file_and_one_cut_off_meanwhile_resumes_across_it()
    {
        await using ShareServer server = Serve(Recording);
        await using SharedRecordingDownload live = await SharedRecordingDownload.StartAsync(server.Url, Copy(0));
        await using SharedRecordingDownload cut = await SharedRecordingDownload.StartAsync(server.Url, Copy(1));
        for (int n = 1; n <= 100; n++) Write(Line(n));
        await Until(() => live.Lines == 101 && cut.Lines == 101, "the first file at both");

        server.DropFollowers();
        // The recorder's rotation: FILE becomes FILE.1, a new FILE starts with its header (segment 1) and a keyframe.
        for (int n = 101; n <= 150; n++) Write(Line(n));
        await _writer.DisposeAsync();
        File.Move(Recording, Recording + ".1");
        await using var next = new FileStream(Recording, FileMode.Create, FileAccess.Write, FileShare.Read, 1);
        foreach (string line in (string[])["{\"t\":151,\"k\":\"h\",\"n\":1,\"h\":{\"formatVersion\":1}}", Keyframe(152), .. Enumerable.Range(153, 100).Select(n => Line(n))])
            next.Write(Encoding.UTF8.GetBytes(line + "\n"));

        string[] both = [.. Lines(Recording + ".1"), .. Lines(Recording)];

        await Until(() => live.Lines == both.Length && cut.Lines == both.Length, "both files at both followers");
        Assert.Equal(both, Lines(Copy(0)));
        Assert.Equal(both, Lines(Copy(1)));
    }

    [Fact]
    public async Task With_a_token_only_the_url_with_it_is_served()
    {
        await using ShareServer server = Serve(Recording, new ShareServerOptions { RequireToken = true });
        using var http = new HttpClient();
        string token = server.Url.AbsolutePath.Trim('/');
        var root = new Uri($"http://127.0.0.1:{server.Url.Port}/");

        Assert.Equal(32, token.Length);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(root)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(root, token[..^1] + "0"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(root, token + "/more"))).StatusCode);
        ShareException refused = await Assert.ThrowsAsync<ShareException>(() => SharedRecordingDownload.StartAsync(new Uri(root, "wrong"), Copy()));
        Assert.Contains("token", refused.Message);
        await using SharedRecordingDownload follower = await SharedRecordingDownload.StartAsync(server.Url, Copy(1));
        await Until(() => follower.Lines == 1, "the header through the right URL");
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Only_GET_is_served_and_what_a_follower_sends_goes_nowhere(string method)
    {
        await using ShareServer server = Serve(Recording);
        using var http = new HttpClient();
        long before = new FileInfo(Recording).Length;

        using HttpResponseMessage response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), server.Url)
        {
            Content = new StringContent("{\"t\":1,\"k\":\"m\",\"m\":\"Action\",\"x\":\"kill node1\"}\n"),
        });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
        Assert.Equal(before, new FileInfo(Recording).Length);
        Assert.Equal(0, server.Followers);
    }

    [Fact]
    public async Task A_follower_that_stops_reading_is_dropped_and_neither_the_writer_nor_the_others_wait_for_it()
    {
        await using ShareServer server = Serve(Recording, new ShareServerOptions { FollowerBuffer = 200 });
        await using SharedRecordingDownload good = await SharedRecordingDownload.StartAsync(server.Url, Copy());
        // A follower that asks and then never reads: its socket's buffers fill (a few MB on loopback), then its queue.
        using var stuck = new TcpClient();
        stuck.ReceiveBufferSize = 4096;
        await stuck.ConnectAsync(IPAddress.Loopback, server.Url.Port);
        await stuck.GetStream().WriteAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.Url.Port}\r\n\r\n"));
        await Until(() => server.Followers == 2, "both followers connected");

        var slowest = TimeSpan.Zero;
        for (int n = 1; n <= 20_000; n++)
        {
            long t = Stopwatch.GetTimestamp();
            Write(Line(n, width: 1000));
            TimeSpan took = Stopwatch.GetElapsedTime(t);
            if (took > slowest) slowest = took;
            if (n % 1000 == 0) await Task.Delay(20);
        }

        // The stuck one's connection is closed by the server: reading what its buffers hold ends in end-of-stream.
        await DrainToEnd(stuck.GetStream()).WaitAsync(Patience);
        await Until(() => good.Lines == 20_001, "every line at the follower that reads");
        Assert.True(server.Dropped >= 1);
        // A burst of 10 MB may overflow the reading follower's queue too: then it resumed where it was cut off.
        Assert.Equal(Lines(Recording), Lines(Copy()));
        await Until(() => server.Followers == 1, "only the reading follower left");
        // Appending never waits on the server (it only reads the file): a write is a syscall, not a round trip.
        Assert.True(slowest < TimeSpan.FromMilliseconds(500), $"the slowest append took {slowest.TotalMilliseconds:F1} ms");
    }

    private static async Task DrainToEnd(Stream stream)
    {
        byte[] buffer = new byte[64 * 1024];
        try { while (await stream.ReadAsync(buffer) > 0) { } }
        catch (IOException) { } // reset rather than closed: ended all the same
    }

    [Fact]
    public async Task A_port_already_taken_is_refused_naming_the_address()
    {
        await using ShareServer first = Serve(Recording);

        ShareException e = Assert.Throws<ShareException>(() => ShareServer.Start(Recording, new ShareAddress(IPAddress.Loopback, first.Url.Port)));

        Assert.Contains($"127.0.0.1:{first.Url.Port}", e.Message);
        Assert.Contains("--share", e.Message);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync(); // twice is harmless
        Directory.Delete(_dir, recursive: true);
    }
}
