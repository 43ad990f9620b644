using RedisHaTui.Core.Lab;
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

    /// <summary>
    /// Where the screen's `e` puts handouts: a <c>handouts/</c> folder beside the lab file (for the built-in lab, under
    /// the state folder, where its lab file is), never inside the run directory, which <c>reset</c> and
    /// <c>--walkthrough</c> delete: what the presenter made is theirs. A deployment has no lab file: the current folder.
    /// </summary>
    public static string FolderFor(LabDefinition lab) =>
        lab.LabFile.Length > 0 ? Path.Combine(lab.LabDirectory, "handouts") : Environment.CurrentDirectory;

    /// <summary>A file name for the session's handout, e.g. handout-20261128-031500.md.</summary>
    public static string NameFor(DateTimeOffset now, TimeZoneInfo zone) => $"handout-{TimeZoneInfo.ConvertTime(now, zone):yyyyMMdd-HHmmss}.md";
}
