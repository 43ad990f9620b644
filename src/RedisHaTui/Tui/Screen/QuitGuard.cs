using RedisHaTui.Tui.Presentation;
using Terminal.Gui.App;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// Quitting is asked, never accidental: q and Ctrl+C ask, Esc never quits, and a stop request from anywhere
/// else (Terminal.Gui's own Quit key) becomes the question too. Only <see cref="Quit"/> ends the loop.
/// </summary>
internal sealed class QuitGuard
{
    private readonly IApplication _app;
    private readonly ScreenModes _modes;
    private readonly bool _ownsProcesses;
    private Question? _asked;

    public QuitGuard(IApplication app, ScreenModes modes, bool ownsProcesses)
    {
        _app = app;
        _modes = modes;
        _ownsProcesses = ownsProcesses;
    }

    public bool Allowed { get; private set; }

    public bool Asking => _asked is not null && _modes.IsAsking(_asked);

    public void Ask()
    {
        string consequence = _ownsProcesses ? "The lab's processes will be stopped." : "Attached: the processes keep running.";
        _asked = new Question("Quit redis-ha-tui?", [new Fact(consequence)], "Enter/y quit · Esc/n stay", Quit, YesOnCtrlC: true);
        _modes.Ask(_asked);
    }

    /// <summary>Ends the main loop for good: confirmed quit, a signal, or the benchmark's ExitAfter.</summary>
    public void Quit()
    {
        Allowed = true;
        _app.RequestStop();
    }

    /// <summary>For the window's IsRunningChanging: true vetoes a stop that was not ours, asking instead.</summary>
    public bool Veto(bool stopping)
    {
        if (!stopping || Allowed) return false;
        if (!Asking) Ask();
        return true;
    }
}
