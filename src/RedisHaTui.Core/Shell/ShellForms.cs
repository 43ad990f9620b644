using System.Reflection;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Shell;

/// <summary>
/// How a person types this app and redis-cli in a shell on this machine, so that every command the app prints runs
/// as printed: `redis-cli …` where redis-cli is on PATH, else this app's `cli` verb (the app fetched Redis into its
/// cache, which is not on PATH); `redis-ha-tui …` where it is on PATH, else the command that started this app
/// (`dotnet run --project … --` from a clone, the binary's path, `dotnet path/redis-ha-tui.dll`).
/// </summary>
/// <param name="App">The app's command: the word `redis-ha-tui`, or what started it with `{path}` where <paramref name="AppPathArgument"/> goes.</param>
/// <param name="AppPathArgument">The path inside <paramref name="App"/> that is shown relative to where the person stands (a project folder, a binary), or null.</param>
/// <param name="RedisCliOnPath">True when `redis-cli` is found on PATH.</param>
public sealed record ShellForms(string App, string? AppPathArgument, bool RedisCliOnPath)
{
    public const string AppName = "redis-ha-tui";

    /// <summary>True when `redis-server` is found on PATH (else a command that runs it puts the lab's on PATH first).</summary>
    public bool RedisServerOnPath { get; init; }

    private static readonly Lazy<ShellForms> Detected = new(Detect);

    /// <summary>The forms for this process, found once from PATH and how it was started.</summary>
    public static ShellForms ThisMachine => Detected.Value;

    /// <summary>
    /// The app's command as typed from <paramref name="fromDirectory"/>: the path it holds is relative when it lies
    /// under that folder (`dotnet run --project src/RedisHaTui --`), absolute otherwise.
    /// </summary>
    public string AppFrom(string fromDirectory)
    {
        if (AppPathArgument is null) return App;
        string full = Path.GetFullPath(AppPathArgument);
        string relative = Path.GetRelativePath(Path.GetFullPath(fromDirectory), full);
        bool under = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        // A binary typed by a bare name would be looked up on PATH: `./redis-ha-tui`.
        string shown = !under ? full : App == "{path}" && !relative.Contains('/') ? "./" + relative : relative;
        return App.Replace("{path}", Quote(shown), StringComparison.Ordinal);
    }

    /// <summary>
    /// A verb of this app on <paramref name="lab"/>, typed from <paramref name="fromDirectory"/>:
    /// `redis-ha-tui status --port-offset 1000`, with --lab when the lab is not the lab.json found there.
    /// </summary>
    public string Verb(LabDefinition lab, string verbAndArguments, string? fromDirectory = null)
    {
        string from = fromDirectory ?? Directory.GetCurrentDirectory();
        return verbAndArguments.Length == 0 ? AppFrom(from) + LabOptions(lab, from) : $"{AppFrom(from)} {verbAndArguments}{LabOptions(lab, from)}";
    }

    /// <summary>
    /// redis-cli on one process of the lab: `redis-cli -p 7001 ARGS` where redis-cli is on PATH (no password
    /// in it: REDISCLI_AUTH is the person's), else `redis-ha-tui cli node1 ARGS`, which takes host, port, TLS and
    /// password from the lab.
    /// </summary>
    public string Cli(LabDefinition lab, ProcessDefinition p, string arguments = "", string? fromDirectory = null)
    {
        string tail = arguments.Length > 0 ? " " + arguments : "";
        if (RedisCliOnPath)
        {
            string host = p.Endpoint.Host == Endpoint.DefaultHost ? "" : $"-h {p.Endpoint.Host} ";
            string tls = lab.Security.Tls ? " --tls" : "";
            return $"redis-cli {host}-p {p.Port}{tls}{tail}";
        }
        string from = fromDirectory ?? Directory.GetCurrentDirectory();
        // The lab options go before NAME: everything after NAME is redis-cli's.
        return $"{AppFrom(from)} cli{LabOptions(lab, from)} {p.Name}{tail}";
    }

