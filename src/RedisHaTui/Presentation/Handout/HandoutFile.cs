using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation.Handout;

/// <summary>
/// Writes a handout so a reader never sees half a file: into a temporary file beside it, then renamed over it
/// (a rename within one folder is atomic on Linux and macOS). `events --export` rewrites it as the session goes.
/// </summary>
public static class HandoutFile
{
    public static void Write(string path, HandoutFormat format, LabSnapshot s, TimeZoneInfo zone, DateTimeOffset now)
    {
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            File.WriteAllText(temp, HandoutFormats.Render(format, s, zone, now));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>A file name for the session's handout, e.g. handout-20261128-031500.md.</summary>
    public static string NameFor(DateTimeOffset now, TimeZoneInfo zone) => $"handout-{TimeZoneInfo.ConvertTime(now, zone):yyyyMMdd-HHmmss}.md";
}
