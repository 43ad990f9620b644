using System.Text.RegularExpressions;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Walkthrough;

/// <summary>
/// Puts the lab's real ports and folders into a walkthrough's text, so the commands shown are the ones that work
/// on this lab (a --port-offset included): {node1.port}, {node1.host}, {node1.cli}, {node1.start}, {node1.folder},
/// {node1.run}, {master}.
/// </summary>
public static partial class Placeholders
{
    public const string Known = "{NAME.port} {NAME.host} {NAME.cli} {NAME.start} {NAME.folder} {NAME.run} {master}";

    [GeneratedRegex(@"\{([A-Za-z0-9_.-]+)\}")]
    private static partial Regex Placeholder();

    /// <summary>The text with every placeholder replaced; <paramref name="problem"/> names the first unknown one.</summary>
    public static string Expand(string text, LabDefinition lab, out string? problem)
    {
        string? first = null;
        string result = Placeholder().Replace(text, m =>
        {
            string? value = ValueOf(m.Groups[1].Value, lab);
            if (value is null) first ??= $"unknown placeholder {m.Value} (known: {Known}, NAME one of {string.Join(", ", lab.Processes.Select(p => p.Name))})";
            return value ?? m.Value;
        });
        problem = first;
        return result;
    }

    private static string? ValueOf(string name, LabDefinition lab)
    {
        if (name == "master") return lab.MasterName;
        int dot = name.LastIndexOf('.');
        if (dot <= 0 || lab.Find(name[..dot]) is not { } p) return null;
        var run = new RunDirectory(lab);
        return name[(dot + 1)..] switch
        {
            "port" => p.Port.ToString(),
            "host" => p.Endpoint.Host,
            "cli" => p.Endpoint.Host == Endpoint.DefaultHost ? $"redis-cli -p {p.Port}" : $"redis-cli -h {p.Endpoint.Host} -p {p.Port}",
            "folder" => Relative(lab, p.Folder),
            "run" => Relative(lab, run.ProcessFolder(p)),
            "start" => StartCommand(lab, p, run),
            _ => null,
        };
    }

    /// <summary>
    /// The tutorial's `cd lab/node1; ./start.sh` where that script runs this lab's working copy (it uses .run/lab-0
    /// beside lab/, i.e. no port offset); otherwise the same process started on the working copy directly.
    /// </summary>
    private static string StartCommand(LabDefinition lab, ProcessDefinition p, RunDirectory run)
    {
        string scriptRuns = Path.GetFullPath(Path.Combine(p.Folder, "..", "..", ".run", "lab-0", Path.GetFileName(p.Folder)));
        if (scriptRuns == Path.GetFullPath(run.ProcessFolder(p)) && Path.GetFileName(p.Folder) == p.Name)
            return $"cd {Relative(lab, p.Folder)}; ./start.sh";
        string binary = p.Kind == ProcessKind.Node ? "redis-server" : "redis-sentinel";
        return $"cd {Relative(lab, run.ProcessFolder(p))}; {binary} ./{p.ConfigFileName}";
    }

    private static string Relative(LabDefinition lab, string path) => Path.GetRelativePath(lab.LabDirectory, path);
}
