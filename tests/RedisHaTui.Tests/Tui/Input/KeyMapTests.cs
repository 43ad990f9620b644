using RedisHaTui.Core.Actions;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;
using Terminal.Gui.Input;

namespace RedisHaTui.Tests.Tui.Input;

public sealed class KeyMapTests
{
    public static TheoryData<Key, string> Meanings => new()
    {
        { new Key('/'), "search its log" },
        { new Key('n'), "search its log" },
        { Key.N.WithShift, "search its log" },
        { new Key(':'), "send a Redis command" },
        { new Key('?'), "this help" },
        { Key.F1, "this help" },
        { new Key('q'), "quit (asks first)" },
        { Key.C.WithCtrl, "quit (asks first)" },
        { Key.Enter, "zoom the selected pane" },
        { new Key('z'), "zoom the selected pane" },
        { Key.Esc, "close a dialog, unzoom, clear the search" },
        { Key.Tab, "select a pane" },
        { Key.Tab.WithShift, "select a pane" },
        { Key.CursorLeft, "select a pane" },
        { Key.CursorDown, "select a pane" },
        { new Key('3'), "select a pane" },
        { Key.PageUp, "scroll its log" },
        { Key.End, "scroll its log" },
    };

    [Theory]
    [MemberData(nameof(Meanings))]
    public void Each_key_means_what_its_help_says(Key key, string help)
    {
        Binding? binding = KeyMap.Find(key);
        Assert.NotNull(binding);
        Assert.StartsWith(help, binding.Help.Text);
        Assert.Null(binding.Action);
    }

    public static TheoryData<Key, LabActionKind> ActionKeys => new()
    {
        { new Key('s'), LabActionKind.Start },
        { new Key('x'), LabActionKind.Stop },
        { new Key('k'), LabActionKind.Kill },
        { Key.K.WithShift, LabActionKind.KillMaster },
        { new Key('K'), LabActionKind.KillMaster },
        { new Key('r'), LabActionKind.Restart },
        { new Key('p'), LabActionKind.Pause }, // or Resume, decided from the snapshot when pressed
        { new Key('f'), LabActionKind.Failover },
        { new Key('d'), LabActionKind.DebugSleep },
        { new Key('c'), LabActionKind.CheckQuorum },
    };

    [Theory]
    [MemberData(nameof(ActionKeys))]
    public void Each_action_key_runs_its_lab_action(Key key, LabActionKind kind) => Assert.Equal(kind, KeyMap.Find(key)?.Action);

    [Theory]
    [InlineData('0')]
    [InlineData('a')]
    [InlineData('Z')]
    [InlineData(' ')]
    public void A_key_with_no_entry_means_nothing(char c) => Assert.Null(KeyMap.Find(new Key(c)));

    [Fact]
    public void Ctrl_or_Alt_with_a_letter_is_not_the_letter()
    {
        Assert.Null(KeyMap.Find(Key.S.WithCtrl));
        Assert.Null(KeyMap.Find(Key.K.WithAlt));
        Assert.Null(KeyMap.Find(new Key('q').WithAlt));
    }

    /// <summary>How the help names each key that types nothing; a routed key missing here fails the walk below.</summary>
    private static readonly (Key Key, string Named)[] NamedInHelp =
    [
        (Key.Tab, "Tab"), (Key.Tab.WithShift, "Tab"), (Key.CursorLeft, "←↑→↓"), (Key.CursorRight, "←↑→↓"), (Key.CursorUp, "←↑→↓"),
        (Key.CursorDown, "←↑→↓"), (Key.Enter, "Enter"), (Key.Esc, "Esc"), (Key.PageUp, "PgUp"), (Key.PageDown, "PgDn"),
        (Key.Home, "Home"), (Key.End, "End"), (Key.F1, "F1"), (Key.C.WithCtrl, "Ctrl+C"),
    ];

