using System.Collections.Immutable;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Network;

/// <summary>
/// A partition: two sides of members (processes and clients). Every link between a member of one side and a member
/// of the other is cut; members on neither side keep reaching everyone. A target set as data, not a name as a string.
/// </summary>
public sealed record NetworkCut(ValueArray<string> Left, ValueArray<string> Right)
{
    /// <summary>True when the link between these two members crosses the cut (either direction).</summary>
    public bool Separates(string? a, string? b) =>
        a is not null && b is not null && ((Has(Left, a) && Has(Right, b)) || (Has(Right, a) && Has(Left, b)));

    /// <summary>Which side a member is on: 0 left, 1 right, null neither.</summary>
    public int? SideOf(string name) => Has(Left, name) ? 0 : Has(Right, name) ? 1 : null;

    /// <summary>The cut links between processes ("node1 ✕ node2"), for the screen and the CLI; clients are named by side.</summary>
    public IEnumerable<(string From, string To)> Links(IEnumerable<string> processes)
    {
        string[] names = [.. processes];
        for (int i = 0; i < names.Length; i++)
            for (int j = i + 1; j < names.Length; j++)
                if (Separates(names[i], names[j])) yield return (names[i], names[j]);
    }

    /// <summary>"node1, sentinel1, A / node2, sentinel2, sentinel3, B": as `partition` takes it.</summary>
    public override string ToString() => $"{string.Join(", ", Left)} / {string.Join(", ", Right)}";

    private static bool Has(ValueArray<string> side, string name) => side.Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads a partition as the CLI and the custom fault entry take it: two sides separated by '/', each a comma list of
/// process and client names, "rest" meaning every member not on the other side (<c>node1,sentinel1,A / rest</c>).
/// </summary>
public static class NetworkCutSpec
{
    /// <summary>The cut, or why the text is not one (naming the word that is wrong); never throws.</summary>
    public static (NetworkCut? Cut, string? Problem) Parse(string spec, LabNetwork network)
    {
        string[] sides = spec.Split('/');
        if (sides.Length != 2)
            return (null, $"'{spec}': expected two sides separated by '/', e.g. node1,sentinel1,A / rest");
        var names = network.Members.Select(m => m.Name).ToArray();
        var parsed = new List<string>[2];
        bool[] rest = new bool[2];
        for (int i = 0; i < 2; i++)
        {
            parsed[i] = [];
            foreach (string word in sides[i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (string.Equals(word, "rest", StringComparison.OrdinalIgnoreCase)) { rest[i] = true; continue; }
                if (network.Member(word) is not { } member)
                    return (null, $"'{word}' is not a process or client of this lab (known: {string.Join(", ", names)}, rest)");
                if (parsed[i].Contains(member.Name)) continue;
                parsed[i].Add(member.Name);
            }
            if (parsed[i].Count == 0 && !rest[i])
                return (null, $"side {i + 1} of '{spec}' is empty: name at least one process or client, or rest");
        }
        if (rest[0] && rest[1]) return (null, "'rest' can stand for one side only");
        if (parsed[0].Intersect(parsed[1]).FirstOrDefault() is { } both)
            return (null, $"'{both}' is on both sides");
        for (int i = 0; i < 2; i++)
            if (rest[i]) parsed[i].AddRange(names.Where(n => !parsed[1 - i].Contains(n) && !parsed[i].Contains(n)));
        if (parsed[0].Count == 0 || parsed[1].Count == 0)
            return (null, $"'{spec}' leaves one side empty: nothing would be cut");
        return (new NetworkCut([.. parsed[0]], [.. parsed[1]]), null);
    }
}
