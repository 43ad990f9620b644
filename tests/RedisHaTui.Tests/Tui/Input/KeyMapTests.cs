using RedisHaTui.Tui.Input;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui.Input;

public sealed class KeyMapTests
{
    public static TheoryData<Key, UiCommand> Keys => new()
    {
        { new Key('s'), UiCommand.Start },
        { new Key('x'), UiCommand.Stop },
        { new Key('k'), UiCommand.Kill },
        { Key.K.WithShift, UiCommand.KillMaster },
        { new Key('r'), UiCommand.Restart },
        { new Key('p'), UiCommand.PauseResume },
        { new Key('f'), UiCommand.Failover },
        { new Key('d'), UiCommand.DebugSleep },
        { new Key(':'), UiCommand.Command },
        { new Key('/'), UiCommand.Search },
        { new Key('n'), UiCommand.SearchOlder },
        { Key.N.WithShift, UiCommand.SearchNewer },
        { new Key('?'), UiCommand.Help },
        { Key.F1, UiCommand.Help },
        { new Key('q'), UiCommand.Quit },
        { Key.C.WithCtrl, UiCommand.Quit },
        { Key.Enter, UiCommand.Zoom },
        { new Key('z'), UiCommand.ToggleZoom },
        { Key.Esc, UiCommand.Back },
        { Key.Tab, UiCommand.SelectNext },
        { Key.Tab.WithShift, UiCommand.SelectPrevious },
        { Key.CursorLeft, UiCommand.SelectLeft },
        { Key.CursorDown, UiCommand.SelectDown },
        { Key.PageUp, UiCommand.PageUp },
        { Key.End, UiCommand.Bottom },
        { new Key('3'), UiCommand.SelectNumber },
        { Key.S.WithCtrl, UiCommand.None },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void Each_key_means_one_command(Key key, UiCommand command) => Assert.Equal(command, KeyMap.Map(key).Command);

    [Fact]
    public void A_digit_selects_that_pane() => Assert.Equal((UiCommand.SelectNumber, 7), KeyMap.Map(new Key('7')));

    [Fact]
    public void Every_command_with_a_key_is_in_the_help()
    {
        var documented = KeyMap.Help.Select(b => b.Command).ToHashSet();
        foreach (UiCommand c in new[] { UiCommand.Start, UiCommand.Stop, UiCommand.Kill, UiCommand.KillMaster, UiCommand.Restart, UiCommand.PauseResume,
                     UiCommand.Failover, UiCommand.CheckQuorum, UiCommand.DebugSleep, UiCommand.Command, UiCommand.Search, UiCommand.Help, UiCommand.Quit, UiCommand.Zoom, UiCommand.Back })
            Assert.Contains(c, documented);
    }
}

public sealed class LineEditorTests
{
    private static void Type(LineEditor e, string text)
    {
        foreach (char c in text) e.Edit(new Key(c));
    }

    [Fact]
    public void Typing_editing_and_submitting_a_line()
    {
        var e = new LineEditor();
        Type(e, "get k2");
        e.Edit(Key.Backspace);
        Type(e, "1");
        e.Edit(Key.Home);
        e.Edit(Key.DeleteChar);
        Type(e, "G");
        Assert.Equal("Get k1", e.Text);
        Assert.Equal("Get k1", e.Submit());
        Assert.Equal("", e.Text);
    }

    [Fact]
    public void Up_and_down_walk_the_history_and_come_back_to_the_draft()
    {
        var e = new LineEditor();
        Type(e, "set k1 val1"); e.Submit();
        Type(e, "get k1"); e.Submit();
        Type(e, "inf");
        e.Edit(Key.CursorUp);
        Assert.Equal("get k1", e.Text);
        e.Edit(Key.CursorUp);
        e.Edit(Key.CursorUp);
        Assert.Equal("set k1 val1", e.Text);
        e.Edit(Key.CursorDown);
        e.Edit(Key.CursorDown);
        Assert.Equal("inf", e.Text);
    }

    [Fact]
    public void Enter_and_Esc_are_not_editing_keys()
    {
        var e = new LineEditor();
        Assert.False(e.Edit(Key.Enter));
        Assert.False(e.Edit(Key.Esc));
    }
}
