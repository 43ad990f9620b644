using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The bottom line: a prompt while one is open (`/`), else the latest message (an action's result, why an
/// action is unavailable) for a few seconds, else the main keys. "A few seconds" are the session's clock
/// (<see cref="Core.State.LabStore.Time"/>), not the wall's: a paused replay keeps its message, and a test moves a fake
/// clock past the message's life instead of waiting for it.
/// </summary>
internal sealed class StatusLine : View
{
    /// <summary>How long a message stays before the line goes back to the keys.</summary>
    public static readonly TimeSpan MessageLife = TimeSpan.FromSeconds(8);

    private readonly Theme _theme;
    private readonly TimeProvider _time;
    private DateTimeOffset _messageUntil;

    public StatusLine(Theme theme, TimeProvider time)
    {
        _theme = theme;
        _time = time;
        CanFocus = false;
    }

    public Fact? Message { get; private set; }

    /// <summary>Mode-specific hints that replace the main keys ("Enter confirm · Esc cancel").</summary>
    public string? ModeHint { get; set; }

    public (string Prefix, LineEditor Editor)? Prompt { get; set; }

    /// <summary>A note kept at the right end of the keys (--share: how many follow); it gives way to the keys when short of room.</summary>
    public Func<int, string>? Corner { get; set; }
    /// <summary>What the line says after an open prompt's text.</summary>
    public string PromptFooter { get; set; } = SearchFooter;

    public const string SearchFooter = "Enter search · Esc cancel";

    /// <summary>
    /// A replay's scrub bar, drawn in the keys' place (given the width): the state of the replay is what its status
    /// line is for; `?` still lists the keys. Null on a live screen.
    /// </summary>
    public Func<int, IReadOnlyList<Fact>>? Scrub { get; set; }

    /// <summary>The main keys that cannot run now: still listed, dimmed (`?` gives the reason).</summary>
    public IReadOnlySet<StatusHint> DisabledHints
    {
        get => _disabled;
        set
        {
            if (_disabled.SetEquals(value)) return;
            _disabled = value;
            SetNeedsDraw();
        }
    }

    private IReadOnlySet<StatusHint> _disabled = new HashSet<StatusHint>();

    public void Show(string text, Tone tone = Tone.Normal)
    {
        // One line: a message of several (CKQUORUM's answer per sentinel) would draw its line breaks as ␊.
        Message = new Fact(string.Join(" · ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), tone);
        _messageUntil = _time.GetUtcNow() + MessageLife;
        SetNeedsDraw();
    }

    /// <summary>Gives the line back at once (a replay's key moved the playhead: the bar shows where it went).</summary>
    public void ClearMessage()
    {
        if (Message is null) return;
        Message = null;
        SetNeedsDraw();
    }

    /// <summary>Called by the main window's timer: an old message gives the line back to the keys.</summary>
    public void Expire()
    {
        if (Message is null || _time.GetUtcNow() < _messageUntil) return;
        Message = null;
        SetNeedsDraw();
    }

    /// <summary>Every cell is painted in <see cref="OnDrawingContent"/>: Terminal.Gui's clearing first would be thrown away.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width;
        if (width <= 0) return true;
        this.Blank(0, width, _theme.StatusBar);
        if (Prompt is { } prompt)
        {
            int col = this.Put(0, 0, prompt.Prefix, _theme.StatusKey, width);
            string text = prompt.Editor.Text;
            col += this.Put(col, 0, text, _theme.Input, width - col);
            string under = prompt.Editor.Cursor < text.Length ? text[prompt.Editor.Cursor].ToString() : " ";
            this.Put(prompt.Prefix.Length + prompt.Editor.Cursor, 0, under, _theme.Highlight, width - prompt.Prefix.Length - prompt.Editor.Cursor);
            this.Put(col + 2, 0, PromptFooter, _theme.Of(Tone.Dim), width - col - 2);
            return true;
        }
        if (Message is { } message)
        {
            this.Put(0, 0, TextFit.Truncate(message.Text, width), _theme.Of(message.Tone), width);
            return true;
        }
        if (ModeHint is { } hint)
        {
            this.Put(0, 0, TextFit.Truncate(hint, width), _theme.StatusKey, width);
            return true;
        }
        if (Scrub is { } scrub)
        {
            int col = 0;
            foreach (Fact piece in scrub(width)) col += this.Put(col, 0, piece.Text, _theme.Of(piece.Tone), width - col);
            return true;
        }
        string corner = Corner?.Invoke(width / 3) ?? "";
        if (corner.Length > 0) this.Put(width - corner.Length, 0, corner, _theme.StatusKey, corner.Length);
        width -= corner.Length == 0 ? 0 : corner.Length + 1;
        int at = 0;
        foreach (StatusHint shown in KeyMap.Hints)
        {
            (_, string key, string label) = shown;
            int need = key.Length + 1 + label.Length + 2;
            if (at + need - 2 > width) break;
            bool disabled = _disabled.Contains(shown);
            at += this.Put(at, 0, key, disabled ? _theme.Of(Tone.Dim) : _theme.StatusKey, width - at);
            at += this.Put(at, 0, " " + label + "  ", disabled ? _theme.Of(Tone.Dim) : _theme.StatusBar, width - at);
        }
        return true;
    }
}
