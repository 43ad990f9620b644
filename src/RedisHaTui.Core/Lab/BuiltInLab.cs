using System.Reflection;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// The tutorial's lab (lab.json and lab/ of the repository, embedded at build time so lab/ stays the one source):
/// what an installed tool runs when no lab file is found, and what <c>init</c> writes into a folder.
/// </summary>
public static class BuiltInLab
{
    // Resource names are "builtin/" + the file's path in the repository (RedisHaTui.Core.csproj).
    private const string Prefix = "builtin/";

    /// <summary>Where the built-in lab's files are kept for running: its run directory goes under it too.</summary>
    public static string Folder => Path.Combine(UserFolders.State, "tutorial-lab");

    /// <summary>Every file of the built-in lab, by its path relative to the lab folder (lab.json, lab/node1/redis.conf …).</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        .. typeof(BuiltInLab).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..])
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>
    /// Brings <see cref="Folder"/> up to date with the embedded files (an upgrade may change them) and returns its
    /// lab.json. Only the template files are written; the run directory beside them is left alone.
    /// </summary>
    public static string Prepare()
    {
        try
        {
            foreach (string file in Files)
            {
                string target = Path.Combine(Folder, file);
                byte[] content = Read(file);
                if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(content)) continue;
                Write(target, content);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabLoadException($"the built-in lab cannot be written to {Folder}: {e.Message} (set XDG_STATE_HOME, or pass --lab PATH)");
        }
        return Path.Combine(Folder, LabLoader.DefaultLabFile);
    }

    /// <summary>
    /// The files <see cref="WriteTo"/> would overwrite in <paramref name="folder"/>: init refuses while there are any.
    /// </summary>
    public static IReadOnlyList<string> Existing(string folder) =>
        [.. Files.Where(f => File.Exists(Path.Combine(folder, f)))];

    /// <summary>Writes every file of the built-in lab under <paramref name="folder"/>, start.sh scripts executable.</summary>
    public static void WriteTo(string folder)
    {
        foreach (string file in Files) Write(Path.Combine(folder, file), Read(file));
    }

    private static void Write(string target, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, content);
        if (target.EndsWith(".sh", StringComparison.Ordinal) && !OperatingSystem.IsWindows())
            File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
    }

    private static byte[] Read(string file)
    {
        using Stream stream = typeof(BuiltInLab).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"built-in lab file {file} is not embedded");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
