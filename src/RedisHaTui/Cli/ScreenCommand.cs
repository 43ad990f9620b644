using System.Runtime.InteropServices;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;
using RedisHaTui.Tui;

namespace RedisHaTui.Cli;

/// <summary>No command: the full screen. The lab starts behind the first frame, so the screen shows it coming up.</summary>
public static class ScreenCommand
{
    /// <param name="walkthrough">--walkthrough: "" for the lab's own (lab/walkthrough.md), a file, or null for none.</param>
    /// <param name="record">--record FILE or --no-record ("off"); null: as Ui:Record says.</param>
    /// <param name="share">--share: serve the session's recording to followers while the screen runs.</param>
    public static async Task<int> RunAsync(WatchTarget target, bool noStart, TimeSpan? exitAfter, string? walkthrough = null, string? record = null,
        Core.Sharing.ShareAddress? share = null)
    {
        // Everything that can be wrong with the input is found here, before the screen takes the terminal.
        Walkthrough? guide = walkthrough is null ? null : LoadWalkthrough(target, walkthrough);
        LabSession session = target.Lab is { } own && !noStart
            ? await LabSession.OpenAsync(own, m => Console.Error.WriteLine($"redis-ha-tui: {m}"))
            : await target.AttachAsync();
        LabDefinition lab = session.Lab;
        // Stopping the lab after the screen closes takes seconds: a second Ctrl+C, a SIGTERM or a hang-up then
        // must not kill us half way and orphan the rest. The screen has its own handlers; these outlive them.
        using var holdSignals = new ShutdownSignals();
        RecordingMode mode = target.Deployment is not null ? RecordingMode.Deployment : session.OwnsProcesses ? RecordingMode.Owned : RecordingMode.Attached;
        // Disposed after the session: the lab's stop is recorded too.
        FlightRecorder? recorder = SessionRecording.Start(session, record, mode, guide?.File, SessionRecording.OnTimeline(session), shared: share is not null);
        Core.Sharing.ShareServer? sharing;
        try { sharing = SessionSharing.Start(share, recorder); }
        catch (Core.Sharing.ShareException e)
        {
            // Nothing started yet: the lab starts behind the first frame.
            await session.DisposeAsync();
            if (recorder is not null) await recorder.DisposeAsync();
            Console.Error.WriteLine($"redis-ha-tui: {e.Message}");
            return ExitCodes.BadInput;
        }
        await using (recorder)
        await using (sharing)
        await using (session)
        {
            session.ReportProgressOnTimeline(); // stderr is the screen from here on
            AppDomain.CurrentDomain.UnhandledException += (_, _) => session.KillAllNow();
            bool noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
            var options = new TuiOptions(lab.Ui.Theme, lab.Ui.IterationsPerSecond, noColor,
                exitAfter,
                // Starting six processes competes with the first frame for two cores: start once it is on screen.
                FirstFrameShown: session.OwnsProcesses && guide is null ? () => _ = StartInBackgroundAsync(session) : null,
                Walkthrough: guide, PollWhenIdle: lab.Ui.PollWhenIdle, Share: sharing);
            if (guide is not null)
            {
                // The first step is the student's: the run directory is ready (start.sh runs the same working copy), nothing runs.
                if (session.OwnsProcesses) session.PrepareLab();
                session.Monitor.WatchedKeys = guide.WatchedKeys;
            }
            int code = TuiApp.Run(session, options);
            // Said exactly: what is stopped now (what this app started), what keeps running (started by hand).
            foreach (string line in QuitText.Consequences(session.Store.Current, lab, session.OwnsProcesses)) TryTell(line);
            foreach (string line in SessionRecording.Afterwards(recorder)) TryTell(line);
            return code;
        }
    }

    /// <summary>The walkthrough file, checked against the lab before anything starts; throws <see cref="LabLoadException"/>.</summary>
    private static Walkthrough LoadWalkthrough(WatchTarget target, string file)
    {
        if (target.Lab is not { } lab) throw new LabLoadException("--walkthrough needs a lab file (lab.json): its steps name the lab's processes");
        return WalkthroughParser.Load(WalkthroughCommand.WalkthroughFile(lab, file), lab);
    }

    /// <summary>After a hang-up there is no terminal to write to: the message is a courtesy, never a crash.</summary>
    private static void TryTell(string message)
    {
        try { Console.Error.WriteLine($"redis-ha-tui: {message}"); }
        catch (IOException) { }
    }

    /// <summary>SIGINT, SIGTERM and SIGHUP ignored for as long as it lives: the lab is being stopped anyway.</summary>
    private sealed class ShutdownSignals : IDisposable
    {
        private readonly PosixSignalRegistration[] _registrations =
            [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
                .Select(s => PosixSignalRegistration.Create(s, ctx => ctx.Cancel = true))];

        public void Dispose()
        {
            foreach (PosixSignalRegistration r in _registrations) r.Dispose();
        }
    }

    /// <summary>A failed start is shown on the screen (timeline and status bar), not thrown into the UI loop.</summary>
    private static async Task StartInBackgroundAsync(LabSession session)
    {
        try
        {
            await session.StartLabAsync();
        }
        catch (Exception e)
        {
            session.ReportProblem($"the lab did not start: {(e is LabLoadException l ? string.Join("; ", l.Problems) : e.Message)}");
        }
    }
}
