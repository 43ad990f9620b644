using System.Diagnostics;
using System.Drawing;
using RedisHaTui.Core.Session;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace RedisHaTui.Tests.Tui;

/// <summary>
/// The dashboard on a headless terminal: keys and clicks go in through Terminal.Gui's injector, the screen
/// comes back as text. The test thread is the UI thread, so results are on screen after one LayoutAndDraw.
/// </summary>
internal sealed class TuiScreen : IDisposable
{
    private readonly SessionToken _token;

    private TuiScreen(int width, int height, ILabSession session, Theme theme, RedisHaTui.Core.Walkthrough.Walkthrough? walkthrough = null)
    {
        LabSession = session;
        App = Application.Create().Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Window = new MainWindow(App, session, theme, TimeZoneInfo.Utc, walkthrough);
        _token = App.Begin(Window)!;
        App.LayoutAndDraw();
    }

    public IApplication App { get; }

    /// <summary>The session the screen shows: a fake, a replay, or a real one.</summary>
    public ILabSession LabSession { get; }

    public FakeSession Session => LabSession as FakeSession ?? throw new InvalidOperationException($"the screen shows a {LabSession.GetType().Name}, not a FakeSession");

    public MainWindow Window { get; }

    public FakeActions Actions => Session.FakeActions;

    public static TuiScreen Open(int width = 80, int height = 24, FakeSession? session = null, Theme? theme = null, RedisHaTui.Core.Walkthrough.Walkthrough? walkthrough = null)
    {
        session ??= new FakeSession(FakeLab.Definition());
        if (session.Store.Current.Version == 0) session.Publish(FakeLab.Healthy(session.Lab));
        return new TuiScreen(width, height, session, theme ?? Theme.Default, walkthrough);
    }

    /// <summary>The main window over any session (a replay, a real lab) at a size, as the app would draw it.</summary>
    public static TuiScreen Over(ILabSession session, int width = 80, int height = 24, Theme? theme = null, RedisHaTui.Core.Walkthrough.Walkthrough? walkthrough = null) =>
        new(width, height, session, theme ?? Theme.Default, walkthrough);

    /// <summary>
    /// The screen a session shows now, at a size, as text: what a test compares between a live session and its replay
    /// at the same moment. The status line (the keys live, the scrub bar in a replay) is the last row.
    /// </summary>
    public static string Render(ILabSession session, int width, int height, RedisHaTui.Core.Walkthrough.Walkthrough? walkthrough = null)
    {
        using TuiScreen screen = Over(session, width, height, walkthrough: walkthrough);
        return screen.Text;
    }

    /// <summary>The screen as text, rows joined by newlines, after drawing whatever changed.</summary>
    public string Text
    {
        get
        {
            App.LayoutAndDraw();
            return App.Driver!.ToString()!;
        }
    }

    public IReadOnlyList<string> Rows => Text.Split('\n');

    public void Press(params Key[] keys)
    {
        foreach (Key key in keys) App.InjectKey(key);
        App.LayoutAndDraw();
    }

    /// <summary>Types text as the keyboard would: one key per character.</summary>
    public void Type(string text)
    {
        foreach (char c in text) App.InjectKey(new Key(c));
        App.LayoutAndDraw();
    }

    public void Click(int x, int y)
    {
        App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(x, y)));
        App.LayoutAndDraw();
    }

    public void Wheel(int x, int y, bool up)
    {
        App.InjectMouse(new Mouse { Flags = up ? MouseFlags.WheeledUp : MouseFlags.WheeledDown, ScreenPosition = new Point(x, y) });
        App.LayoutAndDraw();
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
    }

    /// <summary>Pumps the UI thread's queue (Invoke from background actions) until the condition holds or 5 s pass.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(5)) throw new TimeoutException($"timed out waiting for {what}\n{Text}");
            Thread.Sleep(5);
            App.TimedEvents?.RunTimers();
        }
        App.LayoutAndDraw();
    }

    /// <summary>The row and column where <paramref name="text"/> first appears, or (-1, -1).</summary>
    public (int Row, int Col) Find(string text)
    {
        IReadOnlyList<string> rows = Rows;
        for (int r = 0; r < rows.Count; r++)
        {
            int c = rows[r].IndexOf(text, StringComparison.Ordinal);
            if (c >= 0) return (r, c);
        }
        return (-1, -1);
    }

    public void Dispose()
    {
        Window.Quit();
        App.End(_token);
        Window.Dispose();
        App.Dispose();
    }
}
