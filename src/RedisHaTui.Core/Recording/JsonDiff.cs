using System.Text.Json.Nodes;

namespace RedisHaTui.Core.Recording;

/// <summary>
/// A generic diff of two JSON documents as a list of operations, and their application: what a delta line holds.
/// Objects are compared property by property, lists element by element, and a list that dropped its front and
/// grew at its end (the timeline, the write load's seconds) says so in two short operations instead of shifting
/// every element. Paths are JSON Pointers (RFC 6901). Each operation is an array:
/// <c>["=", path, value]</c> set, <c>["-", path]</c> remove a property, <c>["&lt;", path, n]</c> drop the first n
/// elements, <c>["+", path, [items]]</c> append, <c>["&gt;", path, n]</c> keep only the first n.
/// </summary>
public static class JsonDiff
{
    public const string Set = "=", Remove = "-", DropFront = "<", Append = "+", Truncate = ">";

    /// <summary>The operations that turn <paramref name="before"/> into <paramref name="after"/>; empty when they are equal.</summary>
    public static JsonArray Diff(JsonNode? before, JsonNode? after)
    {
        var ops = new JsonArray();
        Compare(before, after, "", ops);
        return ops;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string path, JsonArray ops)
    {
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (KeyValuePair<string, JsonNode?> p in b)
                {
                    string child = path + "/" + Escape(p.Key);
                    if (a.TryGetPropertyValue(p.Key, out JsonNode? old)) Compare(old, p.Value, child, ops);
                    else Push(ops, Op(Set, child, p.Value));
                }
                foreach (KeyValuePair<string, JsonNode?> p in a)
                    if (!b.ContainsKey(p.Key)) Push(ops, new JsonArray(Remove, path + "/" + Escape(p.Key)));
                break;
            case (JsonArray a, JsonArray b):
                CompareLists(a, b, path, ops);
                break;
            default:
                if (!JsonNode.DeepEquals(before, after)) Push(ops, Op(Set, path, after));
                break;
        }
    }

    private static void CompareLists(JsonArray a, JsonArray b, string path, JsonArray ops)
    {
        // Where the new list starts in the old one: a bounded list that dropped its oldest elements.
        int drop = 0;
        if (b.Count > 0 && a.Count > 0 && !JsonNode.DeepEquals(a[0], b[0]))
            for (int d = 1; d < a.Count; d++)
                if (JsonNode.DeepEquals(a[d], b[0])) { drop = d; break; }
        if (drop > 0) Push(ops, new JsonArray(DropFront, path, drop));
        int overlap = Math.Min(a.Count - drop, b.Count);
        for (int i = 0; i < overlap; i++) Compare(a[drop + i], b[i], path + "/" + i, ops);
        if (b.Count > overlap)
        {
            var items = new JsonArray();
            for (int i = overlap; i < b.Count; i++) Push(items, b[i]?.DeepClone());
            Push(ops, new JsonArray(Append, path, items));
        }
        else if (a.Count - drop > b.Count) Push(ops, new JsonArray(Truncate, path, b.Count));
    }

    /// <summary>JsonArray.Add&lt;T&gt; would pick the reflection-based overload for a JsonArray item (not NativeAOT-safe).</summary>
    private static void Push(JsonArray array, JsonNode? item) => ((ICollection<JsonNode?>)array).Add(item);

    private static JsonArray Op(string kind, string path, JsonNode? value) => new(kind, path, value?.DeepClone());

    /// <summary>Applies <paramref name="ops"/> to <paramref name="document"/> in place; returns the document (a new one when the root itself was set).</summary>
    /// <exception cref="FormatException">An operation that does not fit the document (a corrupt or foreign delta).</exception>
    public static JsonNode? Apply(JsonNode? document, JsonArray ops)
    {
        foreach (JsonNode? node in ops)
        {
            if (node is not JsonArray { Count: >= 2 } op || op[0]?.GetValue<string>() is not { } kind || op[1]?.GetValue<string>() is not { } path)
                throw new FormatException($"not a diff operation: {node?.ToJsonString()}");
            if (path.Length == 0)
            {
                if (kind != Set || op.Count < 3) throw new FormatException($"only a set can replace the whole document: {op.ToJsonString()}");
                document = op[2]?.DeepClone();
                continue;
            }
            (JsonNode parent, string last) = Parent(document, path);
            switch (kind)
            {
                case Set:
                    JsonNode? value = op.Count > 2 ? op[2]?.DeepClone() : null;
                    if (parent is JsonObject o) o[last] = value;
                    else List(parent, path)[Index(last, path)] = value;
                    break;
                case Remove:
                    if (parent is not JsonObject from || !from.Remove(last)) throw new FormatException($"nothing to remove at {path}");
                    break;
                case DropFront:
                {
                    JsonArray list = Target(parent, last, path);
                    int n = op[2]!.GetValue<int>();
                    if (n > list.Count) throw new FormatException($"cannot drop {n} of {list.Count} at {path}");
                    for (int i = 0; i < n; i++) list.RemoveAt(0);
                    break;
                }
                case Append:
                {
                    JsonArray list = Target(parent, last, path);
                    foreach (JsonNode? item in (JsonArray)op[2]!) Push(list, item?.DeepClone());
                    break;
                }
                case Truncate:
                {
                    JsonArray list = Target(parent, last, path);
                    int n = op[2]!.GetValue<int>();
                    while (list.Count > n) list.RemoveAt(list.Count - 1);
                    break;
                }
                default:
                    throw new FormatException($"unknown diff operation '{kind}' at {path}");
            }
        }
        return document;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode? document, string path)
    {
        string[] parts = path.Split('/');
        if (parts[0].Length != 0) throw new FormatException($"not a JSON pointer: {path}");
        JsonNode? at = document;
        for (int i = 1; i < parts.Length - 1; i++)
        {
            string key = Unescape(parts[i]);
            at = at switch
            {
                JsonObject o => o[key],
                JsonArray a => a[Index(key, path)],
                _ => null,
            };
        }
        return (at ?? throw new FormatException($"no such place in the document: {path}"), Unescape(parts[^1]));
    }

    private static JsonArray Target(JsonNode parent, string last, string path) =>
        (parent is JsonObject o ? o[last] : List(parent, path)[Index(last, path)]) as JsonArray
        ?? throw new FormatException($"not a list at {path}");

    private static JsonArray List(JsonNode node, string path) => node as JsonArray ?? throw new FormatException($"not a list above {path}");

    private static int Index(string key, string path) =>
        int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int i) ? i : throw new FormatException($"not a list index in {path}");

    private static string Escape(string key) => key.Contains('~') || key.Contains('/') ? key.Replace("~", "~0").Replace("/", "~1") : key;

    private static string Unescape(string key) => key.Contains('~') ? key.Replace("~1", "/").Replace("~0", "~") : key;
}
