using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Shell;

/// <summary>
/// The lab's Redis binaries as a shell sees them: the lines that put them on PATH (`eval "$(redis-ha-tui env)"`,
/// the way version managers do it) and the redis-cli that goes with them.
/// </summary>
public static class RedisShellEnvironment
{
    /// <summary>
    /// POSIX shell lines: PATH (and LD_LIBRARY_PATH for Redis unpacked from Debian's packages) gain the lab's
    /// Redis folder, before what they held. Comments say where it is; no password is ever printed.
    /// </summary>
    public static IReadOnlyList<string> Lines(RedisBinaries binaries, LabDefinition lab)
    {
        string bin = Path.GetDirectoryName(binaries.ServerPath)!;
        var lines = new List<string>
        {
            $"# Redis {binaries.Version} of {lab.Describe()}: redis-server, redis-sentinel, redis-cli in {bin}",
            $"export PATH={ShellForms.Quote(bin)}\"${{PATH:+:$PATH}}\"",
        };
        if (binaries.LibraryPath is not null && RedisBinaries.LibraryFolders(binaries.ServerPath) is { Count: > 0 } libraries)
            lines.Add($"export LD_LIBRARY_PATH={ShellForms.Quote(string.Join(':', libraries))}\"${{LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}}\"");
        if (lab.Security.Credentials is not null)
        {
            string generated = new RunDirectory(lab).PasswordPath;
            lines.Add(File.Exists(generated)
                ? $"# the lab has a password; for redis-cli: export REDISCLI_AUTH=\"$(cat {ShellForms.Quote(generated)})\""
                : "# the lab has a password (the file Lab:Auth:PasswordFile names); for redis-cli: export REDISCLI_AUTH=\"$(cat FILE)\"");
        }
        return lines;
    }

    /// <summary>The redis-cli beside the lab's redis-server, else the one on PATH, else null.</summary>
    public static string? RedisCli(RedisBinaries binaries)
    {
        string beside = Path.Combine(Path.GetDirectoryName(binaries.ServerPath)!, "redis-cli");
        return File.Exists(beside) ? beside : RedisBinaries.FindOnPath("redis-cli");
    }
}
