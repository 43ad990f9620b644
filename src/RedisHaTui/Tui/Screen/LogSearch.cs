using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>`/`, n and N: a search prompt on the status line, and stepping through matches in the selected log.</summary>
internal sealed class LogSearch : IPrompt
{
    private readonly PaneGrid _grid;
    private readonly ScreenModes _modes;
    private readonly StatusLine _status;

    public LogSearch(PaneGrid grid, ScreenModes modes, StatusLine status)
    {
        _grid = grid;
        _modes = modes;
        _status = status;
    }

    public LineEditor Editor { get; } = new();

    public void Open()
    {
        if (_grid.SelectedProcess is null) { _status.Show("search works in a process pane's log: select one first (1-9, Tab)", Tone.Warn); return; }
        _modes.OpenPrompt(ScreenMode.Search, this);
        Editor.Clear();
        _status.Prompt = ("/", Editor);
        _status.SetNeedsDraw();
    }

    /// <summary>n (older) and N (newer): the next match of the last search, from the current one.</summary>
    public void Repeat(bool older)
    {
        if (_grid.SelectedProcess is not { Log.Pattern: { } pattern } pane) { _status.Show("no search yet: press / first", Tone.Warn); return; }
        Report(pane, pattern, pane.Log.Search(pattern, older, fromCurrent: true));
    }

    /// <summary>Esc after a search: the highlight goes.</summary>
    public void ClearHighlight()
    {
        if (_grid.SelectedProcess?.Log is { Pattern: not null } log) log.ClearSearch();
    }

    public bool Submit()
    {
        string pattern = Editor.Submit();
        if (_grid.SelectedProcess is { } pane && pattern.Length > 0)
            Report(pane, pattern, pane.Log.Search(pattern, older: true, fromCurrent: false));
        return false;
    }

    public void Edited() => _status.SetNeedsDraw();

    public void Hide()
    {
        _status.Prompt = null;
        _status.SetNeedsDraw();
    }

    private void Report(ProcessPane pane, string pattern, long? line)
    {
        if (line is null) _status.Show($"/{pattern}: no {(pane.Log.MatchLine is null ? "" : "further ")}match in {pane.ProcessName}'s log", Tone.Warn);
        else _status.Show($"/{pattern}: line {line + 1} of {pane.ProcessName}'s log · n older · N newer · Esc clear", Tone.Accent);
    }
}
