using RedisHaTui.Core.Actions;

namespace RedisHaTui.Core.Tests.Actions;

public class RedisCliSplitTests
{
    [Theory]
    [InlineData("set k1 val1", new[] { "set", "k1", "val1" })]
    [InlineData("set k1 \"hello world\"", new[] { "set", "k1", "hello world" })]
    [InlineData("  sentinel   master myMaster ", new[] { "sentinel", "master", "myMaster" })]
    [InlineData("set k 'it''s'", new[] { "set", "k", "its" })]
    [InlineData("set k \"\"", new[] { "set", "k", "" })]
    public void Command_lines_split_like_redis_cli(string line, string[] words) =>
        Assert.Equal(words, RedisCliFormat.Split(line));

    [Fact]
    public void An_unbalanced_quote_is_an_error() =>
        Assert.Throws<FormatException>(() => RedisCliFormat.Split("set k \"open"));
}
