namespace RedisHaTui.Presentation;

/// <summary>Paths as a person reads them on a screen: full (where to find the file), the home folder as ~ so it fits.</summary>
public static class PathText
{
    public static string Shown(string path)
    {
        string full = Path.GetFullPath(path);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 1 && (full == home || full.StartsWith(home + Path.DirectorySeparatorChar, StringComparison.Ordinal)) ? "~" + full[home.Length..] : full;
    }
}
