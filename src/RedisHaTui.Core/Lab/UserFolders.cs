namespace RedisHaTui.Core.Lab;

/// <summary>
/// Where the app keeps a user's things outside any lab folder, the XDG Base Directory way: the built-in lab and its
/// run directory under the state folder, the fetched Redis (one for all of a user's labs) under the cache folder.
/// </summary>
public static class UserFolders
{
    public const string AppFolder = "redis-ha-tui";

    /// <summary><c>$XDG_STATE_HOME/redis-ha-tui</c>, by default <c>~/.local/state/redis-ha-tui</c>.</summary>
    public static string State => Path.Combine(Base("XDG_STATE_HOME", ".local", "state"), AppFolder);

    /// <summary><c>$XDG_CACHE_HOME/redis-ha-tui</c>, by default <c>~/.cache/redis-ha-tui</c>.</summary>
    public static string Cache => Path.Combine(Base("XDG_CACHE_HOME", ".cache"), AppFolder);

    /// <summary>The Redis fetched from Debian's packages, shared by every lab whose Redis:InstallDirectory is empty.</summary>
    public static string SharedRedis => Path.Combine(Cache, "redis");

    // The spec says a relative value is invalid and must be ignored, so such a value falls back to the default too.
    private static string Base(string variable, params string[] underHome)
    {
        string? value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrEmpty(value) && Path.IsPathRooted(value)) return value;
        return Path.Combine([Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), .. underHome]);
    }
}
