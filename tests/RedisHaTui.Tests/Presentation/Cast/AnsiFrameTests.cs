using RedisHaTui.Presentation.Cast;

namespace RedisHaTui.Tests.Presentation.Cast;

public class AnsiFrameTests
{
    private static readonly CellStyle Plain = new(0xC0C0C0, 0x000000);
    private static readonly CellStyle Red = new(0xFF0000, 0x000000, Bold: true);

    private static CastCell[][] Screen(params string[] rows) =>
        [.. rows.Select(r => r.Select(c => new CastCell(c.ToString(), c == '!' ? Red : Plain)).ToArray())];

    [Fact]
    public void The_first_frame_clears_and_paints_every_row_changing_style_only_where_it_changes()
    {
        string ansi = AnsiFrame.Paint(null, Screen("ab!", "cd"));

        Assert.StartsWith("\u001b[?25l\u001b[0m\u001b[2J", ansi);
        Assert.Contains($"\u001b[1;1H{AnsiFrame.Sgr(Plain)}ab{AnsiFrame.Sgr(Red)}!\u001b[0m", ansi);
        Assert.Contains($"\u001b[2;1H{AnsiFrame.Sgr(Plain)}cd\u001b[0m", ansi);
    }

    [Fact]
    public void A_later_frame_repaints_only_the_rows_that_changed()
    {
        string ansi = AnsiFrame.Paint(Screen("ab", "cd", "ef"), Screen("ab", "cX", "ef"));

        Assert.Equal($"\u001b[2;1H{AnsiFrame.Sgr(Plain)}cX\u001b[0m", ansi);
        Assert.Equal("", AnsiFrame.Paint(Screen("ab"), Screen("ab")));
    }

    [Fact]
    public void A_wide_character_is_written_once_for_its_two_cells()
    {
        CastCell[][] screen = [[new("界", Plain), new("", Plain), new("a", Plain)]];

        Assert.EndsWith($"{AnsiFrame.Sgr(Plain)}界a\u001b[0m", AnsiFrame.Paint(null, screen));
    }

    [Theory]
    [InlineData(false, false, false, false, false, "\u001b[0;38;2;1;2;3;48;2;4;5;6m")]
    [InlineData(true, false, false, false, false, "\u001b[0;1;38;2;1;2;3;48;2;4;5;6m")]
    [InlineData(false, true, true, true, true, "\u001b[0;2;3;4;7;38;2;1;2;3;48;2;4;5;6m")]
    public void A_style_is_one_sgr_sequence_from_scratch(bool bold, bool dim, bool italic, bool underline, bool reverse, string expected) =>
        Assert.Equal(expected, AnsiFrame.Sgr(new CellStyle(0x010203, 0x040506, bold, dim, italic, underline, reverse)));
}
