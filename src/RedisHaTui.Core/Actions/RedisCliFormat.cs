using System.Text;
using StackExchange.Redis;

namespace RedisHaTui.Core.Actions;

/// <summary>Command lines split and replies printed the way redis-cli does, so the tutorial's commands read the same.</summary>
public static class RedisCliFormat
{
    /// <summary>Splits "set k1 \"hello world\"" into words, honouring double and single quotes.</summary>
    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        bool inWord = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote is not null)
            {
                if (c == '\\' && quote == '"' && i + 1 < line.Length) { word.Append(line[++i] switch { 'n' => '\n', 't' => '\t', var x => x }); continue; }
                if (c == quote) { quote = null; continue; }
                word.Append(c);
            }
            else if (c is '"' or '\'') { quote = c; inWord = true; }
            else if (char.IsWhiteSpace(c)) { if (inWord) words.Add(word.ToString()); word.Clear(); inWord = false; }
            else { word.Append(c); inWord = true; }
        }
        if (quote is not null) throw new FormatException("unbalanced quotes");
        if (inWord) words.Add(word.ToString());
        return words;
    }

    public static string Format(RedisResult result) => Format(result, "");

    private static string Format(RedisResult result, string indent)
    {
        if (result.IsNull) return "(nil)";
        switch (result.Resp2Type)
        {
            case ResultType.Integer: return $"(integer) {(long)result}";
            case ResultType.SimpleString: return result.ToString() ?? "";
            case ResultType.BulkString:
                string text = result.ToString() ?? "";
                // redis-cli prints multi-line replies (INFO, CLIENT LIST) raw, and other strings quoted.
                return text.Contains('\n') ? text.TrimEnd('\r', '\n').ReplaceLineEndings("\n") : Quote(text);
            case ResultType.Array:
                var items = (RedisResult[])result!;
                if (items.Length == 0) return "(empty array)";
                var sb = new StringBuilder();
                int width = items.Length.ToString().Length;
                for (int i = 0; i < items.Length; i++)
                {
                    string number = $"{(i + 1).ToString().PadLeft(width)}) ";
                    string inner = Format(items[i], indent + new string(' ', number.Length));
                    sb.Append(i == 0 ? "" : indent).Append(number).Append(inner);
                    if (i < items.Length - 1) sb.Append('\n');
                }
                return sb.ToString();
            default: return result.ToString() ?? "";
        }
    }

    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (char c in s)
            sb.Append(c switch { '"' => "\\\"", '\\' => "\\\\", '\n' => "\\n", '\r' => "\\r", '\t' => "\\t", _ when c < ' ' => $"\\x{(int)c:x2}", _ => c.ToString() });
        return sb.Append('"').ToString();
    }
}
