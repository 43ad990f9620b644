using RedisHaTui.Core.Lab;

namespace RedisHaTui.Cli;

/// <summary>
/// `init [DIR]`: writes the built-in tutorial lab (lab.json, lab/node1 … sentinel3 with their start.sh) into a folder,
/// so a student can follow the tutorial by hand and edit it. It never overwrites: a folder that already holds any
/// of those files is refused, naming them.
/// </summary>
public static class InitCommand
{
    public static int Run(string? directory)
    {
        string folder = Path.GetFullPath(string.IsNullOrEmpty(directory) ? "." : directory);
        string shown = LabLoader.Relative(folder);
        if (File.Exists(folder))
        {
            Console.Error.WriteLine($"redis-ha-tui: init {shown}: is a file, not a folder");
            return ExitCodes.BadInput;
        }
        IReadOnlyList<string> existing = BuiltInLab.Existing(folder);
        if (existing.Count > 0)
        {
            string named = string.Join(", ", existing.Take(3)) + (existing.Count > 3 ? $" and {existing.Count - 3} more" : "");
            Console.Error.WriteLine($"redis-ha-tui: init {shown}: {named} already there; init never overwrites. Pick an empty folder, or edit the lab that is there.");
            return ExitCodes.BadInput;
        }
        try
        {
            BuiltInLab.WriteTo(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"redis-ha-tui: init {shown}: cannot write: {e.Message}");
            return ExitCodes.BadInput;
        }
        bool here = folder == Path.GetFullPath(".");
        string screen = here ? "redis-ha-tui" : $"cd {shown} && redis-ha-tui";
        string byHand = $"cd {(here ? "" : shown + "/")}lab/node1 && ./start.sh";
        Console.WriteLine($"""
            {shown}: wrote the tutorial lab ({BuiltInLab.Files.Count} files): lab.json and lab/ with a folder per process.
              {screen,-40}  the lab on one screen
              {byHand,-40}  or by hand, the tutorial's way: one terminal per process
            """);
        return ExitCodes.Ok;
    }
}
