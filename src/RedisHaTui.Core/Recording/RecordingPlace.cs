using System.Security.Cryptography;
using System.Text;
using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Recording;

/// <summary>How a session watches what it records: written in the header, and it decides the default place.</summary>
public enum RecordingMode { Owned, Attached, Deployment }

/// <summary>
/// Where a session records: FILE when one is named (--record, Ui:Record), nowhere when recording is off, else
/// <see cref="RecordingFormat.DefaultFileName"/> in the lab's run directory for a lab this app owns, and in the
/// user's state folder for an attached session or a deployment (the run directory is the owner's; two watchers of
/// one lab would otherwise write one file). Never under the lab's lab/ templates.
/// </summary>
public static class RecordingPlace
{
    /// <summary>The Ui:Record values that turn recording off (--no-record writes the first).</summary>
    public static readonly string[] OffWords = ["off", "false", "no", "none"];

    public static string ModeName(RecordingMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The file to record into, or null with no problem when recording is off; a problem names what is wrong.</summary>
    public static (string? Path, string? Problem) Resolve(string? setting, LabDefinition lab, RecordingMode mode)
    {
        string value = setting?.Trim() ?? "";
        if (OffWords.Contains(value, StringComparer.OrdinalIgnoreCase)) return (null, null);
        string path = Path.GetFullPath(value.Length > 0 ? value : Default(lab, mode));
        if (Directory.Exists(path)) return (null, $"--record {value}: is a folder; name a file");
        // A deployment's processes have no folder on this machine (empty): nothing of theirs to keep the recording out of.
        foreach (string templates in lab.Processes.Where(p => p.Folder.Length > 0).Select(p => Path.GetDirectoryName(Path.GetFullPath(p.Folder))).OfType<string>().Distinct())
            if (templates.Length > 0 && path.StartsWith(templates + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                return (null, $"--record {value}: is under {LabLoader.Relative(templates)}, the lab's templates, which running the lab never changes; choose another place");
        return (path, null);
    }

    private static string Default(LabDefinition lab, RecordingMode mode) => mode switch
    {
        RecordingMode.Owned => Path.Combine(lab.RunDirectory, RecordingFormat.DefaultFileName),
        RecordingMode.Attached => Path.Combine(UserFolders.State, "sessions", $"attached-{Short(lab.RunDirectory)}", RecordingFormat.DefaultFileName),
        _ => Path.Combine(UserFolders.State, "sessions",
            $"deployment-{Safe(lab.MasterName)}-{Short(string.Join(",", lab.Sentinels.Select(s => s.Endpoint.ToString()).Order(StringComparer.Ordinal)))}",
            RecordingFormat.DefaultFileName),
    };

    /// <summary>A short stable name for a place: the first 8 hex digits of its SHA-256.</summary>
    private static string Short(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];

    private static string Safe(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
