using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Tui;

namespace RedisHaTui.Cli;

/// <summary>No command: the full screen. The lab starts behind the first frame, so the screen shows it coming up.</summary>
public static class ScreenCommand
{
    public static async Task<int> RunAsync(LabDefinition lab, CliArguments cli)
    {
        // Everything that can be wrong with the input is found here, before the screen takes the terminal.
        LabSession session = cli.NoStart
            ? LabSession.Attach(lab)
            : await LabSession.OpenAsync(lab, m => Console.Error.WriteLine($"redis-ha-tui: {m}"));
        await using (session)
        {
            AppDomain.CurrentDomain.UnhandledException += (_, _) => session.KillAllNow();
            bool noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
            var options = new TuiOptions(lab.Ui.Theme, lab.Ui.IterationsPerSecond, noColor,
                cli.ExitAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
                // Starting six processes competes with the first frame for two cores: start once it is on screen.
                FirstFrameShown: session.OwnsProcesses ? () => _ = StartInBackgroundAsync(session) : null);
            int code = TuiApp.Run(session, options);
            Console.Error.WriteLine(session.OwnsProcesses ? "redis-ha-tui: stopping the lab…" : "redis-ha-tui: detached; the lab keeps running");
            return code;
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
