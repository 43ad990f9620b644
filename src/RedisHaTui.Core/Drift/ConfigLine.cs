using System.Text;

namespace RedisHaTui.Core.Drift;

/// <summary>
/// One directive line of a redis.conf or sentinel.conf, split the way Redis splits it (sdssplitargs: "double"
/// quotes with \" \\ \n \xHH escapes, 'single' quotes, plain words). Two lines are the same setting when their
/// directive and arguments are equal, whatever the quoting, spacing or case of the directive.
/// </summary>
/// <param name="Directive">Lower case; for Sentinel's own settings the two words ("sentinel monitor").</param>
/// <param name="Arguments">The arguments after the directive, unquoted.</param>
/// <param name="Text">The line as written in the file, trimmed.</param>
public sealed record ConfigLine(string Directive, IReadOnlyList<string> Arguments, string Text)
{
    // Arguments that are, or derive from, a password: never printed (design.md: secrets are a type, not a string).
    private static readonly Dictionary<string, int> SecretArgument = new(StringComparer.Ordinal)
    {
        ["requirepass"] = 0, ["masterauth"] = 0, ["sentinel auth-pass"] = 1, ["sentinel sentinel-pass"] = 0,
    };

    /// <summary>The comparison key: directive and arguments, quoting and spacing ignored.</summary>
    public string Key => Directive + "\u0001" + string.Join("\u0001", Arguments);

    /// <summary>
    /// The line as it may be shown: directive and arguments, re-quoted where needed, with passwords (and the
    /// hashed or plain passwords of an ACL `user` line) replaced by "(redacted)".
    /// </summary>
    public string Display
    {
        get
        {
            var shown = new List<string>(Arguments.Count);
            for (int i = 0; i < Arguments.Count; i++)
            {
                string a = Arguments[i];
                bool secret = SecretArgument.TryGetValue(Directive, out int at) && i == at
                              || Directive == "user" && a.Length > 0 && a[0] is '>' or '#' or '<' or '!';
                shown.Add(secret ? "(redacted)" : Quote(a));
            }
            return shown.Count == 0 ? Directive : Directive + " " + string.Join(' ', shown);
        }
    }

    /// <summary>The directive line of <paramref name="raw"/>, or null for a blank line or a comment.</summary>
    public static ConfigLine? Parse(string raw)
    {
        string text = raw.Trim();
        if (text.Length == 0 || text[0] == '#') return null;
        List<string> words = Split(text) ?? [.. text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)];
        if (words.Count == 0) return null;
        string directive = words[0].ToLowerInvariant();
        int skip = 1;
        // Sentinel's settings are "sentinel <name> …": the second word says which one.
        if (directive == "sentinel" && words.Count > 1)
        {
            directive += " " + words[1].ToLowerInvariant();
            skip = 2;
        }
        return new ConfigLine(directive, words.Skip(skip).ToArray(), text);
    }

    /// <summary>Every directive line of a config file's text, in order.</summary>
    public static IReadOnlyList<ConfigLine> ParseAll(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(Parse).OfType<ConfigLine>()];

    /// <summary>Redis's sdssplitargs; null when the quotes do not balance (Redis would refuse the file).</summary>
    internal static List<string>? Split(string line)
    {
        var words = new List<string>();
        int i = 0;
        while (true)
        {
            while (i < line.Length && char.IsWhiteSpace(line[i])) i++;
            if (i >= line.Length) return words;
            var word = new StringBuilder();
            char quote = line[i] is '"' or '\'' ? line[i++] : '\0';
            while (true)
            {
                if (i >= line.Length)
                {
                    if (quote != '\0') return null; // unterminated quotes
                    break;
                }
                char c = line[i];
                if (quote == '\0')
                {
                    if (char.IsWhiteSpace(c)) break;
                    word.Append(c);
                    i++;
                }
                else if (quote == '"' && c == '\\' && i + 3 < line.Length && line[i + 1] == 'x' && IsHex(line[i + 2]) && IsHex(line[i + 3]))
                {
                    word.Append((char)Convert.ToByte(line.Substring(i + 2, 2), 16));
                    i += 4;
                }
                else if (quote == '"' && c == '\\' && i + 1 < line.Length)
                {
                    word.Append(line[i + 1] switch { 'n' => '\n', 'r' => '\r', 't' => '\t', 'b' => '\b', 'a' => '\a', var e => e });
                    i += 2;
                }
                else if (quote == '\'' && c == '\\' && i + 1 < line.Length && line[i + 1] == '\'')
                {
                    word.Append('\'');
                    i += 2;
                }
                else if (c == quote)
                {
                    i++;
                    // A closing quote must end the word: "a"b is refused by Redis too.
                    if (i < line.Length && !char.IsWhiteSpace(line[i])) return null;
                    break;
                }
                else
                {
                    word.Append(c);
                    i++;
                }
            }
            words.Add(word.ToString());
        }
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static string Quote(string a) =>
        a.Length > 0 && !a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' || char.IsControl(c))
            ? a
            : "\"" + a.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t") + "\"";
}
