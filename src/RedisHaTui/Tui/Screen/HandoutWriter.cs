using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Presentation.Handout;
using RedisHaTui.Tui.Presentation;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// `e`: the session's handout so far (Markdown) into the lab's run directory, or the current folder when there
/// is none (a deployment), written off the UI thread; the status line says where.
/// </summary>
internal sealed class HandoutWriter(ILabSession session, StatusLine status, UiThreadDoor door, TimeZoneInfo zone)
{
    public void Write()
    {
        var snapshot = session.Store.Current;
        DateTimeOffset now = session.Store.Time.GetUtcNow();
        string folder = session.Lab.LabFile.Length > 0 && Directory.Exists(session.Lab.RunDirectory) ? session.Lab.RunDirectory : Environment.CurrentDirectory;
        string path = Path.Combine(folder, HandoutFile.NameFor(now, zone));
        status.Show("writing the handout…", Tone.Dim);
        door.RunThenShow(
            _ =>
            {
                HandoutFile.Write(path, HandoutFormat.Markdown, snapshot, zone, now);
                return Task.FromResult(LabActionResult.Success($"handout written: {LabLoader.Relative(path)}"));
            },
            ex => LabActionResult.Refused($"handout not written ({LabLoader.Relative(path)}): {ex.GetBaseException().Message}"),
            result => status.Show(result.Message, result.Ok ? Tone.Good : Tone.Warn));
    }
}
