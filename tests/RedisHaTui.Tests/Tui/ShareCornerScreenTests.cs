using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class ShareCornerScreenTests
{
    private static readonly Uri Url = new("http://127.0.0.1:8787/");

    [Fact]
    public void While_sharing_the_status_line_ends_with_the_follower_count_and_the_keys_keep_the_rest()
    {
        using var screen = TuiScreen.Open(120, 30);
        int followers = 3;
        screen.Window.StatusCorner = width => ShareText.Corner(Url, followers, width);
        screen.Window.RefreshStatus();

        string status = screen.Rows[29];
        Assert.EndsWith("sharing :8787 · 3 following", status.TrimEnd());
        Assert.StartsWith("? help", status.TrimStart());

        followers = 4;
        screen.Window.RefreshStatus();
        Assert.EndsWith("4 following", screen.Rows[29].TrimEnd());
    }

    [Fact]
    public void On_a_narrow_screen_the_corner_shrinks_to_the_count()
    {
        using var screen = TuiScreen.Open(60, 20);
        screen.Window.StatusCorner = width => ShareText.Corner(Url, 12, width);
        screen.Window.RefreshStatus();

        Assert.EndsWith("⇄ 12 following", screen.Rows[19].TrimEnd()); // a third of the line at most
    }
}
