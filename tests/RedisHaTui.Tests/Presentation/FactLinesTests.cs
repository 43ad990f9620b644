using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Presentation;

public sealed class FactLinesTests
{
    [Theory]
    [InlineData(40, 0, "aaaa  bbbb  cccc")]
    [InlineData(10, 0, "aaaa  bbbb/cccc")]
    [InlineData(10, 5, "aaaa/bbbb  cccc")] // after a 5-column badge: "BADG aaaa" fits, a second fact does not
    [InlineData(4, 0, "aaaa/bbbb/cccc")]
    [InlineData(12, 9, "/aaaa  bbbb/cccc")] // the badge takes the first line alone
    public void Facts_pack_into_as_few_lines_as_the_width_allows_without_splitting_one(int width, int badge, string expected)
    {
        var lines = FactLines.Pack([new Fact("aaaa"), new Fact("bbbb"), new Fact("cccc")], width, badge);
        Assert.Equal(expected, string.Join("/", lines.Select(l => string.Join(FactLines.Separator, l.Select(f => f.Text)))));
    }
}
