namespace RedisHaTui.Core.Sharing;

/// <summary>How the share server tails and serves; the defaults meet the follow goal (an event at a follower ≤ 250 ms).</summary>
public sealed record ShareServerOptions
{
    /// <summary>How often the one tailer looks for appended lines: the most a line waits before it is sent.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Lines queued for one follower before it is dropped as too slow (~2 s of a 10k lines/s log flood).</summary>
    public int FollowerBuffer { get; init; } = 20_000;

    /// <summary>A comment sent to an idle follower this often, so a connection that died is noticed and dropped.</summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Ask for the token on a loopback address too (null: only where others could connect, <see cref="ShareAddress.NeedsToken"/>).</summary>
    public bool? RequireToken { get; init; }

    /// <summary>Start a new follower at the header and the newest keyframe (true) rather than at the file's beginning.</summary>
    public bool FromNewestKeyframe { get; init; } = true;
}
