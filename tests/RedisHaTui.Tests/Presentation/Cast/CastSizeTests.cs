using RedisHaTui.Presentation.Cast;

namespace RedisHaTui.Tests.Presentation.Cast;

public class CastSizeTests
{
    [Theory]
    [InlineData("120x40", 120, 40)]
    [InlineData(" 80X24 ", 80, 24)]
    [InlineData("60x16", 60, 16)]
    [InlineData("500x200", 500, 200)]
    public void Columns_by_rows_is_read(string text, int w, int h) => Assert.Equal(new CastSize(w, h), CastSize.Parse(text, out _));

    [Theory]
    [InlineData("120", "write COLSxROWS")]
    [InlineData("120x", "write COLSxROWS")]
    [InlineData("ax40", "write COLSxROWS")]
    [InlineData("120x40x2", "write COLSxROWS")]
    [InlineData("59x40", "from 60x16 to 500x200")]
    [InlineData("120x201", "from 60x16 to 500x200")]
    public void Anything_else_is_refused_naming_the_form(string text, string expected)
    {
        Assert.Null(CastSize.Parse(text, out string? error));
        Assert.Contains(expected, error);
        Assert.Contains($"'{text}'", error);
    }
}
