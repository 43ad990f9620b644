namespace RedisHaTui.Core.Tests.Support;

/// <summary>Paths of the repository the tests run from.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Redis every test lab shares with the user's own labs (unpacked once from Debian's packages when missing).</summary>
    public static string RedisInstall => Core.Lab.UserFolders.SharedRedis;

    public static string LabTemplates => Path.Combine(Root, "lab");

    private static string FindRoot()
    {
        for (string? dir = AppContext.BaseDirectory; dir is not null; dir = Path.GetDirectoryName(dir))
            if (File.Exists(Path.Combine(dir, "RedisHaTui.sln"))) return dir;
        throw new InvalidOperationException("RedisHaTui.sln not found above " + AppContext.BaseDirectory);
    }
}