    /// <summary>Every key a keyboard can send that the walk tries: printable ASCII, letters and named keys, bare and with modifiers.</summary>
    private static IEnumerable<Key> EveryKey()
    {
        Key[] named =
        [
            Key.Tab, Key.Enter, Key.Esc, Key.Backspace, Key.Delete, Key.DeleteChar, Key.InsertChar, Key.Space,
            Key.Home, Key.End, Key.PageUp, Key.PageDown, Key.CursorUp, Key.CursorDown, Key.CursorLeft, Key.CursorRight,
            Key.F1, Key.F2, Key.F3, Key.F4, Key.F5, Key.F6, Key.F7, Key.F8, Key.F9, Key.F10, Key.F11, Key.F12,
            Key.A, Key.B, Key.C, Key.D, Key.E, Key.F, Key.G, Key.H, Key.I, Key.J, Key.K, Key.L, Key.M,
            Key.N, Key.O, Key.P, Key.Q, Key.R, Key.S, Key.T, Key.U, Key.V, Key.W, Key.X, Key.Y, Key.Z,
            Key.D0, Key.D1, Key.D2, Key.D3, Key.D4, Key.D5, Key.D6, Key.D7, Key.D8, Key.D9,
        ];
        IEnumerable<Key> typed = Enumerable.Range(0x20, 0x7F - 0x20).Select(c => new Key((char)c));
        foreach (Key key in named.Concat(typed))
        {
            yield return key;
            yield return key.WithShift;
            yield return key.WithCtrl;
            yield return key.WithAlt;
            yield return key.WithCtrl.WithShift;
        }
    }

    /// <summary>
    /// The help is derived from the table, so this walks what the router accepts rather than a hand-written list:
    /// any key that does something must have its line in the `?` overlay, and that line must name the key.
    /// </summary>
    [Fact]
    public void Every_key_the_router_accepts_is_named_in_the_help_overlay()
    {
        string[] overlay = [.. HelpText.Lines(KeyMap.HelpLines).Select(f => f.Text)];
        int routed = 0;
        foreach (Key key in EveryKey())
        {
            if (KeyMap.Find(key) is not { } binding) continue;
            routed++;
            Assert.False(string.IsNullOrWhiteSpace(binding.Help.Text), $"{key} has no help text");
            Assert.Contains(overlay, line => line.Contains(binding.Help.Keys) && line.Contains(binding.Help.Text));
            char typed = KeyText.Printable(key);
            string named = NamedInHelp.FirstOrDefault(n => n.Key == key).Named
                ?? (typed is >= '1' and <= '9' ? "1-9" : typed != '\0' ? typed.ToString() : throw new Xunit.Sdk.XunitException($"{key} is routed but the test does not know how help names it"));
            Assert.True(binding.Help.Keys.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(named),
                $"{key} runs \"{binding.Help.Text}\" but its help names only \"{binding.Help.Keys}\"");
        }
        Assert.True(routed >= 30, $"only {routed} keys routed: the walk is not reaching the table");
    }

    [Fact]
    public void No_key_is_claimed_by_two_bindings()
    {
        foreach (Key key in EveryKey())
        {
            var claims = KeyMap.All.Where(b => b.AnswersTo(key)).ToList();
            Assert.True(claims.Count <= 1, $"{key} is claimed by {string.Join(", ", claims.Select(b => b.Help.Text))}");
        }
    }

    [Fact]
    public void Every_binding_answers_some_key_and_every_help_line_is_shown_once()
    {
        foreach (Binding b in KeyMap.All) Assert.True(b.Keys.Count > 0 || b.Chars.Length > 0, $"\"{b.Help.Text}\" answers no key");
        Assert.Equal(KeyMap.HelpLines.Count, KeyMap.HelpLines.Distinct().Count());
        Assert.Equal(23, KeyMap.HelpLines.Count); // 17 + w (write load) + faults + walkthrough (g, [ ]) + v (config drift) + e (handout)
    }

    [Fact]
    public void The_status_bar_hints_keep_their_order()
    {
        Assert.Equal(["?", "q", "Tab+z", "k", "f", ":", "p", "s/x/r", "/", "Tab", "PgUp", "w", "!", "g", "v", "e"], KeyMap.Hints.Select(h => h.Keys));
        Assert.Equal(["help", "quit", "zoom timeline/chart", "kill", "failover", "cmd", "pause", "start/stop/restart", "search", "select", "scroll", "write load", "faults", "guide", "drift", "handout"], KeyMap.Hints.Select(h => h.Label));
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
