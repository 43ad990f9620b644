using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;

namespace RedisHaTui.Cli;

/// <summary>
/// A command of the lab's table (<see cref="LabCommands"/>) run as a verb: `kill node1`, `pause node2`, `ckquorum`.
/// The same handler and the same refusal as the screen's key, on the running lab, whoever started it.
/// </summary>
public static class LabCommandVerb
{
    /// <summary>How long the first read of the lab may take before the command runs on what is known.</summary>
    private static readonly TimeSpan FirstReadTimeout = TimeSpan.FromSeconds(10);

    /// <returns>0 done, 1 refused (the reason printed), 2 an unknown NAME.</returns>
    public static async Task<int> RunAsync(LabDefinition lab, LabCommand command, string? name)
    {
        string? target = null;
        if (command.Scope == CommandScope.Process)
        {
            if (name is null || lab.Find(name) is not { } p)
            {
                string known = string.Join(", ", lab.Processes.Select(x => x.Name));
                Console.Error.WriteLine(name is null
                    ? $"redis-ha-tui: {command.Verb} needs the name of a process: {known}"
                    : $"redis-ha-tui: no process '{name}' in {lab.Describe()} (processes: {known})");
                return ExitCodes.BadInput;
            }
            target = p.Name;
        }
        await using LabSession session = LabSession.Attach(lab);
        await Task.WhenAny(session.Monitor.FirstRead, Task.Delay(FirstReadTimeout, session.Store.Time));
        LabActionResult result = await session.Actions.RunAsync(command.Kind, target);
        string label = command.Label(target ?? result.Target);
        if (result.Ok)
        {
            Console.WriteLine(string.IsNullOrWhiteSpace(result.Message) ? $"{label}: done" : result.Message);
            return ExitCodes.Ok;
        }
        Console.Error.WriteLine($"redis-ha-tui: {label}: {result.Message}");
        return ExitCodes.NotHealthy;
    }
}
