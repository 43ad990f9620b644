namespace RedisHaTui.Core.Load;

/// <summary>How the write load runs.</summary>
/// <param name="Rate">Writes per second asked for (1 to <see cref="MaxRate"/>).</param>
/// <param name="Duration">How long to write; null: until stopped.</param>
/// <param name="Timeout">How long a write may wait for its answer before it counts as timed out.</param>
/// <param name="Client">A client of a partitionable lab (A, B) to write as; null: the plain load, straight to the lab.</param>
/// <param name="PinnedTo">
/// A node whose address the client writes to, never asking the sentinels (lesson 4: "a client that does not ask
/// Sentinel"); null: the client finds the master through the sentinels, as it should.
/// </param>
public sealed record LoadOptions(int Rate, TimeSpan? Duration = null, TimeSpan? Timeout = null, string? Client = null, string? PinnedTo = null)
{
    /// <summary>What `load --client` takes for the client pinned to the master's address of the moment.</summary>
    public const string PinnedClient = "pinned";

    public const int MaxRate = 20_000;

    /// <summary>Null when the options make sense, else what is wrong, naming the option.</summary>
    public string? Problem() =>
        Rate is < 1 or > MaxRate ? $"rate {Rate}: must be 1 to {MaxRate} writes per second"
        : Duration is { } d && d <= TimeSpan.Zero ? $"duration {d.TotalSeconds} s: must be positive"
        : Client is not null && PinnedTo is not null ? $"client {Client}: a pinned client is no partition client (A, B); one or the other"
        : null;

    public TimeSpan WriteTimeout => Timeout ?? TimeSpan.FromMilliseconds(1000);
}
