using System.Text.Json;
using RedisHaTui.Core.Drift;
using RedisHaTui.Core.Lab;
using RedisHaTui.Presentation;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Cli;

/// <summary>
/// `drift [NAME]`: each process's working config against its template under lab/, with why each line changed.
/// Only reads files, so it works whether the lab runs or not. Exit 0 when compared, 1 when the lab never ran
/// here (nothing to compare), 2 for a name the lab does not have.
/// </summary>
public static class DriftCommand
{
    public static int Run(LabDefinition lab, string? name, bool json)
    {
        ProcessDefinition[] processes;
        if (name is null) processes = [.. lab.Processes];
        else if (lab.Find(name) is { } p) processes = [p];
        else
        {
            Console.Error.WriteLine($"redis-ha-tui: drift: no process '{name}' in {Path.GetFileName(lab.LabFile)} (known: {string.Join(", ", lab.Processes.Select(x => x.Name))})");
            return ExitCodes.BadInput;
        }
        ProcessDrift[] drifts = [.. processes.Select(p => ConfigDrift.Of(lab, p))];
        string root = LabLoader.Relative(new RunDirectory(lab).Root);
        bool ran = drifts.All(d => d.State != DriftState.NeverRan);
        if (json) Console.WriteLine(JsonSerializer.Serialize(Document(root, ran, drifts), CliJson.Document.DriftDocument));
        else if (!ran)
            Console.WriteLine($"The lab has never run here: there is no run directory {root}, so no working config has drifted yet.\n" +
                              $"Start it ({ShellForms.ThisMachine.Verb(lab, "")}, or {ShellForms.ThisMachine.Verb(lab, "up")}), and ask again after a failover.");
        else
            foreach (ProcessDrift d in drifts)
            {
                foreach (DriftText line in DriftTexts.Lines(d, LabLoader.Relative, TimeZoneInfo.Local)) Console.WriteLine(line.Text);
                Console.WriteLine();
            }
        return ran ? ExitCodes.Ok : ExitCodes.NotHealthy;
    }

    private static DriftDocument Document(string root, bool ran, IEnumerable<ProcessDrift> drifts) => new(root, ran,
    [
        .. drifts.Select(d => new DriftProcessJson(
            d.Process, StateName(d.State), LabLoader.Relative(d.TemplatePath), LabLoader.Relative(d.WorkingPath), d.WrittenAt,
            d.Comparison?.Rewritten ?? false, d.DriftCount, d.Problem,
            [.. (d.Comparison?.Lines ?? []).Select(l => new DriftLineJson(ChangeName(l.Change), l.IsDrift, l.Line.Directive, l.Line.Display, l.Why))])),
    ]);

    private static string StateName(DriftState s) => s switch
    {
        DriftState.Compared => "compared",
        DriftState.NeverRan => "never-ran",
        DriftState.NoWorkingCopy => "no-working-copy",
        _ => "unreadable",
    };

    private static string ChangeName(DriftChange c) => c switch
    {
        DriftChange.Added => "added",
        DriftChange.Removed => "removed",
        DriftChange.WrittenByApp => "written-by-app",
        _ => "replaced-by-app",
    };
}
