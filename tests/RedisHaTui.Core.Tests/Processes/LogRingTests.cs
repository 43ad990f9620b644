using Microsoft.Extensions.Time.Testing;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Tests.Processes;

public class LogRingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_line_carries_the_time_it_was_read_on_the_session_clock_and_a_listener_hears_it()
    {
        var clock = new FakeTimeProvider(T0);
        var ring = new LogRing(2, clock);
        var heard = new List<LogLine>();
        ring.Appended += heard.Add;

        ring.Append("one");
        clock.Advance(TimeSpan.FromSeconds(1.5));
        ring.Append("two");
        ring.Append("three", T0.AddSeconds(9));

        Assert.Equal([new LogLine("two", T0.AddSeconds(1.5)), new LogLine("three", T0.AddSeconds(9))], ring.TakeLines(5, long.MaxValue));
        Assert.Equal(["two", "three"], ring.Tail(5));
        Assert.Equal([new LogLine("one", T0), new LogLine("two", T0.AddSeconds(1.5)), new LogLine("three", T0.AddSeconds(9))], heard);
    }
}
