using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Cli;

[Collection("Tui")]
public sealed class ReplayCastTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly string _dir = Directory.CreateTempSubdirectory("replay-cast-").FullName;

    /// <summary>A recording as the flight recorder writes one: healthy, a log line, node1 gone, the end.</summary>
    private string Recording()
    {
        string path = Path.Combine(_dir, "session.rec.ndjson");
        var lab = FakeLab.Definition();
        LabSnapshot healthy = FakeLab.Healthy(lab) with { At = T0 };
        using var writer = new RecordingWriter(File.Create(path),
            new RecordingHeader { FormatVersion = RecordingFormat.Version, AppVersion = "test", StartedAt = T0, Lab = lab, Mode = "owned" });
        writer.Snapshot(healthy);
        writer.Log("node2", T0.AddSeconds(1), "MASTER <-> REPLICA sync started");
        writer.Snapshot(healthy.WithNode("node1", n => n with { Reachable = false, Role = NodeRole.Unknown }) with { At = T0.AddSeconds(3) });
        writer.End(T0.AddSeconds(4));
        return path;
    }

    [Fact]
    public async Task A_recording_becomes_a_v2_cast_of_its_moments_at_the_size_asked()
    {
        string cast = Path.Combine(_dir, "drill.cast");

        int code = await ReplayCommand.RunAsync(Recording(), export: null, at: null, cast: cast, size: new RedisHaTui.Presentation.Cast.CastSize(100, 30));

        Assert.Equal(0, code);
        string[] lines = File.ReadAllLines(cast);
        using JsonDocument header = JsonDocument.Parse(lines[0]);
        Assert.Equal(100, header.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(T0.ToUnixTimeSeconds(), header.RootElement.GetProperty("timestamp").GetInt64());
        double[] times = [.. lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement[0].GetDouble())];
        Assert.Equal(0.0, times[0]);
        Assert.True(times.Zip(times.Skip(1)).All(p => p.First <= p.Second));
        string all = string.Concat(lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement[2].GetString()));
        Assert.Contains("sentinel3", all);
        Assert.Contains("MASTER <-> REPLICA sync started", all);
    }

    [Fact]
    public async Task Cast_and_export_at_once_are_refused() =>
        Assert.Equal(2, await ReplayCommand.RunAsync(Recording(), export: Path.Combine(_dir, "h.md"), at: null, cast: Path.Combine(_dir, "d.cast")));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
