using RedisHaTui.Tests.Tui.Fakes;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class LogPaneTests
{
    private static void Lines(TuiScreen screen, string process, int count, Func<int, string>? text = null)
    {
        for (int i = 0; i < count; i++) screen.Session.Log(process).Append(text?.Invoke(i) ?? $"line {i:000}");
        screen.Window.Tick();
    }

    [Fact]
    public void New_log_lines_appear_at_the_bottom_of_their_pane_after_one_timer_tick()
    {
        using var screen = TuiScreen.Open();
        screen.Session.Log("node2").Append("12345:S 21 Jan 2026 10:20:30.123 * MASTER <-> REPLICA sync: Finished with success");

        Assert.DoesNotContain("sync: Finished", screen.Text); // nothing drawn per line: the timer decides

        screen.Window.Tick();

        Assert.Contains("10:20:30.123 * MASTER <-> REPLICA sy", screen.Text);
    }

    [Fact]
    public void PgUp_shows_older_lines_and_End_follows_the_tail_again()
    {
        using var screen = TuiScreen.Open();
        Lines(screen, "node1", 100);
        Assert.Contains("line 099", screen.Text);

        screen.Press(Key.PageUp);

        Assert.DoesNotContain("line 099", screen.Text);
        Assert.Contains("newer", screen.Text);
        Lines(screen, "node1", 1, _ => "line new");
        Assert.DoesNotContain("line new", screen.Text); // scrolled back, the view stays put

        screen.Press(Key.End);

        Assert.Contains("line new", screen.Text);
    }

    [Fact]
    public void Home_goes_to_the_oldest_line_kept()
    {
        using var screen = TuiScreen.Open();
        Lines(screen, "node1", 500); // the ring keeps the last 200

        screen.Press(Key.Home);

        Assert.Contains("line 300", screen.Text);
    }

    [Fact]
    public void The_mouse_wheel_scrolls_the_pane_under_it()
    {
        using var screen = TuiScreen.Open();
        Lines(screen, "node2", 50);
        (int row, int col) = screen.Find("node2 :7002");

        screen.Wheel(col, row + 4, up: true);
        screen.Wheel(col, row + 4, up: true);

        Assert.DoesNotContain("line 049", screen.Text);
        Assert.Contains("line 043", screen.Text);
    }

    [Fact]
    public void Slash_searches_the_log_highlights_the_match_and_n_goes_to_older_matches()
    {
        using var screen = TuiScreen.Open();
        Lines(screen, "node1", 100, i => i is 10 or 60 ? $"line {i:000} Full resync requested" : $"line {i:000}");

        screen.Type("/");
        Assert.Contains("/", screen.Rows[23]);
        screen.Type("resync");
        screen.Press(Key.Enter);

        Assert.Contains("line 060 Full resync", screen.Text);
        Assert.Contains("/resync: line 61 of node1's log", screen.Rows[23]);
        (int row, int col) = screen.Find("resync requested");
        Assert.Equal("resync", screen.Window.Processes[0].Log.Pattern);
        Assert.Equal(RedisHaTui.Tui.Views.Theme.Default.Highlight, screen.App.Driver!.Contents![row, col].Attribute);

        screen.Type("n");
        Assert.Contains("line 010 Full resync", screen.Text);

        screen.Type("n");
        Assert.Contains("no further match", screen.Rows[23]);

        screen.Type("N");
        Assert.Contains("line 060 Full resync", screen.Text);
    }

    [Fact]
    public void Letters_typed_in_the_search_prompt_do_not_run_actions()
    {
        using var screen = TuiScreen.Open();

        screen.Type("/kill sx");
        screen.Press(Key.Esc);

        Assert.Empty(screen.Actions.Runs);
        Assert.StartsWith("? help", screen.Rows[23]);
    }

    [Fact]
    public void Attached_a_pane_without_a_log_says_where_it_would_come_from()
    {
        using var screen = TuiScreen.Open(session: new FakeSession(FakeLab.Definition(), ownsProcesses: false));

        Assert.Contains("no log file for node1: started", screen.Text);
    }
}
