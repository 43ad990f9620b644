using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>`walkthrough [FILE]`: the guided walkthrough printed, with this lab's commands as they run on this machine.</summary>
public static class WalkthroughCommand
{
    public static int Run(LabDefinition lab, string? file)
    {
        Walkthrough w = WalkthroughParser.Load(WalkthroughFile(lab, file), lab);
        foreach (string line in WalkthroughSheet.Lines(w)) Console.WriteLine(line);
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The lab's own walkthrough (lab/walkthrough.md beside the lab file) when no file is named; a name alone that is
    /// no file here (`split-brain`) is one of the lab's own under lab/ (lab/split-brain.md).
    /// </summary>
    public static string WalkthroughFile(LabDefinition lab, string? file)
    {
        if (string.IsNullOrEmpty(file)) return Path.Combine(lab.LabDirectory, "lab", "walkthrough.md");
        string own = Path.Combine(lab.LabDirectory, "lab", file.EndsWith(".md", StringComparison.Ordinal) ? file : file + ".md");
        return !File.Exists(file) && !file.Contains('/') && File.Exists(own) ? own : Path.GetFullPath(file);
    }
}
