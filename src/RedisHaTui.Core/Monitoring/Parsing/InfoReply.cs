namespace RedisHaTui.Core.Monitoring.Parsing;

/// <summary>The text of a Redis INFO reply: "# Section" headers and "key:value" lines.</summary>
public sealed class InfoReply
{
    private InfoReply(IReadOnlyDictionary<string, string> fields, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> sections)
    {
        Fields = fields;
        Sections = sections;
    }

    /// <summary>Every field of every section (keys are unique across sections in practice).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    /// <summary>Fields by section, the section name in lower case ("replication", "keyspace").</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Sections { get; }

    /// <summary>Parses CRLF or LF text; lines that are not "key:value" are ignored, never thrown on.</summary>
    public static InfoReply Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var sections = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            if (line.StartsWith('#'))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections[line.TrimStart('#').Trim().ToLowerInvariant()] = current;
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0) continue;
            string key = line[..colon], value = line[(colon + 1)..];
            fields[key] = value;
            if (current is null)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections[""] = current;
            }
            current[key] = value;
        }
        return new InfoReply(fields, sections);
    }

    public string? Get(string key) => Fields.TryGetValue(key, out string? v) ? v : null;

    public long? GetLong(string key) => long.TryParse(Get(key), out long v) ? v : null;

    public int? GetInt(string key) => int.TryParse(Get(key), out int v) ? v : null;
}
