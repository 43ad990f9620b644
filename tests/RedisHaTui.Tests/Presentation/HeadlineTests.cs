using RedisHaTui.Presentation;

namespace RedisHaTui.Tests.Presentation;

public sealed class HeadlineTests
{
    private static readonly HeadlineForm Full = new("load #1", ["acked 2576", "failed 1109", "outage 11.1 s"]);
    private static readonly HeadlineForm Short = new("ack 2576", "fail 1109", "out 11.1 s");

    [Theory]
    [InlineData(60, 1, "load #1: acked 2576 · failed 1109 · outage 11.1 s")]
    [InlineData(40, 1, "ack 2576 · fail 1109 · out 11.1 s")]
    [InlineData(30, 2, "load #1: acked 2576 ·|failed 1109 · outage 11.1 s")]
    public void The_fullest_form_that_fits_wins(int width, int rows, string shown) =>
        Assert.Equal(shown.Split('|'), Headline.Fit([Full, Short], width, rows));

    [Fact]
    public void Lines_break_between_figures_never_inside_one()
    {
        IReadOnlyList<string>? lines = Headline.Wrap(Full, 27, 3);
        Assert.Equal(["load #1: acked 2576 ·", "failed 1109 · outage 11.1 s"], lines);
    }

    [Fact]
    public void A_form_whose_figure_is_wider_than_the_pane_does_not_fit() =>
        Assert.Null(Headline.Wrap(Short, 8, 5));

    [Fact]
    public void Plain_words_follow_the_figures_and_are_cut_last()
    {
        var form = new HeadlineForm(null, ["NOT HEALTHY", "master node2"], "node1 is down; sentinel3 is not answering");
        Assert.Equal(["NOT HEALTHY · master node2", "node1 is down; sentinel3 is…"], Headline.Fit([form], 28, 2));
        Assert.Equal(["NOT HEALTHY · master node2"], Headline.Fit([form], 28, 1));
    }

    [Fact]
    public void When_nothing_fits_the_most_compact_form_is_cut_rather_than_nothing_shown() =>
        Assert.Equal(["ack 2…"], Headline.Fit([Full, Short], 6, 1));
}
