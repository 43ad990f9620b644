using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui;

[Collection("Tui")]
public sealed class CommandPromptTests
{
    [Fact]
    public void Colon_sends_a_command_to_the_selected_process_and_shows_the_reply_like_redis_cli()
    {
        using var screen = TuiScreen.Open();
        screen.Type("2");

        screen.Type(":");
        Assert.Contains("redis-cli node2", screen.Text);
        screen.Type("set k1 val1");
        screen.Press(Key.Enter);
        screen.WaitUntil(() => screen.Text.Contains("OK"), "the reply");
        screen.Type("get k1");
        screen.Press(Key.Enter);
        screen.WaitUntil(() => screen.Text.Contains("\"val1\""), "the reply");

        Assert.Equal([("node2", "set k1 val1"), ("node2", "get k1")], screen.Actions.Commands);
        Assert.Contains("127.0.0.1:7002> set k1 val1", screen.Text);
        Assert.Empty(screen.Actions.Runs); // the letters in "set" did not start anything
    }

    [Fact]
    public void Up_recalls_the_previous_command_and_Esc_closes_the_prompt()
    {
        using var screen = TuiScreen.Open();
        screen.Type(":info replication");
        screen.Press(Key.Enter);
        screen.WaitUntil(() => screen.Actions.Commands.Count == 1, "the command");

        screen.Press(Key.CursorUp, Key.Enter);
        screen.WaitUntil(() => screen.Actions.Commands.Count == 2, "the recalled command");
        Assert.Equal("info replication", screen.Actions.Commands.Last().Command);

        screen.Press(Key.Esc);
        Assert.DoesNotContain("redis-cli", screen.Text);
        Assert.True(screen.Window.QuitAllowed is false);
    }

    [Fact]
    public void A_multi_line_reply_keeps_its_lines()
    {
        using var screen = TuiScreen.Open(100, 30);
        screen.Actions.Reply = _ => "# Replication\nrole:master\nconnected_slaves:1";

        screen.Type(":info replication");
        screen.Press(Key.Enter);

        screen.WaitUntil(() => screen.Text.Contains("connected_slaves:1"), "the reply");
        int role = screen.Find("role:master").Row, slaves = screen.Find("connected_slaves:1").Row;
        Assert.Equal(role + 1, slaves);
    }
}
