using System.IO.Compression;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// The app packed the way the README says (a NativeAOT package for linux-x64, a framework-dependent `any` fallback
/// and the pointer package), into a local folder feed, and installed from it into a temporary --tool-path. Built
/// once per test run from a copy of the sources, so the working tree's bin/ and obj/ are not touched.
/// </summary>
public sealed class ToolPackages
{
    private static readonly Lazy<Task<ToolPackages>> Shared = new(BuildAsync);
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(6);

    public static string Version { get; } = typeof(Cli.AppCommandLine).Assembly.GetName().Version!.ToString(3);

    private ToolPackages(string root) => Root = root;

    /// <summary>Everything lives under here: the sources' copy, the feed, the package cache, the installed tool.</summary>
    public string Root { get; }

    public string Feed => Path.Combine(Root, "feed");

    /// <summary>A NuGet.config whose only source is the feed: nothing can come from elsewhere by the same name.</summary>
    public string NuGetConfig => Path.Combine(Root, "NuGet.config");

    /// <summary>A package cache of its own: a stale copy of the same version from an earlier run is never used.</summary>
    public string PackageCache => Path.Combine(Root, "nuget-packages");

    public string ToolPath => Path.Combine(Root, "tools");

    /// <summary>The installed command.</summary>
    public string Executable => Path.Combine(ToolPath, "redis-ha-tui");

    public TimeSpan PackTime { get; private set; }

    /// <summary>The environment for the dotnet CLI when it installs or runs the tool from the feed.</summary>
    public IReadOnlyDictionary<string, string?> NuGetEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = PackageCache,
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    public static Task<ToolPackages> GetAsync() => Shared.Value;

    public string Package(string idSuffix) => Path.Combine(Feed, $"redis-ha-tui{idSuffix}.{Version}.nupkg");

    /// <summary>One file of a package, as text.</summary>
    public static string ReadEntry(string package, string entry)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        using var reader = new StreamReader((zip.GetEntry(entry) ?? throw new FileNotFoundException($"{entry} not in {package}")).Open());
        return reader.ReadToEnd();
    }

    private static async Task<ToolPackages> BuildAsync()
    {
        NativeToolchain.RequireOrExplain();
        var packages = new ToolPackages(Directory.CreateTempSubdirectory("redis-ha-tui-tool-").FullName);
        string source = Path.Combine(packages.Root, "src-copy");
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
        foreach (string[] pack in packs)
            (await Command.RunAsync("dotnet", ["pack", project, "-c", "Release", "-o", packages.Feed, .. pack], PackTimeout, source))
                .Ok($"dotnet pack {string.Join(' ', pack)}");
        packages.PackTime = DateTime.UtcNow - started;

        File.WriteAllText(packages.NuGetConfig, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{packages.Feed}" />
              </packageSources>
            </configuration>
            """);
        (await Command.RunAsync("dotnet", ["tool", "install", "redis-ha-tui", "--version", Version, "--tool-path", packages.ToolPath,
            "--configfile", packages.NuGetConfig], TimeSpan.FromMinutes(2), packages.Root, packages.NuGetEnvironment)).Ok("dotnet tool install");
        return packages;
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
