using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Tool;

/// <summary>
/// `dotnet pack` gives the tool packages the README's Install section promises, and `dotnet tool install`, `dnx` and
/// `dotnet tool exec` from a local folder feed give a `redis-ha-tui` that runs from any folder.
/// </summary>
[Collection(ToolCollection.Name)]
public class ToolPackageTests(ToolPackages tool)
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Pack_makes_a_native_linux_x64_package_a_framework_dependent_fallback_and_the_pointer_to_them()
    {

        string pointer = ToolPackages.ReadEntry(tool.Package(""), "tools/any/any/DotnetToolSettings.xml");
        Assert.Contains("RuntimeIdentifier=\"linux-x64\" Id=\"redis-ha-tui.linux-x64\"", pointer);
        Assert.Contains("RuntimeIdentifier=\"any\" Id=\"redis-ha-tui.any\"", pointer);
        Assert.Contains("<Command Name=\"redis-ha-tui\"", pointer);

        // The native package holds one executable and no managed entry point; the fallback is the managed app.
        Assert.Contains("redis-ha-tui", ToolPackages.ReadEntry(tool.Package(".linux-x64"), "tools/any/linux-x64/DotnetToolSettings.xml"));
        string fallback = Path.Combine(tool.Root, "any");
        System.IO.Compression.ZipFile.ExtractToDirectory(tool.Package(".any"), fallback, overwriteFiles: true);
        string dll = Path.Combine(fallback, "tools", "net10.0", "any", "redis-ha-tui.dll");
        Command.Result managed = await Command.RunAsync("dotnet", [dll, "--version"], Quick, tool.Root);
        Assert.Equal(0, managed.Code);
        Assert.Equal($"redis-ha-tui {ToolPackages.Version}", managed.Output.Trim());
    }

    [Fact]
    public async Task The_installed_tool_is_native_and_runs_the_built_in_lab_from_an_empty_folder()
    {
        using var folders = new ToolFolders();

        // An ELF executable, not the managed shim a framework-dependent tool installs.
        byte[] head = File.ReadAllBytes(Path.GetFullPath(tool.Executable)).Take(4).ToArray();
        Assert.Equal("\u007fELF"u8.ToArray(), head);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(ResolvedExecutable())!, "redis-ha-tui.dll")), "the native package carries no managed app");

        Command.Result version = await Command.RunAsync(tool.Executable, ["--version"], Quick, folders.Work, folders.Environment);
        Assert.Equal(0, version.Code);
        Assert.Equal($"redis-ha-tui {ToolPackages.Version}", version.Output.Trim());

        Command.Result check = await Command.RunAsync(tool.Executable, ["check", "--port-offset", folders.PortOffset.ToString()], Quick, folders.Work, folders.Environment);
        Assert.True(check.Code == 0, check.Output);
        Assert.Contains("the built-in tutorial lab", check.Output);
        Assert.Contains(Path.Combine(folders.State, "redis-ha-tui", "tutorial-lab"), check.Output); // under $XDG_STATE_HOME
        Assert.True(File.Exists(Path.Combine(folders.State, "redis-ha-tui", "tutorial-lab", "lab", "node1", "redis.conf")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folders.Work)); // the folder it ran from is left as it was

        Command.Result init = await Command.RunAsync(tool.Executable, ["init", "mylab"], Quick, folders.Work, folders.Environment);
        Assert.True(init.Code == 0, init.Output);
        Assert.True(File.Exists(Path.Combine(folders.Work, "mylab", "lab.json")));
        Assert.True(File.GetUnixFileMode(Path.Combine(folders.Work, "mylab", "lab", "sentinel2", "start.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Dnx_and_dotnet_tool_exec_run_it_from_the_same_feed_without_installing()
    {
        using var folders = new ToolFolders();
        var environment = new Dictionary<string, string?>(tool.NuGetEnvironment);
        foreach ((string key, string? value) in folders.Environment) environment[key] = value;

        Command.Result exec = await Command.RunAsync("dotnet", ["tool", "exec", $"redis-ha-tui@{ToolPackages.Version}", "--yes",
            "--configfile", tool.NuGetConfig, "--", "--version"], TimeSpan.FromMinutes(2), folders.Work, environment);
        Assert.True(exec.Code == 0, exec.Output);
        Assert.EndsWith($"redis-ha-tui {ToolPackages.Version}", exec.Output.Trim());

        string dnx = Path.Combine(DotnetRoot(), "dnx");
        Assert.True(File.Exists(dnx), $"the .NET 10 SDK ships dnx beside dotnet; not found at {dnx}");
        Command.Result viaDnx = await Command.RunAsync(dnx, [$"redis-ha-tui@{ToolPackages.Version}", "--yes",
            "--configfile", tool.NuGetConfig, "--", "--version"], TimeSpan.FromMinutes(2), folders.Work, environment);
        Assert.True(viaDnx.Code == 0, viaDnx.Output);
        Assert.EndsWith($"redis-ha-tui {ToolPackages.Version}", viaDnx.Output.Trim());
    }

    private string ResolvedExecutable() =>
        new FileInfo(tool.Executable).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? tool.Executable;

    /// <summary>The folder of the dotnet that runs the tests: the SDK's dnx script lives beside it.</summary>
    private static string DotnetRoot()
    {
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dnx"))) return root;
        string dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "/usr/bin/dotnet";
        var info = new FileInfo(dotnet);
        return Path.GetDirectoryName(info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? info.FullName)!;
    }
}