    /// <summary>
    /// `--lab FILE` when typing from <paramref name="fromDirectory"/> would not find this lab by itself (its lab.json
    /// there, or the built-in lab where there is none), and `--port-offset N` when the ports are shifted.
    /// </summary>
    public static string LabOptions(LabDefinition lab, string fromDirectory)
    {
        string options = "";
        string from = Path.GetFullPath(fromDirectory);
        string here = Path.Combine(from, LabLoader.DefaultLabFile);
        bool foundByItself = lab.BuiltIn ? !File.Exists(here) : Path.GetFullPath(lab.LabFile) == here;
        if (!foundByItself)
        {
            string relative = Path.GetRelativePath(from, lab.LabFile);
            options += $" --lab {Quote(relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(lab.LabFile) : relative)}";
        }
        if (lab.PortOffset != 0) options += $" --port-offset {lab.PortOffset}";
        return options;
    }

    /// <summary>A word as the shell reads it back: as it is when it is plain, else in single quotes.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+:=@%,~".Contains(c)) && !word.StartsWith('~')
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The forms for this process.</summary>
    public static ShellForms Detect()
    {
        // Not Assembly.Location: a NativeAOT or single-file build has none (and the trimming analyzer refuses it).
        string? entry = Assembly.GetEntryAssembly()?.GetName().Name == AppName ? Path.Combine(AppContext.BaseDirectory, AppName + ".dll") : null;
        if (entry is not null && !File.Exists(entry)) entry = ""; // NativeAOT: the binary is all there is
        return Resolve(RedisBinaries.FindOnPath(AppName), RedisBinaries.FindOnPath("redis-cli"), RedisBinaries.FindOnPath("dotnet"), Environment.ProcessPath, entry)
            with { RedisServerOnPath = RedisBinaries.FindOnPath("redis-server") is not null };
    }

    /// <summary>
    /// The forms, from what was found on PATH and how this process was started (pure: the table tests feed it).
    /// </summary>
    /// <param name="appOnPath">redis-ha-tui found on PATH, or null.</param>
    /// <param name="processPath">The running executable: the app's own binary, or the dotnet host.</param>
    /// <param name="entryAssembly">The app's dll when the dotnet host runs it (empty for a NativeAOT binary).</param>
    public static ShellForms Resolve(string? appOnPath, string? redisCliOnPath, string? dotnetOnPath, string? processPath, string? entryAssembly)
    {
        bool cli = redisCliOnPath is not null;
        if (appOnPath is not null) return new ShellForms(AppName, null, cli);
        string? binary = processPath is not null && Path.GetFileName(processPath) == AppName ? processPath : null;
        // Only this app's own entry point says how it was started (a test host's does not).
        string? dll = entryAssembly is { Length: > 0 } && Path.GetFileName(entryAssembly) == AppName + ".dll" ? entryAssembly : null;
        // `dotnet run --project src/RedisHaTui` runs the binary it built under <project>/bin/<configuration>/<tfm>/.
        string? built = binary ?? dll;
        if (built is not null && ProjectOf(built) is { } project)
            return new ShellForms($"dotnet run --project {{path}}{(project.Configuration == "Debug" ? "" : $" -c {project.Configuration}")} --", project.Folder, cli);
        if (binary is not null) return new ShellForms("{path}", binary, cli);
        if (dll is not null)
        {
            string dotnet = dotnetOnPath is not null || processPath is null ? "dotnet" : Quote(processPath);
            return new ShellForms($"{dotnet} {{path}}", dll, cli);
        }
        return new ShellForms(AppName, null, cli);
    }

    /// <summary>The app's project folder and configuration when <paramref name="built"/> is its build output.</summary>
    private static (string Folder, string Configuration)? ProjectOf(string built)
    {
        // <project>/bin/<configuration>/<tfm>[/<rid>]/redis-ha-tui[.dll]
        DirectoryInfo? dir = new FileInfo(built).Directory;
        for (int up = 0; up < 2 && dir?.Parent?.Parent is { } bin; up++, dir = dir.Parent)
        {
            if (bin.Name != "bin" || bin.Parent is null) continue;
            string folder = bin.Parent.FullName;
            if (File.Exists(Path.Combine(folder, "RedisHaTui.csproj"))) return (folder, dir.Parent.Name);
        }
        return null;
    }
}
