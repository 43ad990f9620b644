using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Presentation.Handout;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// `e`: the session's handout so far (Markdown) into the lab's handouts/ folder (<see cref="HandoutFile.FolderFor"/>:
/// never the run directory, which reset deletes), written off the UI thread; the status line and the timeline say
/// where, in full.
/// </summary>
internal sealed class HandoutWriter(ILabSession session, StatusLine status, UiThreadDoor door, TimeZoneInfo zone)
{
    public void Write()
    {
        var snapshot = session.Store.Current;
        DateTimeOffset now = session.Store.Time.GetUtcNow();
        string path = Path.Combine(HandoutFile.FolderFor(session.Lab), HandoutFile.NameFor(now, zone));
        status.Show("writing the handout…", Tone.Dim);
        door.RunThenShow(
            _ =>
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                HandoutFile.Write(path, HandoutFormat.Markdown, snapshot, zone, now);
                // The status line fades and may be narrower than the path: the timeline keeps it.
                session.Store.Update(s => Timeline.Add(s, TimelineKind.Handout, $"handout written: {PathText.Shown(path)}", session.Store.Time.GetUtcNow(), session.Lab.Ui.TimelineLines));
                return Task.FromResult(LabActionResult.Success($"handout written: {PathText.Shown(path)}"));
            },
            ex => LabActionResult.Refused($"handout not written ({PathText.Shown(path)}): {ex.GetBaseException().Message}"),
            result => status.Show(result.Message, result.Ok ? Tone.Good : Tone.Warn));
    }
}
