using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;

namespace RedisHaTui.Cli;

/// <summary>`check`: everything a start would check, without starting or stopping anything.</summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(LabDefinition lab)
    {
        var launcher = new LabLauncher(lab, m => Console.Error.WriteLine(m));
        var binaries = await launcher.PreflightAsync(checkOnly: true);
        Console.WriteLine($"{lab.Describe()}: OK");
        Console.WriteLine($"  master name  {lab.MasterName} (initially {lab.InitialMaster.Name})");
        Console.WriteLine($"  nodes        {string.Join(", ", lab.Nodes.Select(n => $"{n.Name} {n.Endpoint}" + (n.ReplicaOf is null ? "" : $" → {n.ReplicaOf}")))}");
        Console.WriteLine($"  sentinels    {string.Join(", ", lab.Sentinels.Select(s => $"{s.Name} {s.Endpoint}"))} (quorum {lab.Sentinels.Max(s => s.Quorum)}, down after {lab.Sentinels.Max(s => s.DownAfterMilliseconds)} ms)");
        Console.WriteLine($"  redis        {binaries.Version} at {LabLoader.Relative(binaries.ServerPath)}");
        Console.WriteLine($"  run dir      {LabLoader.Relative(lab.RunDirectory)}");
        return ExitCodes.Ok;
    }
}
