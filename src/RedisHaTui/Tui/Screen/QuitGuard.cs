using RedisHaTui.Presentation;
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
    private readonly Func<IReadOnlyList<string>> _consequences;
    private Question? _asked;

    /// <param name="consequences">What quitting stops and what it leaves running, read when asked (<see cref="Presentation.QuitText"/>).</param>
    public QuitGuard(IApplication app, ScreenModes modes, Func<IReadOnlyList<string>> consequences)
    {
        _app = app;
        _modes = modes;
        _consequences = consequences;
    }

    public bool Allowed { get; private set; }

    public bool Asking => _asked is not null && _modes.IsAsking(_asked);

    public void Ask()
    {
        _asked = new Question("Quit redis-ha-tui?", [.. _consequences().Select(line => new Fact(line))], "Enter/y quit · Esc/n stay", Quit, YesOnCtrlC: true);
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
