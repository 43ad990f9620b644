using RedisHaTui.Core.Drift;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// `v`: the selected process's config drift (its working copy against its template under lab/) in the overlay,
/// the same text as `redis-ha-tui drift NAME`. Reading two small files is quick enough for the UI thread.
/// </summary>
internal sealed class DriftViewer(ILabSession session, PaneGrid grid, ScreenModes modes, StatusLine status, TimeZoneInfo zone)
{
    public void ShowSelected()
    {
        if (grid.SelectedProcess is not { } pane)
        {
            status.Show("select a process pane first (1-9, Tab, or click it), then v", Tone.Warn);
            return;
        }
        // A deployment found through its sentinels has no lab file, hence no templates or working copies here.
        if (session.Lab.LabFile.Length == 0 || session.Lab.Find(pane.ProcessName) is not { } process)
        {
            status.Show($"drift: {pane.ProcessName} is not a process of a lab file here; its config is on its own machine", Tone.Warn);
            return;
        }
        ProcessDrift drift = ConfigDrift.Of(session.Lab, process);
        IReadOnlyList<Fact> lines = [.. DriftTexts.Lines(drift, LabLoader.Relative, zone).Select(l => new Fact(l.Text, ToneOf(l.Kind)))];
        modes.ShowText($"{pane.ProcessName}: config drift", lines);
    }

    private static Tone ToneOf(DriftTextKind kind) => kind switch
    {
        DriftTextKind.Heading => Tone.Strong,
        DriftTextKind.Added => Tone.Good,
        DriftTextKind.Removed => Tone.Warn,
        DriftTextKind.Why or DriftTextKind.App => Tone.Dim,
        _ => Tone.Normal,
    };
}
