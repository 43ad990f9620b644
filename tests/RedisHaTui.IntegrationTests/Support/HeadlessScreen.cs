using RedisHaTui.Core.Session;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// The real MainWindow over a real session on a headless terminal, as the app draws it: what a test compares between
/// a live lab and its replay. The calling thread stands in for the UI thread: <see cref="Text"/> first runs what the
/// session's background threads handed to it (the snapshots and the log redraws), then draws. Use it from one thread
/// at a time.
/// </summary>
internal sealed class HeadlessScreen : IDisposable
{
    private readonly IApplication _app;
    private readonly MainWindow _window;
    private readonly SessionToken _token;

    public HeadlessScreen(ILabSession session, int width, int height, Core.Walkthrough.Walkthrough? walkthrough = null)
    {
        IApplication app = null!;
        MainWindow window = null!;
        SessionToken token = null!;
        KeepingTheTestsContext(() =>
        {
            app = Application.Create().Init(DriverRegistry.Names.ANSI);
            app.Driver!.SetScreenSize(width, height);
            window = new MainWindow(app, session, Theme.Default, TimeZoneInfo.Utc, walkthrough);
            token = app.Begin(window)!;
            app.LayoutAndDraw();
        });
        (_app, _window, _token) = (app, window, token);
    }

    /// <summary>The screen as text, rows joined by newlines, once everything queued for the UI thread has run.</summary>
    public string Text
    {
        get
        {
            string text = "";
            KeepingTheTestsContext(() =>
            {
                _app.TimedEvents?.RunTimers();
                _window.Tick();
                _app.LayoutAndDraw();
                text = _app.Driver!.ToString()!;
            });
            return text;
        }
    }

    public void Dispose() => KeepingTheTestsContext(() =>
    {
        _window.Quit();
        _app.End(_token);
        _window.Dispose();
        _app.Dispose();
    });

    /// <summary>
    /// Terminal.Gui installs its main-loop context on the thread that drives it; with no loop running, a test's next
    /// await would be posted there and wait forever. The test keeps its own context and pumps the screen itself.
    /// </summary>
    private static void KeepingTheTestsContext(Action action)
    {
        SynchronizationContext? context = SynchronizationContext.Current;
        try { action(); }
        finally { SynchronizationContext.SetSynchronizationContext(context); }
    }
}
