using Terminal.Gui.Input;

namespace RedisHaTui.Tui.Input;

/// <summary>
/// A one-line prompt with a cursor and an optional history, for `:` and `/`. Hand-rolled rather than a
/// TextField so that the top-level key router keeps every key (Esc, Enter, Up/Down) under its control.
/// </summary>
internal sealed class LineEditor(int historyLimit = 100)
{
    private readonly List<string> _history = [];
    private int _historyIndex;
    private string _draft = "";

    public string Text { get; private set; } = "";

    public int Cursor { get; private set; }

    public IReadOnlyList<string> History => _history;

    public void Clear()
    {
        Text = "";
        Cursor = 0;
        _historyIndex = _history.Count;
    }

    /// <summary>Applies an editing key; false when the key is not an editing key (Enter, Esc, …).</summary>
    public bool Edit(Key key)
    {
        if (key == Key.Backspace) { if (Cursor > 0) { Text = Text.Remove(Cursor - 1, 1); Cursor--; } return true; }
        if (key == Key.Delete || key == Key.DeleteChar) { if (Cursor < Text.Length) Text = Text.Remove(Cursor, 1); return true; }
        if (key == Key.CursorLeft) { Cursor = Math.Max(0, Cursor - 1); return true; }
        if (key == Key.CursorRight) { Cursor = Math.Min(Text.Length, Cursor + 1); return true; }
        if (key == Key.Home || key == Key.A.WithCtrl) { Cursor = 0; return true; }
        if (key == Key.End || key == Key.E.WithCtrl) { Cursor = Text.Length; return true; }
        if (key == Key.U.WithCtrl) { Text = Text[Cursor..]; Cursor = 0; return true; }
        if (key == Key.CursorUp) { Recall(-1); return true; }
        if (key == Key.CursorDown) { Recall(+1); return true; }
        if (KeyText.Typed(key) is { } typed)
        {
            Text = Text.Insert(Cursor, typed);
            Cursor += typed.Length;
            return true;
        }
        return false;
    }

    /// <summary>The line as entered, remembered in the history (not twice in a row), and a fresh empty line.</summary>
    public string Submit()
    {
        string line = Text;
        if (line.Trim().Length > 0 && (_history.Count == 0 || _history[^1] != line))
        {
            _history.Add(line);
            if (_history.Count > historyLimit) _history.RemoveAt(0);
        }
        Clear();
        return line;
    }

    private void Recall(int step)
    {
        if (_history.Count == 0) return;
        if (_historyIndex == _history.Count) _draft = Text;
        _historyIndex = Math.Clamp(_historyIndex + step, 0, _history.Count);
        Text = _historyIndex == _history.Count ? _draft : _history[_historyIndex];
        Cursor = Text.Length;
    }
}
