using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Presentation;

public sealed class TextTests
{
    [Theory]
    [InlineData("12345:M 21 Jan 2026 10:20:30.123 * Ready to accept connections tcp", "10:20:30.123 * Ready to accept connections tcp")]
    [InlineData("777:X 1 Feb 2026 09:00:00.000 # +sdown master myMaster 127.0.0.1 7001", "09:00:00.000 # +sdown master myMaster 127.0.0.1 7001")]
    [InlineData("starting redis-server on 7001", "starting redis-server on 7001")]
    public void Redis_log_lines_lose_the_pid_role_and_date_that_a_narrow_pane_cannot_afford(string line, string shown) =>
        Assert.Equal(shown, LogLineText.Compact(line));

    [Fact]
    public void Tabs_and_control_characters_cannot_break_the_frame() =>
        Assert.Equal("a b c", LogLineText.Printable("a\tb\u001bc"));

    [Theory]
    [InlineData("hello", 10, "hello")]
    [InlineData("hello world", 8, "hello w…")]
    [InlineData("hello", 0, "")]
    public void Text_cut_to_fit_ends_with_an_ellipsis(string text, int width, string shown) => Assert.Equal(shown, TextFit.Truncate(text, width));

    [Fact]
    public void Wrapping_prefers_spaces_and_marks_what_did_not_fit() =>
        Assert.Equal(["one two", "three four", "five six…"], TextFit.Wrap("one two three four five six seven", 10, 3));

    [Fact]
    public void The_failover_question_names_the_master_and_the_replica_sentinel_will_promote()
    {
        LabSnapshot s = FakeLab.Healthy(FakeLab.Definition());
        Assert.Equal("Sentinel will promote a replica (node2) of node1; node1 becomes a replica.\n~1 s to promote, ~1-6 s for sentinels to agree.",
            FailoverPreview.Describe(s));
    }
}

public sealed class PaneTitleTests
{
    [Theory]
    [InlineData(40, "8 sentinel1 :27001")]
    [InlineData(20, "sentinel1 :27001")]
    [InlineData(19, "sentinel1:27001")]
    [InlineData(13, "sentinel1")]
    [InlineData(9, "sent…")]
    public void A_narrow_pane_drops_the_number_first_then_the_space_then_the_port(int width, string title) =>
        Assert.Equal(title, PaneTitle.For(8, "sentinel1", 27001, width));
}
