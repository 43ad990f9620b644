using System.Text.Json;

namespace RedisHaTui.Cli;

/// <summary>
/// A saved way to reach a deployment (--profile FILE): the deployment options in a JSON file, so a drill is one
/// short command. It holds no secret: a "password" key is refused; name a passwordFile, or use REDISCLI_AUTH.
/// Options on the command line win over the file.
/// </summary>
/// <example>{ "sentinels": "10.0.0.5:26379,10.0.0.6:26379", "master": "mymaster", "user": "ops", "passwordFile": "~/.redis-pass" }</example>
public sealed record ConnectionProfile(string? Sentinels, string? Master, string? User, string? PasswordFile, bool AllowWrites, bool AllowFailover,
    bool Tls = false, string? TlsCaFile = null)
{
    private static readonly string[] Keys = ["sentinels", "master", "user", "passwordFile", "allowWrites", "allowFailover", "tls", "tlsCaFile"];

    /// <summary>The profile, or why it cannot be used (named for the file and the key).</summary>
    public static (ConnectionProfile? Profile, string? Error) Load(string path)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return (null, $"--profile {path}: cannot read it ({e.GetType().Name.Replace("Exception", "")})"); }
        catch (JsonException e) { return (null, $"--profile {path}:{(e.LineNumber ?? 0) + 1}: malformed JSON"); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return (null, $"--profile {path}: expected a JSON object");
            var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
            foreach (JsonProperty p in document.RootElement.EnumerateObject())
            {
                if (p.Name.Equals("password", StringComparison.OrdinalIgnoreCase))
                    return (null, $"--profile {path}: a profile holds no password: name a \"passwordFile\" (mode 600), or set REDISCLI_AUTH");
                if (!Keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase))
                    return (null, $"--profile {path}: unknown key '{p.Name}' (known: {string.Join(", ", Keys)})");
                values[p.Name] = p.Value.Clone();
            }
            string? Text(string key) => values.TryGetValue(key, out JsonElement v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            bool Flag(string key) => values.TryGetValue(key, out JsonElement v) && v.ValueKind == JsonValueKind.True;
            // Paths are relative to the profile, as lab.json's are relative to lab.json; ~ as in a shell.
            string? FilePath(string key) => Text(key) is not { } file ? null
                : file.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), file[2..])
                : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, file));
            return (new ConnectionProfile(Text("sentinels"), Text("master"), Text("user"), FilePath("passwordFile"), Flag("allowWrites"), Flag("allowFailover"),
                Flag("tls"), FilePath("tlsCaFile")), null);
        }
    }
}
