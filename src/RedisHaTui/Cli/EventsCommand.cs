using System.Text.Json;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>`events`: the merged timeline of the running lab as lines (or JSON lines), until Ctrl+C.</summary>
public static class EventsCommand
{
    private static readonly TimeSpan SubscribeWait = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(WatchTarget target, bool json)
    {
        (CancellationTokenSource cancel, IDisposable signals) = Terminal.CancelOnSignals();
        using var _ = signals;
        await using LabSession session = await target.AttachAsync();
        LabDefinition lab = session.Lab;
        // Said once every sentinel is subscribed (or after a few seconds without some): from then on no event is missed.
        await ((Task)Task.WhenAny(session.Monitor.Subscribed, Task.Delay(SubscribeWait, cancel.Token))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        string missing = session.Monitor.Subscribed.IsCompleted ? "" : " (not every sentinel answers yet)";
        Console.Error.WriteLine($"watching {lab.MasterName} through {string.Join(", ", lab.Sentinels.Select(s => $"{s.Name} ({s.Endpoint})"))}{missing}; Ctrl+C stops");
        long lastId = 0;
        int lastFailoverPhases = 0, lastFailover = 0;
        await foreach (LabSnapshot s in session.Store.WatchAsync(cancel.Token))
        {
            foreach (TimelineEntry e in s.Timeline.Where(e => e.Id > lastId))
            {
                Console.WriteLine(json ? JsonLine(e) : TextLine(e));
                lastId = e.Id;
            }
            if (s.Failovers.LastOrDefault() is { } f && (f.Number != lastFailover || f.Phases.Length != lastFailoverPhases))
            {
                for (int i = f.Number == lastFailover ? lastFailoverPhases : 0; i < f.Phases.Length; i++)
                    Console.WriteLine(json
                        ? JsonSerializer.Serialize(new FailoverPhaseLine(f.Number, f.Cause, f.OldMaster, f.NewMaster, PhaseText.Name(f.Phases[i]), Math.Round(f.Phases[i].After.TotalSeconds, 3)), CliJson.Line.FailoverPhaseLine)
                        : $"{"",12}  failover #{f.Number}  {f.Phases[i].After.TotalSeconds,6:0.00} s  {PhaseText.Name(f.Phases[i])}{(f.NewMaster is null ? "" : $"  ({f.OldMaster} → {f.NewMaster})")}");
                (lastFailover, lastFailoverPhases) = (f.Number, f.Phases.Length);
            }
            await Console.Out.FlushAsync();
        }
        return ExitCodes.Ok;
    }

    private static string TextLine(TimelineEntry e) =>
        $"{e.At.ToLocalTime():HH:mm:ss.fff}  {e.Kind,-20} {e.Text}" +
        (e.SeenBy.Length > 0 ? $"  [{string.Join(", ", e.SeenBy)}]" : "") +
        (e.SinceFailover is { } t ? $"  (+{t.TotalSeconds:0.00} s)" : "");

    private static string JsonLine(TimelineEntry e) => JsonSerializer.Serialize(new EventLine(
        e.Id, e.At, e.Source.ToString().ToLowerInvariant(), e.Kind, e.Text, e.SeenBy,
        e.SinceFailover is { } t ? Math.Round(t.TotalSeconds, 3) : null), CliJson.Line.EventLine);
}
