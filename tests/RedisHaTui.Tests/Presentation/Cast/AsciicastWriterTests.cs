using System.Text.Json;
using RedisHaTui.Presentation.Cast;

namespace RedisHaTui.Tests.Presentation.Cast;

public class AsciicastWriterTests
{
    private static readonly AsciicastHeader Header = new(120, 40, DateTimeOffset.FromUnixTimeSeconds(1_765_100_000), "failover drill");

    private static string[] Write(params CastFrame[] frames)
    {
        var text = new StringWriter();
        AsciicastWriter.Write(text, Header, frames);
        return text.ToString().Split('\n');
    }

    [Fact]
    public void The_first_line_is_the_v2_header_with_the_size_and_start()
    {
        using JsonDocument header = JsonDocument.Parse(Write()[0]);

        Assert.Equal(2, header.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(120, header.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(40, header.RootElement.GetProperty("height").GetInt32());
        Assert.Equal(1_765_100_000, header.RootElement.GetProperty("timestamp").GetInt64());
        Assert.Equal("failover drill", header.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Every_event_is_one_json_line_of_seconds_o_and_the_text_exactly()
    {
        string ansi = "\u001b[1;1H\u001b[0;1;38;2;255;0;0;48;2;0;0;0m╭┤1 node1 :7001├ \"é\" \\ \t";

        string[] lines = Write(new CastFrame(TimeSpan.FromMilliseconds(1500.25), ansi));

        Assert.Equal(3, lines.Length); // header, the event, and the final newline's empty rest
        Assert.Equal("", lines[2]);
        using JsonDocument e = JsonDocument.Parse(lines[1]);
        Assert.Equal(3, e.RootElement.GetArrayLength());
        Assert.Equal(1.50025, e.RootElement[0].GetDouble(), 6);
        Assert.Equal("o", e.RootElement[1].GetString());
        Assert.Equal(ansi, e.RootElement[2].GetString());
        Assert.Contains("╭┤1 node1", lines[1]); // readable in the file, not \u escapes
        Assert.DoesNotContain('\u001b', lines[1]); // control characters are escaped, as JSON requires
    }

    [Fact]
    public void Times_never_go_backwards_and_empty_frames_are_left_out()
    {
        string[] lines = Write(
            new CastFrame(TimeSpan.FromSeconds(2), "a"),
            new CastFrame(TimeSpan.FromSeconds(1), "b"),
            new CastFrame(TimeSpan.FromSeconds(3), ""),
            new CastFrame(TimeSpan.FromSeconds(4), "c"));

        double[] times = [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement[0].GetDouble())];
        Assert.Equal([2.0, 2.0, 4.0], times);
    }

    [Fact]
    public void A_size_below_one_cell_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AsciicastWriter.Write(new StringWriter(), Header with { Width = 0 }, []));
}
