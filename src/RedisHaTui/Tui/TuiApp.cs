using System.Runtime.InteropServices;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Idle;
using RedisHaTui.Tui.Views;
using Terminal.Gui.App;

namespace RedisHaTui.Tui;

/// <summary>The full-screen dashboard over a running lab session.</summary>
public static class TuiApp
{
    /// <summary>How long restoring a terminal that hung up may take before we give up on it.</summary>
    private static readonly TimeSpan HangupRestoreLimit = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Shows the lab until the user quits (q or Ctrl+C, confirmed), a SIGTERM/SIGHUP/SIGINT arrives, or
    /// <see cref="TuiOptions.ExitAfter"/> passes; returns 0. The terminal is restored on every path, including an
    /// exception (rethrown after the restore). It does not stop the lab: the caller disposes the session.
    /// </summary>
    public static int Run(ILabSession session, TuiOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        ushort rate = (ushort)Math.Clamp(options.IterationsPerSecond <= 0 ? 20 : options.IterationsPerSecond, 1, 1000);
        Application.MaximumIterationsPerSecond = rate;
        Theme theme = Theme.For(string.IsNullOrWhiteSpace(options.Theme) ? session.Lab.Ui.Theme : options.Theme, options.NoColor);

        IApplication app = Application.Create();
        // Sleep when idle (blocking input, waiting loop); the loop rate becomes a ceiling on redraws. Or poll as stock.
        using IdleScreen idle = options.PollWhenIdle ? IdleScreen.Polling("--Ui:PollWhenIdle") : IdleScreen.Prepare(app, rate);
        app.Init();
        var restore = new TerminalRestore(app);
        bool hungUp = false;
        try
        {
            if (options.NoColor) app.Driver!.Force16Colors = true;
            using var window = new MainWindow(app, session, theme, walkthrough: options.Walkthrough);
            // Raw mode turns Ctrl+C into a key, but `kill` still sends signals: each one quits through the loop.
            // The registrations must stay referenced, or they are collected and the signals kill the process outright.
            PosixSignalRegistration[] signals = [.. new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT }
                .Select(s => PosixSignalRegistration.Create(s, ctx =>
                {
                    ctx.Cancel = true;
                    if (ctx.Signal == PosixSignal.SIGHUP) Volatile.Write(ref hungUp, true);
                    app.Invoke(window.Quit);
                }))];
            try
            {
                if (options.Share is { } share) ShowSharing(app, window, session, share);
                if (options.ExitAfter is { } after) app.AddTimeout(after, () => { window.Quit(); return false; });
                // Iteration is raised before an iteration draws: the second one comes after the first frame.
                int iterations = 0;
                void OnFirstIteration(object? sender, EventArgs e)
                {
                    if (++iterations < 2) return;
                    app.Iteration -= OnFirstIteration;
                    options.FirstFrameShown!();
                }
                if (options.FirstFrameShown is not null) app.Iteration += OnFirstIteration;
                idle.Start(app); // its Iteration handler sleeps: the last one, so the others run before the sleep
                if (idle.Fallback is { } why) Tell(session, $"the idle screen polls as Terminal.Gui does ({why})");
                app.Run(window);
            }
            finally
            {
                foreach (PosixSignalRegistration s in signals) s.Dispose();
                GC.KeepAlive(signals);
            }
        }
        finally
        {
            restore.Dispose();
            // With the terminal gone (SIGHUP), Terminal.Gui's restore never returns; there is nothing to restore
            // anyway, so bound it and let the caller go on to stop the lab.
            if (Volatile.Read(ref hungUp)) _ = Task.Run(app.Dispose).Wait(HangupRestoreLimit);
            else app.Dispose();
        }
        return 0;
    }

    /// <summary>--share: the URL said once on the timeline; the follower count in the status line's corner, looked at every second.</summary>
    private static void ShowSharing(IApplication app, MainWindow window, ILabSession session, Core.Sharing.ShareServer share)
    {
        Tell(session, ShareText.Started(share.Url, share.Url.AbsolutePath.Length > 1, Core.Shell.ShellForms.ThisMachine.AppFrom(Directory.GetCurrentDirectory())));
        window.StatusCorner = width => ShareText.Corner(share.Url, share.Followers, width);
        int shown = 0;
        app.AddTimeout(TimeSpan.FromSeconds(1), () =>
        {
            if (share.Followers != shown)
            {
                shown = share.Followers;
                window.RefreshStatus();
            }
            return true;
        });
    }

    /// <summary>Says something about the screen itself on the timeline (the app's log), once.</summary>
    private static void Tell(ILabSession session, string text) =>
        session.Store.Update(s => Timeline.Add(s, TimelineKind.Screen, text, session.Store.Time.GetUtcNow(), session.Lab.Ui.TimelineLines));

    /// <summary>
    /// Disposing the application restores the terminal (alt screen, mouse mode, termios). A crash on another thread
    /// would skip the normal path: restore from the unhandled-exception hook too, once, before the process dies.
    /// </summary>
    private sealed class TerminalRestore : IDisposable
    {
        private readonly IApplication _app;
        private int _done;

        public TerminalRestore(IApplication app)
        {
            _app = app;
            AppDomain.CurrentDomain.UnhandledException += OnUnhandled;
        }

        private void OnUnhandled(object? sender, UnhandledExceptionEventArgs e)
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            try { _app.Dispose(); } catch (Exception) { /* the process is going down; the restore was best effort */ }
        }

        /// <summary>The normal path restores through the application's own disposal; stop listening for crashes.</summary>
        public void Dispose()
        {
            AppDomain.CurrentDomain.UnhandledException -= OnUnhandled;
            Volatile.Write(ref _done, 1);
        }
    }
}
