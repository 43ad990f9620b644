using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Tests.Recording;

public class KeyframePolicyTests : IDisposable
{
    private readonly RecordingFiles _files = new();

    public void Dispose() => _files.Dispose();

    private (string Kind, long Bytes, long T)[] Lines(string path) =>
        [.. File.ReadLines(path).Select(l => (RecordingLine.ReadPrefix(System.Text.Encoding.UTF8.GetBytes(l))!.Value, l.Length + 1))
            .Select(x => (x.Value.Kind, (long)x.Item2, x.Value.T))];

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void The_deltas_after_a_keyframe_add_up_to_at_most_the_share_of_its_size(double share)
    {
        string path = _files.PathOf();
        _files.Write(path, SnapshotStories.Walk(21, 800), new KeyframePolicy(share, TimeSpan.FromHours(1)));

        long keyframe = 0, deltas = 0, keyframes = 0;
        foreach ((string kind, long bytes, _) in Lines(path))
        {
            if (kind == RecordingLine.Keyframe) (keyframe, deltas, keyframes) = (bytes, 0, keyframes + 1);
            else if (kind == RecordingLine.Delta) deltas += bytes;
            Assert.True(deltas <= share * keyframe, $"{deltas} bytes of deltas after a keyframe of {keyframe}");
        }
        Assert.True(keyframes >= 3, $"only {keyframes} keyframes: the walk does not exercise the policy");
    }

    [Fact]
    public void No_more_than_the_interval_of_changes_follows_a_keyframe()
    {
        string path = _files.PathOf();
        var policy = new KeyframePolicy(1000, TimeSpan.FromSeconds(30));
        _files.Write(path, SnapshotStories.Walk(22, 300), policy);

        long keyframeT = 0;
        int keyframes = 0;
        foreach ((string kind, _, long t) in Lines(path))
        {
            if (kind == RecordingLine.Keyframe) (keyframeT, keyframes) = (t, keyframes + 1);
            else if (kind == RecordingLine.Delta) Assert.True(t - keyframeT < policy.MaxInterval.TotalMilliseconds, $"a delta {t - keyframeT} ms after its keyframe");
        }
        Assert.True(keyframes >= 4, $"only {keyframes} keyframes in {Lines(path)[^1].T / 1000} s");
    }
}
