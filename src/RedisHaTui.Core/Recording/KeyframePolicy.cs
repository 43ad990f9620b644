namespace RedisHaTui.Core.Recording;

/// <summary>
/// When the recorder writes a whole snapshot instead of a delta. Seeking reads the nearest keyframe and the deltas
/// after it, so the deltas since a keyframe are held to <see cref="DeltaShare"/> of its size (seeking parses at most
/// 1 + share keyframes' worth of JSON) and to <see cref="MaxInterval"/> of time. A larger share writes fewer
/// keyframes (a smaller file) and seeks a little slower. The default, 2, holds an idle lab's hour well under 5 MB
/// (a file is about 1 + 1/share times its deltas: 0.5 would make it 3 times, over 5 MB), and a seek still parses
/// only about three keyframes' worth of JSON: milliseconds (BENCHMARKS.md).
/// </summary>
public sealed record KeyframePolicy(double DeltaShare, TimeSpan MaxInterval)
{
    public static readonly KeyframePolicy Default = new(2.0, TimeSpan.FromMinutes(5));

    /// <summary>True when a delta of <paramref name="deltaBytes"/> would take the deltas past the bound: write a keyframe instead.</summary>
    public bool KeyframeDue(long deltaBytesSince, long deltaBytes, long keyframeBytes, TimeSpan sinceKeyframe) =>
        deltaBytesSince + deltaBytes > DeltaShare * keyframeBytes || sinceKeyframe >= MaxInterval;
}
