using System.Diagnostics;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Cli;

/// <summary>`status`: one read of the running lab, whoever started it; exit 0 when healthy.</summary>
public static class StatusCommand
{
    public static async Task<int> RunAsync(LabDefinition lab, CliArguments cli)
    {
        await using var connections = new ProcessConnections(lab);
        var reader = new LabReader(lab, connections);
        var waited = Stopwatch.StartNew();
        TimeSpan wait = TimeSpan.FromSeconds(cli.WaitReadySeconds ?? 0);
        LabSnapshot s = LabSnapshot.Initial(lab);
        while (true)
        {
            s = await LabLauncher.ReadAsync(lab, reader, s);
            if (s.Consensus.Healthy || waited.Elapsed >= wait) break;
            await Task.Delay(200);
        }
        var run = new RunDirectory(lab);
        var pids = lab.Processes.ToDictionary(p => p.Name, p => ExternalProcess.FindRedis(p, run));
        Console.Write(cli.Json ? StatusPrinter.JsonDocument(lab, s, pids) + "\n" : StatusPrinter.Text(lab, s, pids));
        return s.Consensus.Healthy ? ExitCodes.Ok : ExitCodes.NotHealthy;
    }
}
