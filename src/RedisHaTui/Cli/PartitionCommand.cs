using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;

namespace RedisHaTui.Cli;

/// <summary>
/// `partition SPEC` and `heal`: ask the lab's owner, whose relay carries every link, over its control socket.
/// The spec is checked here first, so a typo is bad input named before any owner is asked.
/// </summary>
public static class PartitionCommand
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static async Task<int> PartitionAsync(LabDefinition lab, string spec, bool json)
    {
        if (!lab.Network.Partitions) return Refused(NetworkActions.Off);
        if (NetworkCutSpec.Parse(spec, lab.Network).Problem is { } problem)
        {
            Console.Error.WriteLine($"redis-ha-tui: partition: {problem}");
            return ExitCodes.BadInput;
        }
        return Print(await ControlClient.AskAsync(lab, new ControlRequest("partition", spec), Wait), json);
    }

    public static async Task<int> HealAsync(LabDefinition lab, bool json)
    {
        if (!lab.Network.Partitions) return Refused(NetworkActions.Off);
        return Print(await ControlClient.AskAsync(lab, new ControlRequest("heal"), Wait), json);
    }

    private static int Print((ControlReply? Reply, string? Problem) answer, bool json)
    {
        if (answer.Reply is not { } reply) return Refused(answer.Problem!);
        if (json) Console.WriteLine(JsonSerializer.Serialize(reply, CliJson.Document.ControlReply));
        else
        {
            (reply.Ok ? Console.Out : Console.Error).WriteLine(reply.Ok ? reply.Message : $"redis-ha-tui: refused: {reply.Message}");
            if (reply.Ok && reply.CutLinks.Length > 0) Console.WriteLine($"  cut links  {string.Join(", ", reply.CutLinks)}");
            if (reply.Ok) Console.WriteLine($"  relay      {reply.Open} connections, {reply.Stalled} stalled");
        }
        return reply.Ok ? ExitCodes.Ok : ExitCodes.NotHealthy;
    }

    private static int Refused(string why)
    {
        Console.Error.WriteLine($"redis-ha-tui: {why}");
        return ExitCodes.NotHealthy;
    }
}
