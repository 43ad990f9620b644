namespace RedisHaTui.Presentation;

/// <summary>What the presenter's screen says about --share: where students connect, and how many do.</summary>
public static class ShareText
{
    /// <summary>The command a student types, with the whole URL (the token is part of it).</summary>
    public static string FollowCommand(Uri url, string app = "redis-ha-tui") => $"{app} follow {url}";

    /// <summary>Said once, when sharing starts (timeline and status line).</summary>
    public static string Started(Uri url, bool token, string app = "redis-ha-tui") =>
        $"sharing this session read-only at {url}{(token ? " (the token in it is needed)" : " (this machine only)")}: students run `{FollowCommand(url, app)}`";

    /// <summary>The status line's corner, fullest form that fits <paramref name="width"/>: "sharing :8787 · 3 following", "⇄ 3".</summary>
    public static string Corner(Uri url, int followers, int width)
    {
        string[] forms =
        [
            $"sharing {url} · {Following(followers)}",
            $"sharing :{url.Port} · {Following(followers)}",
            $"⇄ {Following(followers)}",
            $"⇄ {followers}",
        ];
        return forms.FirstOrDefault(f => f.Length <= width) ?? "";
    }

    private static string Following(int followers) => followers == 1 ? "1 following" : $"{followers} following";
}
