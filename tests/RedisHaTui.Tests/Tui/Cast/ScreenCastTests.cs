using System.Text.Json;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation.Cast;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Cast;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tests.Tui.Cast;

[Collection("Tui")]
public sealed class ScreenCastTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A session moved through three moments as a replay's seek would: healthy, a log line, node1 killed.</summary>
    private static (FakeSession Session, DateTimeOffset[] Moments, Action<DateTimeOffset> Show) ThreeMoments()
    {
        var session = new FakeSession(FakeLab.Definition());
        LabSnapshot healthy = FakeLab.Healthy(session.Lab);
        DateTimeOffset[] moments = [T0, T0.AddSeconds(1.5), T0.AddSeconds(4)];
        void Show(DateTimeOffset at)
        {
            if (at == moments[0]) session.Publish(healthy);
            if (at == moments[1]) session.Log("node2").Append("12345:S 07 Dec 2026 10:00:01.500 * MASTER <-> REPLICA sync started");
            if (at == moments[2]) session.Publish(healthy.WithNode("node1", n => n with { Process = n.Process with { State = Core.Processes.ProcessState.Exited }, Reachable = false }));
        }
        return (session, moments, Show);
    }

    private static string[] Render(CastSize size)
    {
        (FakeSession session, DateTimeOffset[] moments, Action<DateTimeOffset> show) = ThreeMoments();
        var output = new StringWriter();
        ScreenCast.Render(session, moments, show, size, Theme.Default, output, "drill");
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Each_moment_is_one_event_at_its_time_since_the_start_after_a_v2_header_of_the_size_asked()
    {
        string[] lines = Render(new CastSize(100, 30));

        using JsonDocument header = JsonDocument.Parse(lines[0]);
        Assert.Equal(100, header.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(30, header.RootElement.GetProperty("height").GetInt32());
        Assert.Equal(T0.ToUnixTimeSeconds(), header.RootElement.GetProperty("timestamp").GetInt64());
        double[] times = [.. lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement[0].GetDouble())];
        Assert.Equal([0.0, 1.5, 4.0], times);
    }

    [Fact]
    public void The_first_event_paints_the_whole_screen_and_later_ones_only_what_changed()
    {
        string[] events = [.. Render(CastSize.Default).Skip(1).Select(l => JsonDocument.Parse(l).RootElement[2].GetString()!)];

        Assert.StartsWith("\u001b[?25l", events[0]);
        Assert.Contains("node1", events[0]);
        Assert.Contains("sentinel3", events[0]);
        Assert.Equal(40, Count(events[0], ";1H")); // every row
        Assert.Contains("MASTER <-> REPLICA sync started", events[1]);
        Assert.DoesNotContain("sentinel3", events[1]); // its pane did not change
        Assert.InRange(Count(events[1], ";1H"), 1, 20);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;
}
