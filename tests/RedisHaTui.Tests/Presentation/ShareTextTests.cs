using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Presentation;

public class ShareTextTests
{
    private static readonly Uri Loopback = new("http://127.0.0.1:8787/");
    private static readonly Uri WithToken = new("http://192.168.1.20:8787/0123456789abcdef0123456789abcdef");

    [Theory]
    [InlineData(100, 3, "sharing http://127.0.0.1:8787/ · 3 following")]
    [InlineData(30, 3, "sharing :8787 · 3 following")]
    [InlineData(15, 1, "⇄ 1 following")]
    [InlineData(13, 0, "⇄ 0 following")]
    [InlineData(5, 30, "⇄ 30")]
    [InlineData(2, 30, "")]
    public void The_corner_says_the_fullest_form_that_fits(int width, int followers, string expected) =>
        Assert.Equal(expected, ShareText.Corner(Loopback, followers, width));

    [Fact]
    public void The_start_message_gives_the_whole_url_and_the_students_command()
    {
        string said = ShareText.Started(WithToken, token: true);

        Assert.Contains($"at {WithToken}", said);
        Assert.Contains("token", said);
        Assert.Contains($"`redis-ha-tui follow {WithToken}`", said);
        Assert.Contains("this machine only", ShareText.Started(Loopback, token: false));
    }
}
