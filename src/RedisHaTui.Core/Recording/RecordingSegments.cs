namespace RedisHaTui.Core.Recording;

/// <summary>
/// A recording kept bounded is two files: FILE, being written, and FILE.1, the part before it (the oldest part is
/// dropped when FILE rotates into FILE.1). Readers read FILE.1 first when it is there.
/// </summary>
public static class RecordingSegments
{
    public static string Older(string path) => path + ".1";

    /// <summary>The segments of a recording, oldest first, that exist.</summary>
    public static IReadOnlyList<string> Of(string path) =>
        File.Exists(Older(path)) ? [Older(path), path] : [path];
}
