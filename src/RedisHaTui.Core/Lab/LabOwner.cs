using System.Globalization;
using System.Text.Json;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// The process that owns a lab, as recorded in its run directory: a pid and that process's start time (field 22
/// of /proc/PID/stat, clock ticks since boot). The pid alone is not enough: after a SIGKILLed app the kernel may
/// give its pid to an unrelated process, which must not be mistaken for the owner and keep the lab locked.
/// </summary>
public sealed record LabOwner(int Pid, long StartTicks)
{
    /// <summary>This process, as it would record itself.</summary>
    public static LabOwner Current() =>
        new(Environment.ProcessId, StartTicksOf(Environment.ProcessId) ?? throw new InvalidOperationException("/proc/self/stat is unreadable"));

    /// <summary>True while the very process that wrote the record runs: same pid and same start time.</summary>
    public bool IsAlive => StartTicksOf(Pid) == StartTicks && Signals.IsAlive(Pid);

    /// <summary>One line of JSON, e.g. <c>{"pid":4242,"startTicks":1234567}</c>.</summary>
    public string Format() => $$"""{"pid":{{Pid}},"startTicks":{{StartTicks}}}""" + "\n";

    /// <summary>The record written by <see cref="Format"/>; null for anything else (an empty or foreign file).</summary>
    public static LabOwner? Parse(string text)
    {
        try
        {
            using JsonDocument doc = JsonDocument.Parse(text);
            JsonElement root = doc.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("pid", out JsonElement pid) && pid.ValueKind == JsonValueKind.Number && pid.TryGetInt32(out int p) && p > 0
                && root.TryGetProperty("startTicks", out JsonElement start) && start.ValueKind == JsonValueKind.Number && start.TryGetInt64(out long s)
                ? new LabOwner(p, s)
                : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>When the process with this pid started, or null when there is none.</summary>
    public static long? StartTicksOf(int pid)
    {
        try { return StartTicksFromStat(File.ReadAllText($"/proc/{pid}/stat")); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary>
    /// Field 22 (starttime) of a /proc/PID/stat line. Field 2 is the command name in parentheses and may itself hold
    /// spaces and parentheses, so fields are counted from the last ')'.
    /// </summary>
    public static long? StartTicksFromStat(string stat)
    {
        int close = stat.LastIndexOf(')');
        if (close < 0) return null;
        string[] fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries); // fields[0] is field 3 (state)
        const int StartTime = 22 - 3;
        return fields.Length > StartTime && long.TryParse(fields[StartTime], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks) ? ticks : null;
    }
}
