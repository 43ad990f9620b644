using RedisHaTui.Core.Network;

namespace RedisHaTui.Core.State;

/// <summary>The lab's network as the snapshot tells it: whether it can be cut, why not, and the cut in force.</summary>
public sealed record NetworkState
{
    /// <summary>True when the lab runs with partitions on (its processes reach each other through the relay).</summary>
    public bool Partitions { get; init; }

    /// <summary>Why partition and heal cannot run from here, naming what enables them; null when they can.</summary>
    public string? WhyNot { get; init; }

    /// <summary>The cut in force; null when the network is whole.</summary>
    public NetworkCut? Cut { get; init; }

    /// <summary>When the cut was made.</summary>
    public DateTimeOffset? CutAt { get; init; }

    public static readonly NetworkState Off = new() { WhyNot = NetworkActions.Off };
}
