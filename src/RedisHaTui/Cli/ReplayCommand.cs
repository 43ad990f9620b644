using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;
using RedisHaTui.Presentation.Handout;
using RedisHaTui.Tui;

namespace RedisHaTui.Cli;

/// <summary>
/// `replay FILE`: a recorded session on the same screen, scrubbed with the replay's keys; no Redis and no lab needed.
/// With --export OUT, the handout `events --export` writes, of the recording's last moment (or --at TIME), instead.
/// </summary>
public static class ReplayCommand
{
    /// <param name="cast">--cast OUT.cast: the whole session drawn into an asciicast at <paramref name="size"/> instead.</param>
    public static Task<int> RunAsync(string file, string? export, string? at, TimeSpan? exitAfter = null, string? cast = null, Presentation.Cast.CastSize? size = null)
    {
        if (cast is not null && export is not null) return Task.FromResult(BadInput("--cast and --export each write a file of their own: one at a time"));
        if (cast is not null && !Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(cast)))) return Task.FromResult(BadInput($"--cast {cast}: no such folder {Path.GetDirectoryName(Path.GetFullPath(cast))}"));
        HandoutFormat? format = null;
        if (export is not null)
        {
            (format, string? error) = HandoutFormats.Of(export);
            string? folder = Path.GetDirectoryName(Path.GetFullPath(export));
            error ??= Directory.Exists(folder) ? null : $"--export {export}: no such folder {folder}";
            if (error is not null) return Task.FromResult(BadInput(error));
        }
        if (Open(file) is not { } recording) return Task.FromResult(ExitCodes.BadInput);
        // A damaged file still replays what could be read: said first, on stderr, as on the screen.
        if (recording.Problem is { } problem) Console.Error.WriteLine($"redis-ha-tui: {file} is damaged: {problem}; replaying what could be read");
        if (cast is not null) return ReplayCast.WriteAsync(recording, cast, size ?? Presentation.Cast.CastSize.Default);
        DateTimeOffset? moment = null;
        if (at is not null)
        {
            (moment, string? error) = GoToTime.Parse(at, recording.Start, recording.End, recording.Start, TimeZoneInfo.Local);
            if (error is not null)
            {
                recording.Dispose();
                return Task.FromResult(BadInput($"--at {at}: {error}"));
            }
        }
        return format is { } f ? Task.FromResult(Export(recording, export!, f, moment ?? recording.End)) : ShowAsync(recording, moment, exitAfter);
    }

    /// <summary>The file opened and indexed, or null after saying why not (missing, unreadable, not a recording, newer).</summary>
    private static RecordingReader? Open(string file)
    {
        try { return RecordingReader.Open(file); }
        catch (RecordingException e) { BadInput(e.Message); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { BadInput($"{file}: cannot be read: {e.Message}"); }
        return null;
    }

    private static int Export(RecordingReader recording, string path, HandoutFormat format, DateTimeOffset at)
    {
        using (recording)
        {
            Core.State.LabSnapshot s = recording.SnapshotAt(at);
            try
            {
                HandoutFile.Write(path, format, s, TimeZoneInfo.Local, at);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"redis-ha-tui: --export {path}: {e.Message}");
                return ExitCodes.NotHealthy;
            }
            Console.Error.WriteLine($"handout written: {path} (the recording at {TimeZoneInfo.ConvertTime(at, TimeZoneInfo.Local):HH:mm:ss}: " +
                $"{CountText.Of(s.Timeline.Length, "timeline entry", "timeline entries")}, {CountText.Of(s.Failovers.Length, "failover")}, {CountText.Of(s.Loads.Length, "write-load run")})");
            return ExitCodes.Ok;
        }
    }

    private static async Task<int> ShowAsync(RecordingReader recording, DateTimeOffset? at, TimeSpan? exitAfter)
    {
        await using var session = new ReplaySession(recording);
        if (at is { } t) session.Player.SeekTo(t);
        Walkthrough? guide = RecordedWalkthrough(recording);
        bool noColor = Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 };
        Core.Lab.LabDefinition lab = session.Lab;
        return TuiApp.Run(session, new TuiOptions(lab.Ui.Theme, lab.Ui.IterationsPerSecond, noColor, exitAfter, Walkthrough: guide, PollWhenIdle: lab.Ui.PollWhenIdle));
    }

    /// <summary>The walkthrough the presenter had loaded, read from the header; a panel that cannot be read is left out, saying why.</summary>
    internal static Walkthrough? RecordedWalkthrough(IRecording recording)
    {
        if (recording.Header.WalkthroughMarkdown is not { } markdown) return null;
        try
        {
            return WalkthroughParser.Parse("the recorded walkthrough", markdown, recording.Header.Lab);
        }
        catch (Core.Lab.LabLoadException e)
        {
            Console.Error.WriteLine($"redis-ha-tui: the recorded walkthrough does not load ({string.Join("; ", e.Problems)}): replaying without its panel");
            return null;
        }
    }

    private static int BadInput(string message)
    {
        Console.Error.WriteLine($"redis-ha-tui: {message}");
        return ExitCodes.BadInput;
    }
}
