using CliWrap;
using CliWrap.Buffered;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Redis;

/// <summary>
/// Provides Redis without root on Debian/Ubuntu: `apt-get download` of Debian's redis packages and the
/// libraries they need, unpacked with `dpkg -x` into a project-local folder. apt runs on private list and
/// cache folders, so no root and no change to the system are needed.
/// </summary>
public static class RedisInstaller
{
    // redis-tools holds the redis-server binary in Debian; the libraries are the ones a minimal image may lack.
    private static readonly string[] Packages = ["redis-server", "redis-sentinel", "redis-tools", "libjemalloc2", "liblzf1", "libatomic1"];

    public static bool CanInstall => File.Exists("/usr/bin/apt-get") && File.Exists("/usr/bin/dpkg");

    public static async Task InstallAsync(string installDirectory, Action<string>? progress, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(installDirectory)!);
        // Two processes (two test assemblies, two labs) may get here at once: one installs, the other waits.
        using FileStream gate = await LockAsync(installDirectory + ".lock", ct);
        if (File.Exists(Path.Combine(installDirectory, "usr", "bin", "redis-server"))) return;

        string work = installDirectory + ".partial";
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        string lists = Path.Combine(work, "apt", "lists"), cache = Path.Combine(work, "apt", "cache"), debs = Path.Combine(work, "debs"), root = Path.Combine(work, "root");
        foreach (string d in new[] { Path.Combine(lists, "partial"), Path.Combine(cache, "archives", "partial"), debs, root }) Directory.CreateDirectory(d);
        string[] apt =
        [
            "-o", $"Dir::State::Lists={lists}", "-o", $"Dir::Cache={cache}", "-o", "Debug::NoLocking=1",
            .. Environment.UserName == "root" ? new[] { "-o", "APT::Sandbox::User=root" } : [],
        ];

        progress?.Invoke($"Redis not found: fetching Debian's redis-server into {LabLoader.Relative(installDirectory)} (once, no root needed)…");
        await RunAsync("apt-get", [.. apt, "-qq", "update"], work, ct);
        await RunAsync("apt-get", [.. apt, "-qq", "download", .. Packages], debs, ct);
        foreach (string deb in Directory.GetFiles(debs, "*.deb"))
            await RunAsync("dpkg", ["-x", deb, root], work, ct);

        if (Directory.Exists(installDirectory)) Directory.Delete(installDirectory, recursive: true);
        Directory.Move(root, installDirectory);
        Directory.Delete(work, recursive: true);
        progress?.Invoke($"Redis unpacked into {LabLoader.Relative(installDirectory)}.");
    }

    private static async Task RunAsync(string program, string[] arguments, string workingDirectory, CancellationToken ct)
    {
        BufferedCommandResult r = await Cli.Wrap(program).WithArguments(arguments).WithWorkingDirectory(workingDirectory)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(ct);
        if (r.ExitCode != 0)
            throw new LabLoadException(
                $"Could not fetch Redis: {program} {string.Join(' ', arguments.Where(a => !a.StartsWith("Dir::") && a != "-o"))} failed (exit {r.ExitCode}): {r.StandardError.Trim()}\n" +
                "Install it instead: sudo apt-get install redis-server redis-sentinel");
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken ct)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(200))
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (waited < TimeSpan.FromMinutes(5)) { await Task.Delay(200, ct); }
        }
    }
}
