using RedisHaTui.Core.Session;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// The real MainWindow over a real session on a headless terminal, as the app draws it: what a test compares between
/// a live lab and its replay. The test thread is the UI thread; <see cref="Text"/> first runs what the session's
/// background threads handed to it (the snapshots and the log redraws), then draws.
/// </summary>
internal sealed class HeadlessScreen : IDisposable
{
    private readonly IApplication _app;
    private readonly MainWindow _window;
    private readonly SessionToken _token;

    public HeadlessScreen(ILabSession session, int width, int height, Core.Walkthrough.Walkthrough? walkthrough = null)
    {
        _app = Application.Create().Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(width, height);
        _window = new MainWindow(_app, session, Theme.Default, TimeZoneInfo.Utc, walkthrough);
        _token = _app.Begin(_window)!;
        _app.LayoutAndDraw();
    }

    /// <summary>The screen as text, rows joined by newlines, once everything queued for the UI thread has run.</summary>
    public string Text
    {
        get
        {
            _app.TimedEvents?.RunTimers();
            _window.Tick();
            _app.LayoutAndDraw();
            return _app.Driver!.ToString()!;
        }
    }

    public void Dispose()
    {
        _window.Quit();
        _app.End(_token);
        _window.Dispose();
        _app.Dispose();
    }
}
