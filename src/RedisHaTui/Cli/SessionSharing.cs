using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Sharing;
using RedisHaTui.Core.Shell;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>
/// --share on the screen and on `up`: the session's recording served read-only while it is written. The share
/// server only reads the recording file, so it works with whatever records the session; what it serves is the file
/// the flight recorder writes.
/// </summary>
internal static class SessionSharing
{
    /// <summary>
    /// Starts serving what <paramref name="recorder"/> writes at <paramref name="address"/>; null without --share.
    /// Throws <see cref="ShareException"/> naming the address, or when nothing is recorded (--no-record).
    /// </summary>
    public static ShareServer? Start(ShareAddress? address, FlightRecorder? recorder)
    {
        if (address is null) return null;
        if (recorder is null) throw new ShareException("--share serves the session's recording, and this session records nothing (--no-record or Ui:Record off): leave recording on to share");
        return ShareServer.Start(recorder.Path, address);
    }

    /// <summary>`up`: the URL and the students' command once, then a line whenever the number of followers changes.</summary>
    public static async Task ReportAsync(ShareServer share, Action<string> say, CancellationToken ct)
    {
        say(ShareText.Started(share.Url, share.Url.AbsolutePath.Length > 1, ShellForms.ThisMachine.AppFrom(Directory.GetCurrentDirectory())));
        int shown = 0;
        using var every = new PeriodicTimer(TimeSpan.FromSeconds(1));
        try
        {
            while (await every.WaitForNextTickAsync(ct))
            {
                int now = share.Followers;
                if (now == shown) continue;
                shown = now;
                say(ShareText.Corner(share.Url, now, int.MaxValue));
            }
        }
        catch (OperationCanceledException) { }
    }
}
