using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Redis;

/// <summary>The redis-server and redis-sentinel a lab runs, with the environment they need.</summary>
/// <param name="SentinelNeedsFlag">True when no redis-sentinel exists and redis-server runs with --sentinel.</param>
/// <param name="LibraryPath">LD_LIBRARY_PATH for a project-local install, else null.</param>
public sealed record RedisBinaries(string ServerPath, string SentinelPath, bool SentinelNeedsFlag, string? LibraryPath, Version Version)
{
    public static readonly Version Minimum = new(6, 2);

    public IReadOnlyDictionary<string, string?> Environment =>
        LibraryPath is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = LibraryPath };

    /// <summary>
    /// Finds Redis: the paths in lab.json, then PATH, then the project-local install (unpacking Debian's
    /// packages there when allowed). Throws <see cref="LabLoadException"/> with what to do when none fits.
    /// </summary>
    public static async Task<RedisBinaries> LocateAsync(LabDefinition lab, Action<string>? progress = null, CancellationToken ct = default)
    {
        string installDirectory = lab.Redis.InstallDirectory.Length == 0
            ? UserFolders.SharedRedis
            : Path.GetFullPath(Path.Combine(lab.LabDirectory, lab.Redis.InstallDirectory));
        string labFile = Path.GetFileName(lab.LabFile);
        if (lab.Redis.ServerPath.Length > 0)
        {
            string server = Path.GetFullPath(Path.Combine(lab.LabDirectory, lab.Redis.ServerPath));
            if (!File.Exists(server)) throw new LabLoadException($"{labFile}: Redis:ServerPath: {server} not found.");
            return await DescribeAsync(server, SentinelNextTo(server, lab), LocalLibraryPath(server), ct);
        }
        string? onPath = FindOnPath("redis-server");
        if (onPath is not null)
            return await DescribeAsync(onPath, SentinelNextTo(onPath, lab) , null, ct);

        string local = Path.Combine(installDirectory, "usr", "bin", "redis-server");
        if (!File.Exists(local))
        {
            if (!lab.Redis.AutoInstall || !RedisInstaller.CanInstall)
                throw new LabLoadException(
                    "redis-server not found (looked at Redis:ServerPath, PATH and " + LabLoader.Relative(installDirectory) + "). Install Redis 6.2 or newer:\n" +
                    "  Debian/Ubuntu: sudo apt-get install redis-server redis-sentinel\n" +
                    "  macOS:         brew install redis\n" +
                    "or set Redis:ServerPath in " + labFile + ".");
            await RedisInstaller.InstallAsync(installDirectory, progress, ct);
        }
        return await DescribeAsync(local, SentinelNextTo(local, lab), LocalLibraryPath(local), ct);
    }

    private static string SentinelNextTo(string server, LabDefinition lab)
    {
        if (lab.Redis.SentinelPath.Length > 0)
        {
            string sentinel = Path.GetFullPath(Path.Combine(lab.LabDirectory, lab.Redis.SentinelPath));
            if (!File.Exists(sentinel)) throw new LabLoadException($"{Path.GetFileName(lab.LabFile)}: Redis:SentinelPath: {sentinel} not found.");
            return sentinel;
        }
        string beside = Path.Combine(Path.GetDirectoryName(server)!, "redis-sentinel");
        return File.Exists(beside) ? beside : server; // redis-server --sentinel does the same job
    }

    private static async Task<RedisBinaries> DescribeAsync(string server, string sentinel, string? libraryPath, CancellationToken ct)
    {
        var env = libraryPath is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["LD_LIBRARY_PATH"] = libraryPath };
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(server).WithArguments(["--version"]).WithEnvironmentVariables(env)
                .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new LabLoadException($"{server} cannot be run: {e.Message}");
        }
        Match m = Regex.Match(result.StandardOutput, @"v=(\d+)\.(\d+)(?:\.(\d+))?");
        if (result.ExitCode != 0 || !m.Success)
            throw new LabLoadException($"{server} --version failed (exit {result.ExitCode}): {(result.StandardError + result.StandardOutput).Trim()}");
        var version = new Version(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), m.Groups[3].Success ? int.Parse(m.Groups[3].Value) : 0);
        if (version < Minimum)
            throw new LabLoadException($"{server} is Redis {version}; redis-ha-tui needs Redis {Minimum} or newer.");
        return new RedisBinaries(server, sentinel, sentinel == server, libraryPath, version);
    }

    /// <summary>The first executable file of that name in a folder of PATH, or null.</summary>
    public static string? FindOnPath(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);

    /// <summary>The folders of libraries unpacked beside a binary (usr/lib and usr/lib/&lt;triplet&gt;); empty for an installed Redis.</summary>
    public static IReadOnlyList<string> LibraryFolders(string server)
    {
        string usr = Path.GetDirectoryName(Path.GetDirectoryName(server)!)!;
        string lib = Path.Combine(usr, "lib");
        return Directory.Exists(lib) ? [.. Directory.GetDirectories(lib, "*-linux-gnu*").Prepend(lib)] : [];
    }

    /// <summary>Libraries unpacked beside a project-local binary (usr/lib and usr/lib/&lt;triplet&gt;).</summary>
    private static string? LocalLibraryPath(string server)
    {
        if (LibraryFolders(server) is not { Count: > 0 } folders) return null;
        var dirs = folders.ToList();
        string? existing = System.Environment.GetEnvironmentVariable("LD_LIBRARY_PATH");
        if (!string.IsNullOrEmpty(existing)) dirs.Add(existing);
        return string.Join(':', dirs);
    }
}
