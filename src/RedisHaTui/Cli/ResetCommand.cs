using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Cli;

/// <summary>`reset`: deletes the run directory, but never under a running process.</summary>
public static class ResetCommand
{
    public static int Run(LabDefinition lab)
    {
        var run = new RunDirectory(lab);
        string[] running = [.. lab.Processes.Where(p => ExternalProcess.FindRedis(p, run) is not null).Select(p => p.Name)];
        if (running.Length > 0)
        {
            Console.Error.WriteLine($"redis-ha-tui: not reset: {string.Join(", ", running)} still running. Stop the lab first ({ShellForms.ThisMachine.Verb(lab, "down")}).");
            return ExitCodes.NotHealthy;
        }
        if (!Directory.Exists(run.Root))
        {
            Console.WriteLine($"{LabLoader.Relative(run.Root)}: nothing to reset");
            return ExitCodes.Ok;
        }
        run.Delete();
        Console.WriteLine($"{LabLoader.Relative(run.Root)}: deleted (configs, data and logs); the next start begins from lab/ and {Path.GetFileName(lab.LabFile)}");
        return ExitCodes.Ok;
    }
}
