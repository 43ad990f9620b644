using RedisHaTui.Tui.Presentation;

namespace RedisHaTui.Tui.Views;

internal sealed partial class MainWindow
{
    private bool _quitAllowed;
    private bool _confirmingQuit;

    internal bool QuitAllowed => _quitAllowed;

    private void AskQuit()
    {
        if (_mode == Mode.Command) CloseConsole();
        if (_mode == Mode.Search) CloseSearch();
        string consequence = _session.OwnsProcesses
            ? "The lab's processes will be stopped."
            : "Attached: the processes keep running.";
        _onConfirm = Quit;
        OpenOverlay(Mode.Confirm, "Quit redis-ha-tui?", [new Fact(consequence)], "Enter/y quit · Esc/n stay");
        _confirmingQuit = true;
    }

    private void Confirm()
    {
        Action? action = _onConfirm;
        CloseOverlay();
        action?.Invoke();
    }

    /// <summary>Ends the main loop for good: confirmed quit, a signal, or the benchmark's ExitAfter.</summary>
    internal void Quit()
    {
        _quitAllowed = true;
        _app.RequestStop();
    }

    /// <summary>
    /// Terminal.Gui stops a runnable on its own Quit key (Esc by default). Only <see cref="Quit"/> may end this
    /// one; any other stop request becomes the quit question.
    /// </summary>
    protected override bool OnIsRunningChanging(bool oldIsRunning, bool newIsRunning)
    {
        if (!newIsRunning && oldIsRunning && !_quitAllowed && !_door.Closed)
        {
            if (!_confirmingQuit) AskQuit();
            return true;
        }
        return base.OnIsRunningChanging(oldIsRunning, newIsRunning);
    }
}
