using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// Which configuration keys exist, derived from the settings classes so a new setting needs no second edit.
/// The binder silently ignores a misspelt key; this catches it and suggests the closest real one. The shapes come
/// from System.Text.Json's source generator (<see cref="SettingsShapes"/>), not from runtime reflection, so the
/// check works the same in a trimmed NativeAOT build.
/// </summary>
internal static class KnownKeys
{
    public static readonly IReadOnlyDictionary<string, JsonTypeInfo> Sections = new Dictionary<string, JsonTypeInfo>(StringComparer.OrdinalIgnoreCase)
    {
        ["Lab"] = SettingsShapes.Default.LabSettings,
        ["Redis"] = SettingsShapes.Default.RedisSettings,
        ["Monitor"] = SettingsShapes.Default.MonitorSettings,
        ["Ui"] = SettingsShapes.Default.UiSettings,
        ["Load"] = SettingsShapes.Default.LoadSettings,
    };

    /// <summary>
    /// Null when the key is known and its value fits its type; otherwise why not, with a suggestion where one is
    /// close. The type is checked here because the binder silently drops a list element it cannot convert.
    /// </summary>
    public static string? Check(string key, string value)
    {
        string[] parts = key.Split(':');
        if (parts[0] == "$schema") return null;
        if (!Sections.TryGetValue(parts[0], out JsonTypeInfo? shape))
            return $"unknown section '{parts[0]}'{Suggest(parts[0], Sections.Keys)}";
        Type type = shape.Type;
        for (int i = 1; i < parts.Length; i++)
        {
            // Said before anything else, and without the value: a password written into lab.json ends up in
            // version control, backups and screen shares.
            if (type == typeof(AuthSettings) && string.Equals(parts[i], "Password", StringComparison.OrdinalIgnoreCase))
                return "a password never goes in lab.json, the environment or the command line: write it to a file only you can read " +
                       "(chmod 600) and set Lab:Auth:PasswordFile to its path, or leave it out and one is generated in the run directory";
            if (shape.Kind != JsonTypeInfoKind.Object) return $"'{parts[i - 1]}' has no keys under it";
            JsonPropertyInfo? property = shape.Properties.FirstOrDefault(p => string.Equals(p.Name, parts[i], StringComparison.OrdinalIgnoreCase));
            if (property is null)
                return $"unknown key '{parts[i]}'{Suggest(parts[i], shape.Properties.Select(p => p.Name))}";
            type = property.PropertyType;
            shape = Shape(type);
            if (shape.Kind == JsonTypeInfoKind.Enumerable && shape.ElementType is { } element)
            {
                if (i + 1 < parts.Length && !int.TryParse(parts[i + 1], out _))
                    return $"'{parts[i]}' is a list: expected an index after it, found '{parts[i + 1]}'";
                type = element;
                shape = Shape(type);
                i++;
            }
        }
        if (shape.Kind == JsonTypeInfoKind.Object && value.Length > 0) return "is a section: expected keys under it, not a value";
        if (type == typeof(int) && !int.TryParse(value, out _)) return $"'{value}' is not a whole number";
        if (type == typeof(bool) && !bool.TryParse(value, out _)) return $"'{value}' is not true or false";
        return null;
    }

    /// <summary>The generated shape of a settings type, of a list of them, or of a value (string, int, bool).</summary>
    private static JsonTypeInfo Shape(Type type) =>
        SettingsShapes.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"{type.Name} is not in {nameof(SettingsShapes)}");

    private static string Suggest(string wrong, IEnumerable<string> candidates)
    {
        string? best = candidates.OrderBy(c => Distance(wrong.ToLowerInvariant(), c.ToLowerInvariant())).FirstOrDefault();
        return best is not null && Distance(wrong.ToLowerInvariant(), best.ToLowerInvariant()) <= Math.Max(2, wrong.Length / 3)
            ? $" (did you mean '{best}'?)"
            : $" (known: {string.Join(", ", candidates)})";
    }

    private static int Distance(string a, string b)
    {
        int[] previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (int i = 1; i <= a.Length; i++)
        {
            int[] current = new int[b.Length + 1];
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}

/// <summary>
/// The settings classes' shapes, generated at build time: every type reachable from the four sections is in
/// it, so a new setting (or a new nested section) is known without a second edit. Used for metadata only.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(LabSettings))]
[JsonSerializable(typeof(RedisSettings))]
[JsonSerializable(typeof(MonitorSettings))]
[JsonSerializable(typeof(UiSettings))]
[JsonSerializable(typeof(LoadSettings))]
internal sealed partial class SettingsShapes : JsonSerializerContext;
