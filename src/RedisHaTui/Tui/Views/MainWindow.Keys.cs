using RedisHaTui.Tui.Input;
using RedisHaTui.Tui.Presentation;
using Terminal.Gui.Input;

namespace RedisHaTui.Tui.Views;

internal sealed partial class MainWindow
{
    private enum Mode { Normal, Help, Confirm, Command, Search }

    private Mode _mode;
    private readonly LineEditor _searchEditor = new();

    internal string ModeName => _mode.ToString();

    /// <summary>
    /// Every key comes here first (the application's KeyDown runs before any view), and is consumed: no focused
    /// view can swallow a letter, Tab never moves Terminal.Gui's focus, and Esc never reaches the default Quit binding.
    /// </summary>
    private void OnKeyDown(object? sender, Key key)
    {
        if (key.Handled || !ReferenceEquals(_app.TopRunnable, this)) return;
        key.Handled = true;
        try
        {
            HandleKey(key);
        }
        catch (Exception ex)
        {
            // A bug in one handler must not take the demo down; say what happened instead.
            _status.Show($"error: {ex.GetBaseException().Message}", Tone.Bad);
        }
    }

    private void HandleKey(Key key)
    {
        bool ctrlC = key == Key.C.WithCtrl;
        switch (_mode)
        {
            case Mode.Help:
                if (ctrlC) AskQuit();
                else if (key == Key.Esc || key == Key.Enter || key == Key.F1 || KeyMap.Printable(key) is '?' or 'q') CloseOverlay();
                return;
            case Mode.Confirm:
                if (key == Key.Enter || KeyMap.Printable(key) is 'y' or 'Y') Confirm();
                else if (ctrlC && _confirmingQuit) Quit();
                else if (ctrlC) AskQuit();
                else if (key == Key.Esc || KeyMap.Printable(key) is 'n' or 'N') CloseOverlay();
                return;
            case Mode.Command:
                if (ctrlC) { CloseConsole(); AskQuit(); }
                else if (key == Key.Esc) CloseConsole();
                else if (key == Key.Enter) SubmitCommand();
                else if (_console.Editor.Edit(key)) _console.SetNeedsDraw();
                return;
            case Mode.Search:
                if (ctrlC) { CloseSearch(); AskQuit(); }
                else if (key == Key.Esc) CloseSearch();
                else if (key == Key.Enter) SubmitSearch();
                else if (_searchEditor.Edit(key)) _status.SetNeedsDraw();
                return;
        }

        (UiCommand command, int number) = KeyMap.Map(key);
        switch (command)
        {
            case UiCommand.Help: OpenHelp(); break;
            case UiCommand.Quit: AskQuit(); break;
            case UiCommand.SelectNext: Select((_selected + 1) % _panes.Count); break;
            case UiCommand.SelectPrevious: Select((_selected + _panes.Count - 1) % _panes.Count); break;
            case UiCommand.SelectLeft: Navigate(Direction.Left); break;
            case UiCommand.SelectRight: Navigate(Direction.Right); break;
            case UiCommand.SelectUp: Navigate(Direction.Up); break;
            case UiCommand.SelectDown: Navigate(Direction.Down); break;
            case UiCommand.SelectNumber: if (number <= _processes.Count) Select(number - 1); break;
            case UiCommand.Zoom: SetZoom(true); break;
            case UiCommand.ToggleZoom: SetZoom(!_zoomed); break;
            case UiCommand.Back: Back(); break;
            case UiCommand.PageUp: SelectedPane.PageUp(); break;
            case UiCommand.PageDown: SelectedPane.PageDown(); break;
            case UiCommand.Top: SelectedPane.ScrollToTop(); break;
            case UiCommand.Bottom: SelectedPane.ScrollToBottom(); break;
            case UiCommand.Search: OpenSearch(); break;
            case UiCommand.SearchOlder: RepeatSearch(older: true); break;
            case UiCommand.SearchNewer: RepeatSearch(older: false); break;
            case UiCommand.Command: OpenConsole(); break;
            case UiCommand.None: break;
            default: RunKeyAction(command); break;
        }
    }

    /// <summary>Esc peels one layer: the zoom, then the search highlight. It never quits.</summary>
    private void Back()
    {
        if (_zoomed) SetZoom(false);
        else if (SelectedProcess?.Log.Pattern is not null) SelectedProcess.Log.ClearSearch();
    }

    private void OpenHelp()
    {
        var lines = KeyMap.Help.Select(b => new Fact($"{b.Keys,-20} {b.Help}")).ToList();
        lines.Add(new Fact(""));
        lines.Add(new Fact("badges: MASTER REPLICA SENTINEL SYNCING STARTING PAUSED DOWN", Tone.Dim));
        OpenOverlay(Mode.Help, "keys", lines, "Esc close");
    }

    private void OpenOverlay(Mode mode, string title, IReadOnlyList<Fact> lines, string footer)
    {
        _mode = mode;
        _overlay.Open(title, lines, footer);
        _status.ModeHint = footer;
        SetNeedsLayout();
    }

    private void CloseOverlay()
    {
        _mode = Mode.Normal;
        _onConfirm = null;
        _confirmingQuit = false;
        _overlay.Close();
        _status.ModeHint = null;
        SetNeedsDraw();
    }

    private void OpenSearch()
    {
        if (SelectedProcess is null) { _status.Show("search works in a process pane's log: select one first (1-9, Tab)", Tone.Warn); return; }
        _mode = Mode.Search;
        _searchEditor.Clear();
        _status.Prompt = ("/", _searchEditor);
        _status.SetNeedsDraw();
    }

    private void CloseSearch()
    {
        _mode = Mode.Normal;
        _status.Prompt = null;
        _status.SetNeedsDraw();
    }

    private void SubmitSearch()
    {
        string pattern = _searchEditor.Submit();
        CloseSearch();
        if (SelectedProcess is not { } pane || pattern.Length == 0) return;
        ReportSearch(pane, pattern, pane.Log.Search(pattern, older: true, fromCurrent: false));
    }

    private void RepeatSearch(bool older)
    {
        if (SelectedProcess is not { Log.Pattern: { } pattern } pane) { _status.Show("no search yet: press / first", Tone.Warn); return; }
        ReportSearch(pane, pattern, pane.Log.Search(pattern, older, fromCurrent: true));
    }

    private void ReportSearch(ProcessPane pane, string pattern, long? line)
    {
        if (line is null) _status.Show($"/{pattern}: no {(pane.Log.MatchLine is null ? "" : "further ")}match in {pane.ProcessName}'s log", Tone.Warn);
        else _status.Show($"/{pattern}: line {line + 1} of {pane.ProcessName}'s log · n older · N newer · Esc clear", Tone.Accent);
    }
}
