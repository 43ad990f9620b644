using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>`up`: the lab in the foreground, each log line prefixed with its process name, as docker compose up does.</summary>
public static class UpCommand
{
    private static readonly string[] Colours = ["\e[36m", "\e[33m", "\e[32m", "\e[35m", "\e[34m", "\e[91m", "\e[96m", "\e[93m"];

    /// <param name="record">--record FILE or --no-record ("off"); null: as Ui:Record says.</param>
    /// <param name="time">The session's clock: "lab ready in N s" is measured on it.</param>
    /// <param name="share">--share: serve the session's recording to followers while the lab runs.</param>
    public static async Task<int> RunAsync(LabDefinition lab, string? record = null, TimeProvider? time = null, Core.Sharing.ShareAddress? share = null)
    {
        // The recorder outlives the session, so the lab's stop is recorded too.
        FlightRecorder? recorder = null;
        try { return await RunAsync(lab, session => recorder = SessionRecording.Start(session, record, RecordingMode.Owned, null, Say, shared: share is not null), time ?? TimeProvider.System, share); }
        finally
        {
            if (recorder is not null) await recorder.DisposeAsync();
            foreach (string line in SessionRecording.Afterwards(recorder)) Say(line);
        }
    }

    private static void Say(string message) => Console.Error.WriteLine($"redis-ha-tui | {message}");

    private static async Task<int> RunAsync(LabDefinition lab, Func<LabSession, FlightRecorder?> record, TimeProvider time, Core.Sharing.ShareAddress? share)
    {
        (CancellationTokenSource cancel, IDisposable signals) = Terminal.CancelOnSignals();
        using var _ = signals;
        long began = time.GetTimestamp();
        if (lab.BuiltIn) Console.Error.WriteLine($"redis-ha-tui | running {lab.Describe()}");
        await using LabSession session = await LabSession.OpenAsync(lab, m => Console.Error.WriteLine($"redis-ha-tui | {m}"), time);
        FlightRecorder? recorder = record(session);
        AppDomain.CurrentDomain.UnhandledException += (_, _) => session.KillAllNow();
        Core.Sharing.ShareServer? sharing;
        try { sharing = SessionSharing.Start(share, recorder); }
        catch (Core.Sharing.ShareException e)
        {
            Console.Error.WriteLine($"redis-ha-tui: {e.Message}");
            return ExitCodes.BadInput;
        }
        await using Core.Sharing.ShareServer? shared = sharing;
        Task reporting = sharing is null ? Task.CompletedTask : SessionSharing.ReportAsync(sharing, Say, cancel.Token);
        int width = lab.Processes.Max(p => p.Name.Length);
        var gate = new Lock();
        int index = 0;
        foreach (ManagedProcess p in session.Supervisor!.Processes)
        {
            string prefix = p.Name.PadRight(width) + " | ";
            if (Terminal.UseColour) prefix = Colours[index++ % Colours.Length] + prefix + "\e[0m";
            p.LineReceived += (_, line) => { lock (gate) Console.Out.WriteLine(prefix + line); };
        }
        // A cut or a heal asked from another terminal is said here too: the owner's terminal is where a drill is watched.
        long lastEntry = 0;
        session.Store.Changed += snapshot =>
        {
            foreach (TimelineEntry e in snapshot.Timeline.Where(e => e.Id > Interlocked.Read(ref lastEntry)))
            {
                Interlocked.Exchange(ref lastEntry, e.Id);
                if (e is { Kind: TimelineKind.Partition or TimelineKind.Heal }) lock (gate) Console.Error.WriteLine($"redis-ha-tui | {e.Name}: {e.Text}");
            }
        };
        bool ready = false;
        try
        {
            await session.StartLabAsync(cancel.Token);
            ready = true;
            LabSnapshot s = session.Store.Current;
            Console.Error.WriteLine($"redis-ha-tui | lab ready in {time.GetElapsedTime(began).TotalSeconds:0.00} s: master {s.Consensus.MasterByRoles} " +
                $"({string.Join(", ", lab.Nodes.Select(n => $"{n.Name} {n.Endpoint}"))}; sentinels {string.Join(", ", lab.Sentinels.Select(x => x.Endpoint))}). Ctrl+C stops it.");
            // Like docker compose up: run until Ctrl+C, or until every process is gone (`down` from another terminal).
            LabSnapshot gone = await session.Store.WaitForAsync(
                x => lab.Processes.All(p => x.ProcessOf(p.Name)?.State == ProcessState.Exited), cancel.Token);
            bool clean = lab.Processes.All(p => gone.ProcessOf(p.Name)?.ExitCode == 0);
            Console.Error.WriteLine($"redis-ha-tui | every process has exited{(clean ? "" : " (not all cleanly)")}");
            return clean ? ExitCodes.Ok : ExitCodes.NotHealthy;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        // Interrupted during the start, the launcher has said so ("start interrupted") and stopped what had started.
        // Said exactly: what it stops (what it started) and what keeps running (a process restarted by hand meanwhile).
        if (ready)
            foreach (string line in QuitText.Consequences(session.Store.Current, lab, owns: true)) Console.Error.WriteLine($"redis-ha-tui | {line}");
        return ExitCodes.Ok;
    }
}
