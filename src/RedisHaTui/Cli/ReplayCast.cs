using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Presentation.Cast;
using RedisHaTui.Tui.Cast;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Cli;

/// <summary>`replay FILE --cast OUT.cast [--size 120x40]`: the whole session as an asciicast, drawn headless moment by moment.</summary>
internal static class ReplayCast
{
    public static async Task<int> WriteAsync(RecordingReader recording, string path, CastSize size)
    {
        await using var session = new ReplaySession(recording);
        session.Player.Pause();
        // From the header's start: a snapshot stamped before it (the store's initial one has no time) would make the cast
        // begin in year 1 and wait two thousand years for its second frame.
        DateTimeOffset start = recording.Header.StartedAt;
        IReadOnlyList<DateTimeOffset> moments = CastMoments.Thin([start, .. recording.Moments.Where(m => m > start)], CastMoments.Gap);
        Theme theme = Theme.For(session.Lab.Ui.Theme, noColor: false);
        string title = $"redis-ha-tui {recording.Header.Lab.MasterName} {start:yyyy-MM-dd HH:mm}";
        int frames;
        try
        {
            await using var output = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false));
            frames = ScreenCast.Render(session, moments, at => session.Player.SeekTo(at), size, theme, output, title, ReplayCommand.RecordedWalkthrough(recording));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"redis-ha-tui: --cast {path}: {e.Message}");
            return ExitCodes.NotHealthy;
        }
        Console.Error.WriteLine($"cast written: {path} ({frames} frames at {size}, {(moments[^1] - start).TotalSeconds:0} s; play it with `asciinema play {path}`)");
        return ExitCodes.Ok;
    }
}
