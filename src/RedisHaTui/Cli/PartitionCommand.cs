using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Network;

namespace RedisHaTui.Cli;

/// <summary>
/// `partition SPEC` and `heal`: ask the lab's owner, whose relay carries every link, over its control socket.
/// The spec is checked here first, so a typo is bad input named before any owner is asked. The flag need not be
/// given again here: the identities follow from the lab's ports, and only an owner with partitions on listens.
/// </summary>
public static class PartitionCommand
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    public static async Task<int> PartitionAsync(LabDefinition lab, string spec, bool json)
    {
        if (NetworkCutSpec.Parse(spec, Partitionable(lab).Network).Problem is { } problem)
        {
            Console.Error.WriteLine($"redis-ha-tui: partition: {problem}");
            return ExitCodes.BadInput;
        }
        return Print(await ControlClient.AskAsync(lab, new ControlRequest("partition", spec), Wait), json);
    }

    public static async Task<int> HealAsync(LabDefinition lab, bool json) =>
        Print(await ControlClient.AskAsync(lab, new ControlRequest("heal"), Wait), json);

    /// <summary>The lab as its owner runs it with partitions on, whether or not this command line said so.</summary>
    public static LabDefinition Partitionable(LabDefinition lab) =>
        lab.Network.Partitions ? lab : lab with { Network = LabNetwork.For(lab, partitions: true) };

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
