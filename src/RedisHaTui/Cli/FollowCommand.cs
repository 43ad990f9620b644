using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.Sharing;
using RedisHaTui.Tui;

namespace RedisHaTui.Cli;

/// <summary>
/// `follow FILE|URL`: the presenter's session live, at this terminal's size: the replay screen kept at the end of a
/// recording that grows (End returns there after scrubbing back). A URL's stream is copied into a temporary file
/// first, so both are the same replay of a growing file. No Redis is reached and nothing can be acted on.
/// </summary>
public static class FollowCommand
{
    /// <summary>How long a presenter's share may take to send the recording's first line (its recorder starts with the lab).</summary>
    private static readonly TimeSpan FirstLine = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string source, TimeSpan? exitAfter = null)
    {
        if (FollowSource.Parse(source, out string? error) is not { } from) return BadInput(error!);
        string file;
        SharedRecordingDownload? download;
        try { (file, download) = await from.OpenAsync(FirstLine); }
        catch (ShareException e) { return BadInput(e.Message); }
        try
        {
            RecordingReader recording;
            try { recording = RecordingReader.Open(file); }
            catch (RecordingException e) { return BadInput(e.Message); }
            await using var session = new ReplaySession(recording);
            session.Player.GoToEnd(); // live: stays at the end as the recording grows
            bool noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
            Core.Lab.LabDefinition lab = session.Lab;
            return TuiApp.Run(session, new TuiOptions(lab.Ui.Theme, lab.Ui.IterationsPerSecond, noColor, exitAfter,
                Walkthrough: ReplayCommand.RecordedWalkthrough(recording), PollWhenIdle: lab.Ui.PollWhenIdle));
        }
        finally
        {
            if (download is not null)
            {
                await download.DisposeAsync();
                // The copy was only ever a buffer between the network and the screen.
                try { Directory.Delete(Path.GetDirectoryName(file)!, recursive: true); }
                catch (IOException) { }
            }
        }
    }

    private static int BadInput(string message)
    {
        Console.Error.WriteLine($"redis-ha-tui: {message}");
        return ExitCodes.BadInput;
    }
}
