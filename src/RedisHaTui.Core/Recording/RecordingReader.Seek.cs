using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Recording;

// Reading the lab and the logs "as they were at t" from the index.
public sealed partial class RecordingReader
{
    public LabSnapshot SnapshotAt(DateTimeOffset at)
    {
        if (_states.Count == 0) return LabSnapshot.Initial(Header.Lab);
        int i = LastAtOrBefore(_states, Ms(at));
        if (i < 0) i = 0;   // before the first snapshot: the first one is the nearest picture there is
        if (_cache is { } hit && hit.Index == i) return hit.Snapshot;
        int keyframe = i;
        while (keyframe > 0 && !_states[keyframe].Keyframe) keyframe--;
        JsonNode? node;
        int from;
        if (_cache is { } c && c.Index >= keyframe && c.Index < i) (node, from) = (c.Node, c.Index + 1);
        else
        {
            while (true)
            {
                node = ParseKeyframe(_states[keyframe]);
                if (node is not null || keyframe == 0) break;
                // A damaged keyframe: the one before it and the deltas since stand in.
                do keyframe--; while (keyframe > 0 && !_states[keyframe].Keyframe);
            }
            if (node is null) return LabSnapshot.Initial(Header.Lab);
            from = keyframe + 1;
        }
        for (int j = from; j <= i; j++)
        {
            Line line = _states[j];
            if (line.Keyframe)
            {
                node = ParseKeyframe(line) ?? node;
                continue;
            }
            try
            {
                JsonArray ops = JsonNode.Parse(ReadLine(line))![RecordingLine.OpsProperty]!.AsArray();
                node = JsonDiff.Apply(node, ops);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentOutOfRangeException or NullReferenceException)
            {
                Damaged(line);
            }
        }
        LabSnapshot snapshot;
        try { snapshot = node.Deserialize(RecordingJson.Snapshot)!; }
        catch (JsonException)
        {
            Damaged(_states[i]);
            return _cache?.Snapshot ?? LabSnapshot.Initial(Header.Lab);
        }
        _cache = (i, node!, snapshot);
        return snapshot;
    }

    public IReadOnlyList<RecordedLogLine> LogAt(string process, DateTimeOffset at, int count)
    {
        if (count <= 0 || !_logs.TryGetValue(process, out List<Line>? lines)) return [];
        int last = LastAtOrBefore(lines, Ms(at));
        if (last < 0) return [];
        int first = Math.Max(0, last - count + 1);
        var result = new List<RecordedLogLine>(last - first + 1);
        for (int i = first; i <= last; i++)
        {
            try
            {
                JsonNode node = JsonNode.Parse(ReadLine(lines[i]))!;
                result.Add(new RecordedLogLine(At(lines[i].T), node[RecordingLine.TextProperty]?.GetValue<string>() ?? ""));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                Damaged(lines[i]);
            }
        }
        return result;
    }

    private JsonNode? ParseKeyframe(Line line)
    {
        try
        {
            JsonObject whole = JsonNode.Parse(ReadLine(line))!.AsObject();
            JsonNode? snapshot = whole[RecordingLine.SnapshotProperty];
            whole.Remove(RecordingLine.SnapshotProperty);   // detached, so deltas can change it in place
            return snapshot;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            Damaged(line);
            return null;
        }
    }

    private readonly HashSet<(Segment, long)> _damaged = [];

    /// <summary>A line whose start read well but whose body does not: counted once with the others.</summary>
    private void Damaged(Line line)
    {
        if (_damaged.Add((line.Segment, line.Offset))) _corrupt++;
    }

    private byte[] ReadLine(Line line)
    {
        byte[] bytes = new byte[line.Length];
        int done = 0;
        while (done < bytes.Length)
        {
            int n = RandomAccess.Read(line.Segment.Handle, bytes.AsSpan(done), line.Offset + done);
            if (n <= 0) throw new InvalidOperationException("the file shrank under the reader");
            done += n;
        }
        return bytes;
    }

    /// <summary>The index of the last line at or before <paramref name="t"/>, or -1 (lines are in time order).</summary>
    private static int LastAtOrBefore(List<Line> lines, long t)
    {
        int lo = 0, hi = lines.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (lines[mid].T <= t) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>The distinct times at which the screen changes, kept as milliseconds and shown as times.</summary>
    private sealed class MomentList(RecordingReader owner) : IReadOnlyList<DateTimeOffset>
    {
        private readonly List<long> _ms = [];

        public void Add(long t)
        {
            if (_ms.Count == 0 || t > _ms[^1]) { _ms.Add(t); return; }
            int i = _ms.BinarySearch(t);
            if (i < 0) _ms.Insert(~i, t);
        }

        public DateTimeOffset this[int index] => owner.At(_ms[index]);
        public int Count => _ms.Count;
        public IEnumerator<DateTimeOffset> GetEnumerator() { foreach (long t in _ms) yield return owner.At(t); }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
