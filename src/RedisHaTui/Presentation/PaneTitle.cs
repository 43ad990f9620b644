namespace RedisHaTui.Presentation;

/// <summary>
/// A pane's title, shortened to what its border can show: the name and port matter most (they are what a
/// presenter reads out), the selection number is a convenience that goes first when space runs out.
/// </summary>
internal static class PaneTitle
{
    /// <summary>Columns the border takes around a title: two corners and the two brackets that frame it.</summary>
    public const int BorderCells = 4;

    public static string For(int number, string name, int port, int paneWidth)
    {
        int room = paneWidth - BorderCells;
        // A deployment's processes are named by their address: the port is in the name already.
        if (name.EndsWith($":{port}", StringComparison.Ordinal))
        {
            string full = number <= 9 ? $"{number} {name}" : name;
            return full.Length <= room ? full : TextFit.Truncate(name, Math.Max(1, room));
        }
        string[] choices =
        [
            number <= 9 ? $"{number} {name} :{port}" : $"{name} :{port}",
            $"{name} :{port}",
            $"{name}:{port}",
        ];
        return choices.FirstOrDefault(c => c.Length <= room) ?? TextFit.Truncate(name, Math.Max(1, room));
    }
}
