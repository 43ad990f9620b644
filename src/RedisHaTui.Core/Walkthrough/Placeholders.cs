using System.Text.RegularExpressions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Core.Walkthrough;

/// <summary>
/// Puts the lab's real ports and folders into a walkthrough's text, so the commands shown are the ones that work
/// on this lab (a --port-offset included) and on this machine (<see cref="ShellForms"/>), typed in a terminal at the
/// lab's folder: {node1.port}, {node1.host}, {node1.cli}, {node1.start}, {node1.folder}, {node1.run}, {master},
/// {app} (this app's command) and {lab} (the lab options its verbs need from there, often none).
/// </summary>
public static partial class Placeholders
{
    public const string Known = "{NAME.port} {NAME.host} {NAME.cli} {NAME.start} {NAME.folder} {NAME.run} {master} {app} {lab}";

    [GeneratedRegex(@"\{([A-Za-z0-9_.-]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();

    /// <summary>The text with every placeholder replaced; <paramref name="problem"/> names the first unknown one.</summary>
    /// <param name="forms">How this machine types the app and redis-cli; <see cref="ShellForms.ThisMachine"/> when null.</param>
    public static string Expand(string text, LabDefinition lab, out string? problem, ShellForms? forms = null)
    {
        string? first = null;
        bool any = false;
        string result = Placeholder().Replace(text, m =>
        {
            any = true;
            string? value = ValueOf(m.Groups[1].Value, lab, forms ?? ShellForms.ThisMachine);
            if (value is null) first ??= $"unknown placeholder {m.Value} (known: {Known}, NAME one of {string.Join(", ", lab.Processes.Select(p => p.Name))})";
            return value ?? m.Value;
        });
        problem = first;
        // {lab} is often empty: `{app} status {lab}` reads `redis-ha-tui status`, not with a trailing space.
        return any ? Spaces().Replace(result, " ").TrimEnd() : result;
    }

    private static string? ValueOf(string name, LabDefinition lab, ShellForms forms)
    {
        if (name == "master") return lab.MasterName;
        if (name == "app") return forms.AppFrom(lab.LabDirectory);
        if (name == "lab") return ShellForms.LabOptions(lab, lab.LabDirectory).Trim();
        int dot = name.LastIndexOf('.');
        if (dot <= 0 || lab.Find(name[..dot]) is not { } p) return null;
        var run = new RunDirectory(lab);
        return name[(dot + 1)..] switch
        {
            "port" => p.Port.ToString(),
            "host" => p.Endpoint.Host,
            "cli" => forms.Cli(lab, p, fromDirectory: lab.LabDirectory),
            "folder" => Relative(lab, p.Folder),
            "run" => Relative(lab, run.ProcessFolder(p)),
            "start" => StartCommand(lab, p, run, forms),
            _ => null,
        };
    }

    /// <summary>
    /// The tutorial's `cd lab/node1; ./start.sh`, with the lab options that make the script find this lab's run
    /// directory (--lab, --port-offset); where the script cannot (a folder not named after its process), the same
    /// process started on its working copy directly.
    /// </summary>
    private static string StartCommand(LabDefinition lab, ProcessDefinition p, RunDirectory run, ShellForms forms)
    {
        // start.sh finds lab/<name>/../.. as the lab's folder and runs <that>/<run directory>/<lab file>-<offset>/<name>.
        string top = Path.GetFullPath(Path.Combine(p.Folder, "..", ".."));
        string runName = $"{Path.GetFileNameWithoutExtension(lab.LabFile)}-{lab.PortOffset}";
        if (Path.GetFileName(p.Folder) == p.Name && Path.GetFileName(Path.TrimEndingDirectorySeparator(lab.RunDirectory)) == runName)
        {
            string options = "";
            if (Path.GetFullPath(lab.LabFile) != Path.Combine(top, LabLoader.DefaultLabFile))
            {
                string relative = Path.GetRelativePath(top, lab.LabFile);
                options += $" --lab {ShellForms.Quote(relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(lab.LabFile) : relative)}";
            }
            if (lab.PortOffset != 0) options += $" --port-offset {lab.PortOffset}";
            return $"cd {ShellForms.Quote(Relative(lab, p.Folder))}; ./start.sh{options}";
        }
        string binary = p.Kind == ProcessKind.Node ? "redis-server" : "redis-sentinel";
        // Where the binary is not on PATH (Redis fetched into the cache), the app's `env` puts it there first.
        string env = !forms.RedisServerOnPath ? $"eval \"$({forms.AppFrom(lab.LabDirectory)} env{ShellForms.LabOptions(lab, lab.LabDirectory)})\"; " : "";
        return $"{env}cd {ShellForms.Quote(Relative(lab, run.ProcessFolder(p)))}; {binary} ./{p.ConfigFileName}";
    }

    private static string Relative(LabDefinition lab, string path) => Path.GetRelativePath(lab.LabDirectory, path);
}
