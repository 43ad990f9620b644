using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Input;
using RedisHaTui.Tui.Views;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// The `:` console: opens on the selected process, sends each line off the UI thread and appends the reply
/// to the transcript when it comes back through the door.
/// </summary>
internal sealed class ConsoleController : IPrompt
{
    private readonly CommandConsole _view;
    private readonly ILabSession _session;
    private readonly PaneGrid _grid;
    private readonly ScreenModes _modes;
    private readonly StatusLine _status;
    private readonly UiThreadDoor _door;
    private readonly View _screen;

    public ConsoleController(CommandConsole view, ILabSession session, PaneGrid grid, ScreenModes modes, StatusLine status, UiThreadDoor door, View screen)
    {
        _view = view;
        _session = session;
        _grid = grid;
        _modes = modes;
        _status = status;
        _door = door;
        _screen = screen;
    }

    public LineEditor Editor => _view.Editor;

    public void Open()
    {
        if (_grid.SelectedProcess is not { } pane)
        {
            _status.Show("commands go to a process: select its pane first (1-9, Tab)", Tone.Warn);
            return;
        }
        _modes.OpenPrompt(ScreenMode.Command, this);
        _view.Open(pane.ProcessName, pane.Definition.Endpoint.ToString());
        _status.ModeHint = "Enter send · ↑↓ history · Esc close";
        _screen.SetNeedsLayout(); // the console is placed over the lower panes
    }

    public bool Submit()
    {
        string line = Editor.Submit().Trim();
        _view.Append(_view.Prompt + line, Tone.Strong);
        if (line.Length == 0) return true;
        string target = _view.Target;
        _view.Pending++;
        _door.RunThenShow(
            ct => _session.Actions.RunCommandAsync(target, line, ct),
            ex => LabActionResult.Refused($"(error) {ex.GetBaseException().Message}"),
            result =>
            {
                _view.Pending--;
                _view.Append(result.Message, result.Ok ? Tone.Normal : Tone.Bad);
            });
        return true;
    }

    public void Edited() => _view.SetNeedsDraw();

    public void Hide()
    {
        _view.Close();
        _status.ModeHint = null;
        _screen.SetNeedsDraw();
    }
}
