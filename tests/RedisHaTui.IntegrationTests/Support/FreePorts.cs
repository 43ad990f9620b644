using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// Loopback ports for test labs: never the defaults (7001, 5001) a demo may be using, never handed out twice
/// in one run, and checked free. Below the kernel's ephemeral range so client sockets don't take them.
/// </summary>
public static class FreePorts
{
    private static readonly HashSet<int> Given = [];
    private static readonly Random Random = new();

    /// <summary>A block of <paramref name="count"/> consecutive free ports; returns the first.</summary>
    public static int Block(int count)
    {
        lock (Given)
        {
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                int first = Random.Next(16000, 30000 - count);
                var ports = Enumerable.Range(first, count).ToArray();
                if (ports.Any(Given.Contains) || !ports.All(p => PortOwner.IsFree(Endpoint.Loopback(p)))) continue;
                foreach (int p in ports) Given.Add(p);
                return first;
            }
        }
        throw new InvalidOperationException("no free block of loopback ports found");
    }

    /// <summary>
    /// A --port-offset under which every one of <paramref name="ports"/> (a lab file's own ports, e.g. the built-in
    /// lab's 7001, 7002, 5001-5003, or a TempLab's) is free and not handed out before: tests running side by side
    /// never pick the same shifted ports. The shifted ports stay between 16000 and 32000, below Linux's ephemeral range.
    /// </summary>
    public static int Offset(IReadOnlyList<int> ports)
    {
        int low = Math.Max(1, 16000 - ports.Min()), high = 32000 - ports.Max();
        lock (Given)
        {
            for (int attempt = 0; attempt < 1000; attempt++)
            {
                int offset = Random.Next(low, high + 1);
                var shifted = ports.Select(p => p + offset).ToArray();
                if (shifted.Any(Given.Contains) || !shifted.All(p => PortOwner.IsFree(Endpoint.Loopback(p)))) continue;
                foreach (int p in shifted) Given.Add(p);
                return offset;
            }
        }
        throw new InvalidOperationException("no port offset with every port free found");
    }
}
