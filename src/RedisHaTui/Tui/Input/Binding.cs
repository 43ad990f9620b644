using RedisHaTui.Core.Actions;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Screen;
using Terminal.Gui.Input;

namespace RedisHaTui.Tui.Input;

/// <summary>
/// One entry of the key table (after lazygit's keybindings): the keys it answers to, what the help says about
/// them, whether the status bar advertises it, the lab action it runs if any, and its handler. The router, the
/// status bar and the `?` overlay all read these entries, so a key cannot work without being documented.
/// </summary>
/// <param name="Help">Its row in the `?` overlay; bindings that read as one to a person (Tab, Shift+Tab, the
/// arrows and 1-9 all "select a pane") share the row.</param>
/// <param name="Run">The handler, given the screen's parts and the key that was pressed.</param>
internal sealed record Binding(HelpLine Help, Action<ScreenParts, Key> Run)
{
    /// <summary>Keys that type nothing, matched exactly: Tab, Shift+Tab, F1, Ctrl+C, the arrows.</summary>
    public IReadOnlyList<Key> Keys { get; init; } = [];

    /// <summary>Characters matched as typed, Shift applied ("K"), without Ctrl or Alt: "k", "123456789".</summary>
    public string Chars { get; init; } = "";

    /// <summary>Its place on the status bar when it is one of the main keys; null keeps it off the bar.</summary>
    public StatusHint? Hint { get; init; }

    /// <summary>
    /// The lab action it runs, for keys that run one: whether it may run now is the core's answer
    /// (<see cref="ActionRunner.DisabledReason"/>), shown on the status line instead of running.
    /// </summary>
    public LabActionKind? Action { get; init; }

    public bool AnswersTo(Key key)
    {
        if (Keys.Any(k => k == key)) return true;
        // Ctrl+K is not 'k': only plain (or shifted) typing reaches the letter keys.
        return !key.IsCtrl && !key.IsAlt && KeyText.Printable(key) is not '\0' and var c && Chars.Contains(c);
    }
}

/// <summary>A status bar hint: the keys as shown there ("s/x/r"), a short label, and its rank (lower shows first).</summary>
internal sealed record StatusHint(int Rank, string Keys, string Label);
