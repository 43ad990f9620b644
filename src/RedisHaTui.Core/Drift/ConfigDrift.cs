using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Drift;

/// <summary>
/// Reads a lab's templates and working copies and compares them (<see cref="ConfigDiff"/>). Works whether the
/// lab runs or not: it only reads files. The "as started" copy is recomputed with <see cref="ConfigWriter"/>,
/// so what the app wrote is told apart from what Redis and Sentinel wrote later.
/// </summary>
public static class ConfigDrift
{
    public static IReadOnlyList<ProcessDrift> Of(LabDefinition lab) => [.. lab.Processes.Select(p => Of(lab, p))];

    public static ProcessDrift Of(LabDefinition lab, ProcessDefinition p)
    {
        var run = new RunDirectory(lab);
        string templatePath = Path.Combine(p.Folder, p.ConfigFileName), workingPath = run.ConfigPath(p);
        if (!Directory.Exists(run.Root)) return new ProcessDrift(p.Name, DriftState.NeverRan, templatePath, workingPath);
        if (!File.Exists(workingPath)) return new ProcessDrift(p.Name, DriftState.NoWorkingCopy, templatePath, workingPath);
        try
        {
            string template = File.ReadAllText(templatePath), working = File.ReadAllText(workingPath);
            DateTimeOffset writtenAt = File.GetLastWriteTimeUtc(workingPath);
            string asStarted = p switch
            {
                // enable-debug-command is written only for Redis 7+; which version started the lab is not recorded,
                // but the working copy shows it: the line is there (and not in the template) only if the app wrote it.
                NodeDefinition n => ConfigWriter.Node(template, n, lab, run.ProcessFolder(p), HasDebugLine(working) && !HasDebugLine(template) ? new Version(7, 0) : null),
                SentinelDefinition s => ConfigWriter.Sentinel(template, s, lab, run.ProcessFolder(p)),
                _ => throw new InvalidOperationException(p.GetType().Name),
            };
            return new ProcessDrift(p.Name, DriftState.Compared, templatePath, workingPath, ConfigDiff.Compare(template, asStarted, working), writtenAt);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ProcessDrift(p.Name, DriftState.Unreadable, templatePath, workingPath, Problem: e.Message);
        }
    }

    private static bool HasDebugLine(string config) => ConfigLine.ParseAll(config).Any(l => l.Directive == "enable-debug-command");
}
