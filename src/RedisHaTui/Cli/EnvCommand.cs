using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Cli;

/// <summary>`env`: the shell lines that put the lab's Redis on PATH, for `eval "$(redis-ha-tui env)"`.</summary>
public static class EnvCommand
{
    public static async Task<int> RunAsync(LabDefinition lab)
    {
        // Progress (fetching Redis on a first run) goes to stderr: stdout is read by eval.
        RedisBinaries binaries = await RedisBinaries.LocateAsync(lab, m => Console.Error.WriteLine($"redis-ha-tui: {m}"));
        foreach (string line in RedisShellEnvironment.Lines(binaries, lab)) Console.WriteLine(line);
        return ExitCodes.Ok;
    }
}
