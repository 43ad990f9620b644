using System.IO.Compression;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// The app packed the way the README says (a NativeAOT package for linux-x64, a framework-dependent `any` fallback
/// and the pointer package), into a local folder feed, and installed from it into a temporary --tool-path. Built
/// once per test run from a copy of the sources, so the working tree's bin/ and obj/ are not touched: the fixture
/// of ToolCollection, shared by every test that needs the packages or the NativeAOT binary (one compile per run).
/// The build starts when the run starts (Schedule, through <see cref="StartInBackground"/>), long before its tests.
/// </summary>
public sealed class ToolPackages : IAsyncLifetime
{
    /// <summary>
    /// A hang, not a slow machine: the NativeAOT pack takes ~2 min alone on 2 cores, longer at the lowest priority
    /// beside the labs, and over 6 min was seen with six other builds running at once.
    /// </summary>
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(20);

    private static readonly Lazy<string> SharedRoot = new(() => Directory.CreateTempSubdirectory("redis-ha-tui-tool-").FullName);
    private static readonly Lazy<Task<TimeSpan>> Build = new(() => Task.Run(BuildAsync));

    public static string Version { get; } = typeof(Cli.AppCommandLine).Assembly.GetName().Version!.ToString(3);

    /// <summary>Starts the packs and the install without waiting for them; the fixture waits.</summary>
    public static void StartInBackground() => _ = Build.Value;

    /// <summary>Everything lives under here: the sources' copy, the feed, the package cache, the installed tool.</summary>
    public string Root => SharedRoot.Value;

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>A NuGet.config whose only source is the feed: nothing can come from elsewhere by the same name.</summary>
    public string NuGetConfig => Path.Combine(Root, "NuGet.config");

    /// <summary>A package cache of its own: a stale copy of the same version from an earlier run is never used.</summary>
    public string PackageCache => Path.Combine(Root, "nuget-packages");

    public string ToolPath => Path.Combine(Root, "tools");

    /// <summary>The installed command.</summary>
    public string Executable => Path.Combine(ToolPath, "redis-ha-tui");

    /// <summary>Wall time of the three packs (at the lowest CPU priority, beside whatever else the run does).</summary>
    public TimeSpan PackTime { get; private set; }

    /// <summary>The environment for the dotnet CLI when it installs or runs the tool from the feed.</summary>
    public IReadOnlyDictionary<string, string?> NuGetEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackageCache,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    public string Package(string idSuffix) => Path.Combine(Feed, $"redis-ha-tui{idSuffix}.{Version}.nupkg");

    /// <summary>One file of a package, as text.</summary>
    public static string ReadEntry(string package, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader((zip.GetEntry(entry) ?? throw new FileNotFoundException($"{entry} not in {package}")).Open());
        return reader.ReadToEnd();
    }

    public async Task InitializeAsync() => PackTime = await Build.Value;

    private static async Task<TimeSpan> BuildAsync()
    {
        NativeToolchain.RequireOrExplain();
        string root = SharedRoot.Value, feed = Path.Combine(root, "feed"), nuGetConfig = Path.Combine(root, "NuGet.config");
        string source = Path.Combine(root, "src-copy");
        CopySources(Repo.Root, source);
        string project = Path.Combine(source, "src", "RedisHaTui");
        var started = DateTime.UtcNow;
        // The order the README gives: the pointer package, the native one, the fallback. They share obj/, so one at a time.
        string[][] packs =
        [
            ["-p:PublishAot=true"],
            ["-r", "linux-x64", "-p:PublishAot=true"],
            ["-r", "any", "-p:PublishAot=false"],
        ];
        // nice 19: the compile takes only the CPU the labs running beside it leave, so their Sentinel timings hold.
        // No build servers: a compiler server or MSBuild node started here would stay niced for other builds, and one
        // already running would compile at full priority.
        foreach (string[] pack in packs)
            (await Command.RunAsync("nice", ["-n", "19", "dotnet", "pack", project, "-c", "Release", "-o", feed, "--disable-build-servers", .. pack],
                PackTimeout, source)).Ok($"dotnet pack {string.Join(' ', pack)}");
        TimeSpan packTime = DateTime.UtcNow - started;

        File.WriteAllText(nuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        ToolPackages paths = new(); // every instance names the same shared folders
        (await Command.RunAsync("dotnet", ["tool", "install", "redis-ha-tui", "--version", Version, "--tool-path", paths.ToolPath,
            "--configfile", nuGetConfig], TimeSpan.FromMinutes(5), root, paths.NuGetEnvironment)).Ok("dotnet tool install");
        return packTime;
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    /// <summary>What a clone holds (bin/, obj/ and the run directories left out): the tool is packed as CI would.</summary>
    private static void CopySources(string from, string to)
    {
        string[] skip = ["bin", "obj", ".git", ".run", ".redis", ".app", ".aot", "TestResults"];
        foreach (string file in new[] { "RedisHaTui.sln", "global.json", "Directory.Build.props", "Directory.Packages.props", "lab.json", "README.md", ".editorconfig", "NuGet.config", "nuget.config" })
            if (File.Exists(Path.Combine(from, file))) File.Copy(Path.Combine(from, file), Path.Combine(Directory.CreateDirectory(to).FullName, file));
        foreach (string folder in new[] { "src", "lab" }) Copy(Path.Combine(from, folder), Path.Combine(to, folder));

        void Copy(string dir, string target)
        {
            Directory.CreateDirectory(target);
            foreach (string file in Directory.EnumerateFiles(dir)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            foreach (string sub in Directory.EnumerateDirectories(dir))
                if (!skip.Contains(Path.GetFileName(sub))) Copy(sub, Path.Combine(target, Path.GetFileName(sub)));
        }
    }
}
