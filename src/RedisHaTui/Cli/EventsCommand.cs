using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Presentation.Handout;

namespace RedisHaTui.Cli;

/// <summary>
/// `events`: the merged timeline of the running lab as lines (or JSON lines), until Ctrl+C. With --export FILE,
/// also the session's handout, rewritten (atomically) whenever the timeline, a failover or a load changes, and
/// once more at the end.
/// </summary>
public static class EventsCommand
{
    private static readonly TimeSpan SubscribeWait = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(WatchTarget target, bool json, string? export = null)
    {
        HandoutFormat format = default;
        if (export is not null)
        {
            (HandoutFormat? f, string? error) = HandoutFormats.Of(export);
            string? folder = Path.GetDirectoryName(Path.GetFullPath(export));
            error ??= Directory.Exists(folder) ? null : $"--export {export}: no such folder {folder}";
            if (error is not null)
            {
                Console.Error.WriteLine($"redis-ha-tui: {error}");
                return ExitCodes.BadInput;
            }
            format = f!.Value;
        }
        (CancellationTokenSource cancel, IDisposable signals) = Terminal.CancelOnSignals();
        using var _ = signals;
        await using LabSession session = await target.AttachAsync();
        LabDefinition lab = session.Lab;
        // Said once every sentinel is subscribed (or after a few seconds without some): from then on no event is missed.
        await ((Task)Task.WhenAny(session.Monitor.Subscribed, Task.Delay(SubscribeWait, session.Store.Time, cancel.Token))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        string missing = session.Monitor.Subscribed.IsCompleted ? "" : " (not every sentinel answers yet)";
        Console.Error.WriteLine($"watching {lab.MasterName} through {string.Join(", ", lab.Sentinels.Select(s => $"{s.Name} ({s.Endpoint})"))}{missing}; Ctrl+C stops");
        if (export is not null) Console.Error.WriteLine($"writing the handout to {export} as the session goes; it is complete when you press Ctrl+C");
        long lastId = 0;
        var saidLate = new HashSet<long>();
        int lastFailoverPhases = 0, lastFailover = 0;
        LabSnapshot? last = null;
        (long, ValueArray<FailoverRecord>, ValueArray<LoadLedger>)? written = null;
        await foreach (LabSnapshot s in session.Store.WatchAsync(cancel.Token))
        {
            last = s;
            foreach (TimelineEntry e in s.Timeline.Where(e => e.Id > lastId))
            {
                Console.WriteLine(json ? JsonLine(e) : TextLine(e));
                lastId = e.Id;
            }
            // An event's lateness is known only once its sentinel's log line was read, after the event was printed.
            if (!json)
                foreach (TimelineEntry e in s.Timeline)
                    if (Timeline.LateText(e) is { } late && saidLate.Add(e.Id))
                        Console.WriteLine($"{"",12}  {e.Name} {late}");
            // A record is known by its place: its number may still change once the election names its epoch.
            if (s.Failovers.LastOrDefault() is { } f && (s.Failovers.Length != lastFailover || f.Phases.Length != lastFailoverPhases))
            {
                for (int i = s.Failovers.Length == lastFailover ? lastFailoverPhases : 0; i < f.Phases.Length; i++)
                    Console.WriteLine(json
                        ? JsonSerializer.Serialize(new FailoverPhaseLine(f.Number, f.Cause, f.OldMaster, f.NewMaster, PhaseText.Name(f.Phases[i]), Math.Round(f.Phases[i].After.TotalSeconds, 3)), CliJson.Line.FailoverPhaseLine)
                        : $"{"",12}  failover #{f.Number}  {f.Phases[i].After.TotalSeconds,6:0.00} s  {PhaseText.Name(f.Phases[i])}{(f.NewMaster is null ? "" : $"  ({f.OldMaster} → {f.NewMaster})")}");
                (lastFailover, lastFailoverPhases) = (s.Failovers.Length, f.Phases.Length);
            }
            await Console.Out.FlushAsync();
            // Only what the handout shows: the poll times change every second and would rewrite it for nothing.
            if (export is not null && (s.Timeline.LastOrDefault()?.Id ?? 0, s.Failovers, s.Loads) is var shown && shown != written)
            {
                if (!TryExport(export, format, s, session.Store.Time)) return ExitCodes.NotHealthy;
                written = shown;
            }
        }
        if (export is not null && last is not null)
        {
            if (!TryExport(export, format, last, session.Store.Time)) return ExitCodes.NotHealthy;
            Console.Error.WriteLine($"handout complete: {export} ({CountText.Of(last.Timeline.Length, "timeline entry", "timeline entries")}, {CountText.Of(last.Failovers.Length, "failover")}, {CountText.Of(last.Loads.Length, "write-load run")})");
        }
        return ExitCodes.Ok;
    }

    private static bool TryExport(string path, HandoutFormat format, LabSnapshot s, TimeProvider time)
    {
        try
        {
            HandoutFile.Write(path, format, s, TimeZoneInfo.Local, time.GetUtcNow());
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"redis-ha-tui: --export {path}: {e.Message}");
            return false;
        }
    }

    private static string TextLine(TimelineEntry e) =>
        $"{e.At.ToLocalTime():HH:mm:ss.fff}  {e.Name,-20} {e.Text}" +
        (e.SeenBy.Length > 0 ? $"  [{string.Join(", ", e.SeenBy)}]" : "") +
        (e.SinceFailover is { } t ? $"  (+{t.TotalSeconds:0.00} s)" : "");

    private static string JsonLine(TimelineEntry e) => JsonSerializer.Serialize(new EventLine(
        e.Id, e.At, e.Source.ToString().ToLowerInvariant(), e.Name, e.Text, e.SeenBy,
        e.SinceFailover is { } t ? Math.Round(t.TotalSeconds, 3) : null), CliJson.Line.EventLine);
}
