using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;
using RedisHaTui.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Screen;

internal enum ScreenMode { Normal, Help, Confirm, Command, Search, Menu, GoTo }

/// <summary>
/// What owns the keyboard: the key table (Normal), the help overlay, a question, or a prompt. One mode at a
/// time; opening one closes the one before. Outside Normal, this routes every key, so letters typed into a
/// prompt never run actions and Esc closes the top layer without ever quitting.
/// </summary>
internal sealed class ScreenModes
{
    private readonly View _screen;
    private readonly OverlayBox _overlay;
    private readonly StatusLine _status;
    private Question? _question;
    private readonly LineEditor _typed = new(); // the word a question wants typed out
    private IPrompt? _prompt;
    private Action<char>? _choose; // the open menu's: a typed character picks an entry

    public ScreenModes(View screen, OverlayBox overlay, StatusLine status)
    {
        _screen = screen;
        _overlay = overlay;
        _status = status;
    }

    public ScreenMode Current { get; private set; }

    /// <summary>Ctrl+C in any mode but Normal (where it is a key of the table): ask whether to quit.</summary>
    public Action AskQuit { get; set; } = () => { };

    public void ShowHelp(IReadOnlyList<Fact> lines) => OpenOverlay(ScreenMode.Help, "keys", lines, "Esc close");

    /// <summary>Text to read (a fault's result, a config drift) in the overlay; closed like the help.</summary>
    public void ShowText(string title, IReadOnlyList<Fact> lines) => OpenOverlay(ScreenMode.Help, title, lines, "Esc close");

    /// <summary>A menu in the overlay: each printable key goes to <paramref name="choose"/>; Esc closes it.</summary>
    public void ShowMenu(string title, IReadOnlyList<Fact> lines, string footer, Action<char> choose)
    {
        OpenOverlay(ScreenMode.Menu, title, lines, footer);
        _choose = choose;
    }

    public void Ask(Question question)
    {
        OpenOverlay(ScreenMode.Confirm, question.Title, question.Lines, question.Footer);
        if (question.MustType is { } word)
        {
            _typed.Clear();
            _status.Prompt = ($"type {word}: ", _typed);
            _status.SetNeedsDraw();
        }
        _question = question;
    }

    public bool IsAsking(Question question) => ReferenceEquals(_question, question);

    /// <summary>Hands the keyboard to a prompt; the prompt shows itself.</summary>
    public void OpenPrompt(ScreenMode mode, IPrompt prompt)
    {
        Close();
        Current = mode;
        _prompt = prompt;
    }

    /// <summary>Back to Normal, taking whatever was open off the screen.</summary>
    public void Close()
    {
        ScreenMode was = Current;
        Question? asked = _question;
        Current = ScreenMode.Normal;
        _question = null;
        _choose = null;
        if (_prompt is { } prompt)
        {
            _prompt = null;
            prompt.Hide();
        }
        if (asked?.MustType is not null) _status.Prompt = null;
        if (was is ScreenMode.Help or ScreenMode.Confirm or ScreenMode.Menu)
        {
            _overlay.Close();
            _status.ModeHint = null;
            _screen.SetNeedsDraw(); // the panes under the box show again
        }
    }

    /// <summary>Routes a key in every mode but Normal; false in Normal, where the key table decides.</summary>
    public bool HandleKey(Key key)
    {
        bool ctrlC = key == Key.C.WithCtrl;
        switch (Current)
        {
            case ScreenMode.Help:
                if (ctrlC) AskQuit();
                else if (key == Key.Esc || key == Key.Enter || key == Key.F1 || KeyText.Printable(key) is '?' or 'q') Close();
                // Text longer than the box (a sentinel's config drift on a small terminal) scrolls.
                else if (key == Key.CursorDown) _overlay.Scroll(1);
                else if (key == Key.CursorUp) _overlay.Scroll(-1);
                else if (key == Key.PageDown) _overlay.Scroll(_overlay.BodyRows);
                else if (key == Key.PageUp) _overlay.Scroll(-_overlay.BodyRows);
                return true;
            case ScreenMode.Confirm when _question!.MustType is { } word:
                if (ctrlC) AskQuit();
                else if (key == Key.Esc) Close();
                else if (key == Key.Enter && _typed.Text == word) AnswerYes();
                else if (key == Key.Enter)
                {
                    // The prompt holds the status line, so the hint goes into the prompt itself.
                    _typed.Clear();
                    _status.Prompt = ($"that is not {word}; type {word} (Esc cancels): ", _typed);
                    _status.SetNeedsDraw();
                }
                else if (_typed.Edit(key)) _status.SetNeedsDraw();
                return true;
            case ScreenMode.Confirm:
                if (key == Key.Enter || KeyText.Printable(key) is 'y' or 'Y' || (ctrlC && _question!.YesOnCtrlC)) AnswerYes();
                else if (ctrlC) AskQuit();
                else if (key == Key.Esc || KeyText.Printable(key) is 'n' or 'N') Close();
                return true;
            case ScreenMode.Menu:
                if (ctrlC) AskQuit();
                else if (key == Key.Esc || KeyText.Printable(key) is 'q') Close();
                else if (KeyText.Printable(key) is not '\0' and var c) _choose!(c);
                return true;
            case ScreenMode.Command or ScreenMode.Search or ScreenMode.GoTo:
                IPrompt prompt = _prompt!;
                if (ctrlC) { Close(); AskQuit(); }
                else if (key == Key.Esc) Close();
                else if (key == Key.Enter) { if (!prompt.Submit()) Close(); }
                else if (prompt.Editor.Edit(key)) prompt.Edited();
                return true;
            default:
                return false;
        }
    }

    /// <summary>A click anywhere closes the help; other modes ignore the mouse. False in Normal.</summary>
    public bool HandleMouse(Mouse mouse)
    {
        if (Current == ScreenMode.Normal) return false;
        if (Current == ScreenMode.Help && mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked))
        {
            Close();
            mouse.Handled = true;
        }
        return true;
    }

    private void AnswerYes()
    {
        Action onYes = _question!.OnYes;
        Close();
        onYes();
    }

    private void OpenOverlay(ScreenMode mode, string title, IReadOnlyList<Fact> lines, string footer)
    {
        Close();
        Current = mode;
        _overlay.Open(title, lines, footer);
        _status.ModeHint = footer;
        _screen.SetNeedsLayout(); // the box is centred at the size its content wants
    }
}
