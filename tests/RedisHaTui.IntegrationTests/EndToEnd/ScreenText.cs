using RedisHaTui.Core.Lab;

namespace RedisHaTui.Tests.EndToEnd;

/// <summary>Reading the app's screen as captured text (the end-to-end test and the screen benchmarks).</summary>
public static class ScreenText
{
    /// <summary>The row holding a pane's title ("┤2 node2 :7002├"), or -1.</summary>
    public static int TitleRow(string[] screen, ProcessDefinition process) =>
        Array.FindIndex(screen, r => r.Contains($" {process.Name} :{process.Port}"));

    /// <summary>The first word inside a pane, under its title: its badge (MASTER, REPLICA, DOWN…), or null.</summary>
    public static string? Badge(string[] screen, ProcessDefinition process)
    {
        int row = TitleRow(screen, process);
        if (row < 0 || row + 1 >= screen.Length) return null;
        int title = screen[row].IndexOf($" {process.Name} :{process.Port}", StringComparison.Ordinal);
        int border = screen[row].LastIndexOfAny(['╭', '┏', '╔', '┌'], title);
        string below = screen[row + 1];
        if (border < 0 || border + 1 >= below.Length) return null;
        return below[(border + 1)..].TrimStart().Split(' ', 2)[0];
    }

    /// <summary>The selected pane is drawn with a heavy border: its title is the one after "┏┥".</summary>
    public static string SelectedTitle(string[] screen)
    {
        foreach (string row in screen)
        {
            int at = row.IndexOf("┏┥", StringComparison.Ordinal);
            if (at >= 0) return row[(at + 2)..row.IndexOf('┝', at)];
        }
        return "";
    }
}
