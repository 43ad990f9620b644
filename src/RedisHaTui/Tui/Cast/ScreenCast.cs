using RedisHaTui.Core.Session;
using RedisHaTui.Presentation.Cast;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using Terminal.Gui.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace RedisHaTui.Tui.Cast;

/// <summary>
/// The screen of a session drawn headless, moment after moment, into an asciicast: the same MainWindow the
/// terminal shows, on Terminal.Gui's ANSI driver without a terminal (as the screen tests draw it), read back cell
/// by cell and painted as ANSI (<see cref="AnsiFrame"/>). The session decides what each moment looks like (a
/// replay seeks to it); this only draws and stamps the frames.
/// </summary>
internal static class ScreenCast
{
    /// <param name="moments">The moments to draw, in order; the first is the cast's start.</param>
    /// <param name="show">Brings the session to a moment (a replay's seek); called on this thread, before that moment is drawn.</param>
    /// <returns>The number of frames written (moments that changed nothing on screen are left out).</returns>
    public static int Render(ILabSession session, IReadOnlyList<DateTimeOffset> moments, Action<DateTimeOffset> show, CastSize size,
        Theme theme, TextWriter output, string? title = null, Core.Walkthrough.Walkthrough? walkthrough = null)
    {
        if (moments.Count == 0) return AsciicastWriter.Write(output, new AsciicastHeader(size.Width, size.Height, DateTimeOffset.UtcNow, title), []);
        using IApplication app = Application.Create().Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(size.Width, size.Height);
        using var window = new MainWindow(app, session, theme, TimeZoneInfo.Utc, walkthrough);
        SessionToken token = app.Begin(window)!;
        try
        {
            DateTimeOffset start = moments[0];
            return AsciicastWriter.Write(output, new AsciicastHeader(size.Width, size.Height, start, title), Frames());

            IEnumerable<CastFrame> Frames()
            {
                CastCell[][]? previous = null;
                foreach (DateTimeOffset moment in moments)
                {
                    show(moment);
                    window.Tick(); // the log panes redraw on the screen's timer: one tick per moment
                    app.LayoutAndDraw();
                    CastCell[][] current = Cells(app.Driver);
                    yield return new CastFrame(moment - start, AnsiFrame.Paint(previous, current));
                    previous = current;
                }
            }
        }
        finally
        {
            window.Quit();
            app.End(token);
        }
    }

    /// <summary>The driver's screen as cells; the column after a wide character is marked empty ("").</summary>
    internal static CastCell[][] Cells(IDriver driver)
    {
        Cell[,] contents = driver.Contents!;
        int rows = contents.GetLength(0), cols = contents.GetLength(1);
        var screen = new CastCell[rows][];
        for (int r = 0; r < rows; r++)
        {
            screen[r] = new CastCell[cols];
            for (int c = 0; c < cols; c++)
            {
                Cell cell = contents[r, c];
                string text = string.IsNullOrEmpty(cell.Grapheme) ? " " : cell.Grapheme;
                screen[r][c] = new CastCell(text, Style(cell.Attribute ?? Attribute.Default));
                if (text.GetColumns() == 2 && c + 1 < cols) screen[r][++c] = new CastCell("", screen[r][c - 1].Style);
            }
        }
        return screen;
    }

    private static CellStyle Style(Attribute a) => new(
        Rgb(a.Foreground), Rgb(a.Background),
        Bold: a.Style.HasFlag(TextStyle.Bold), Dim: a.Style.HasFlag(TextStyle.Faint), Italic: a.Style.HasFlag(TextStyle.Italic),
        Underline: a.Style.HasFlag(TextStyle.Underline), Reverse: a.Style.HasFlag(TextStyle.Reverse));

    private static int Rgb(Color c) => (c.R << 16) | (c.G << 8) | c.B;
}
