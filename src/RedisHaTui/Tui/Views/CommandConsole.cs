using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Views;

/// <summary>
/// The `:` prompt: a small redis-cli over the lower part of the screen. It shows the transcript of commands
/// sent to the selected process and their replies; the main window sends the commands off the UI thread.
/// </summary>
internal sealed class CommandConsole : View
{
    private const int TranscriptLimit = 1000;
    private readonly Theme _theme;
    private readonly List<Fact> _transcript = [];

    public CommandConsole(Theme theme)
    {
        _theme = theme;
        CanFocus = false;
        Visible = false;
        BorderStyle = LineStyle.Double;
        SetScheme(new Scheme(theme.SelectedBorder));
    }

    public LineEditor Editor { get; } = new();

    /// <summary>The process commands go to, and redis-cli's prompt for it ("127.0.0.1:7001> ").</summary>
    public string Target { get; private set; } = "";

    public string Prompt { get; private set; } = "> ";

    public IReadOnlyList<Fact> Transcript => _transcript;

    public int Pending { get; set; }

    public void Open(string target, string address)
    {
        Target = target;
        Prompt = $"{address}> ";
        Title = $"redis-cli {target} ({address}) · Enter send · ↑↓ history · Esc close";
        Editor.Clear();
        Visible = true;
        SetNeedsDraw();
    }

    public void Close() => Visible = false;

    public void Append(string text, Tone tone = Tone.Normal)
    {
        foreach (string line in text.Replace("\r\n", "\n").Split('\n'))
            _transcript.Add(new Fact(LogLineText.Printable(line), tone));
        if (_transcript.Count > TranscriptLimit) _transcript.RemoveRange(0, _transcript.Count - TranscriptLimit);
        SetNeedsDraw();
    }

    /// <summary>Every cell is painted in <see cref="OnDrawingContent"/>: Terminal.Gui's clearing first would be thrown away.</summary>
    protected override bool OnClearingViewport() => true;

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width, rows = Viewport.Height;
        if (width <= 0 || rows <= 0) return true;
        for (int r = 0; r < rows; r++) this.Blank(r, width, _theme.Base);
        int shown = Math.Min(_transcript.Count, rows - 1);
        for (int i = 0; i < shown; i++)
        {
            Fact line = _transcript[_transcript.Count - shown + i];
            this.Put(0, i, line.Text, _theme.Of(line.Tone), width);
        }
        int row = rows - 1;
        int col = this.Put(0, row, Prompt, _theme.StatusKey, width);
        // Keep the cursor in view on long lines by showing the end of the text.
        string text = Editor.Text;
        int room = Math.Max(1, width - col - 1);
        int skip = Math.Max(0, Editor.Cursor - room + 1);
        this.Put(col, row, text[Math.Min(skip, text.Length)..], _theme.Of(Tone.Strong), width - col);
        int cursorCol = col + Editor.Cursor - skip;
        string under = Editor.Cursor < text.Length ? text[Editor.Cursor].ToString() : " ";
        this.Put(cursorCol, row, under, _theme.Highlight, width - cursorCol);
        if (Pending > 0) this.Put(Math.Max(col, width - 10), row, " waiting…", _theme.Of(Tone.Dim), 10);
        return true;
    }
}
