using System.Security.Cryptography;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// The one place the lab's password is read or made: from Lab:Auth:PasswordFile when given, else from the run
/// directory's secrets/password, generated there once (cryptographically random) and kept for later runs, so a
/// lab started by hand, `status` and `down` all find the same one. The password leaves this class only as a
/// <see cref="Secret"/>; every message here names files and keys, never their content.
/// </summary>
public static class LabSecrets
{
    /// <summary>Owner read and write only: what the password file and every config holding it get.</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Owner only: the folders holding secrets.</summary>
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    public const int GeneratedLength = 32;

    /// <summary>The security every connection to the lab uses; <see cref="ConnectionSecurity.None"/> when auth is off.</summary>
    /// <param name="shown">The lab file as messages name it.</param>
    public static ConnectionSecurity Resolve(LabDefinition lab, AuthSettings auth, string shown)
    {
        if (!auth.Enabled) return ConnectionSecurity.None;
        Secret password = string.IsNullOrWhiteSpace(auth.PasswordFile)
            ? ReadOrGenerate(new RunDirectory(lab).PasswordPath)
            : ReadSupplied(Path.GetFullPath(Path.Combine(lab.LabDirectory, auth.PasswordFile)), $"{shown}: Lab:Auth:PasswordFile");
        return new ConnectionSecurity(new RedisCredentials(null, password));
    }

    /// <summary>A file someone else made: it must be theirs alone and hold one usable line.</summary>
    private static Secret ReadSupplied(string path, string key)
    {
        string shown = LabLoader.Relative(path);
        if (!File.Exists(path)) throw new LabLoadException($"{key}: {shown} not found");
        UnixFileMode mode = OperatingSystem.IsWindows() ? OwnerOnlyFile : File.GetUnixFileMode(path);
        // As ssh does with a private key: a password others can read is not a secret any more.
        if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
            throw new LabLoadException($"{key}: {shown} can be read or written by others (mode {Octal(mode)}): chmod 600 {shown}");
        string value;
        try { value = FirstLine(File.ReadAllText(path)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabLoadException($"{key}: cannot read {shown} ({e.GetType().Name})");
        }
        if (Problem(value) is { } why) throw new LabLoadException($"{key}: the password in {shown} {why}");
        return new Secret(value);
    }

    private static Secret ReadOrGenerate(string path)
    {
        string folder = Path.GetDirectoryName(path)!;
        try
        {
            Directory.CreateDirectory(folder);
            Restrict(folder, OwnerOnlyFolder);
            if (!File.Exists(path))
            {
                // Written whole under another name, then moved into place without overwriting: two apps starting
                // at once agree on one password, and nobody ever reads a half-written file. Created 0600, never
                // readable by others even for an instant.
                string temporary = path + "." + Environment.ProcessId + ".tmp";
                WriteOwnerOnly(temporary, RandomNumberGenerator.GetString(Alphabet, GeneratedLength) + "\n");
                try { File.Move(temporary, path, overwrite: false); }
                catch (IOException) when (File.Exists(path)) { File.Delete(temporary); }
            }
            Restrict(path, OwnerOnlyFile);
            string value = FirstLine(File.ReadAllText(path));
            if (Problem(value) is { } why) throw new LabLoadException($"{LabLoader.Relative(path)}: the password there {why} (delete the file to get a new one)");
            return new Secret(value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LabLoadException($"cannot keep the lab's password in {LabLoader.Relative(path)}: {e.Message}");
        }
    }

    /// <summary>Sets a mode where modes exist (the lab runs on Linux; Windows has none to set).</summary>
    internal static void Restrict(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }

    /// <summary>
    /// Writes a file that is 0600 before any byte is in it: a new file is created so, an existing one is
    /// restricted first.
    /// </summary>
    internal static void WriteOwnerOnly(string path, string text)
    {
        if (File.Exists(path)) Restrict(path, OwnerOnlyFile);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        using var writer = new StreamWriter(new FileStream(path, options));
        writer.Write(text);
    }

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n')[0].Trim();

    /// <summary>
    /// Why a password cannot go into redis.conf and sentinel.conf as one plain word; null when it can. Says what
    /// is wrong, never the value.
    /// </summary>
    internal static string? Problem(string value) =>
        value.Length == 0 ? "is empty"
        : value.Length > 512 ? "is longer than 512 characters"
        : value.Any(c => c <= ' ' || c > '~' || c is '"' or '\'' || c == '\\') ? "holds a space, a quote, a backslash or a character outside printable ASCII"
        : null;

    private static string Octal(UnixFileMode mode) => Convert.ToString((int)mode, 8);
}
