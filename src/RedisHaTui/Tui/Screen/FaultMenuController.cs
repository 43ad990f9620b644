using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.Session;
using RedisHaTui.Tui.Presentation;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// `!`: the fault menu in the overlay. Each entry is numbered; one that cannot run now shows why (the core's
/// reasons). Choosing one says what to expect and asks (Enter/y); it then runs in the background like any action,
/// and its result (CKQUORUM's answer, the resync's kind and reason) opens in the overlay.
/// </summary>
internal sealed class FaultMenuController
{
    /// <summary>The overlay's text width: the expectations are sentences, wrapped to this.</summary>
    private const int TextWidth = 72;

    private readonly ILabSession _session;
    private readonly ScreenModes _modes;
    private readonly StatusLine _status;
    private readonly UiThreadDoor _door;

    public FaultMenuController(ILabSession session, ScreenModes modes, StatusLine status, UiThreadDoor door)
    {
        _session = session;
        _modes = modes;
        _status = status;
        _door = door;
    }

    /// <summary>The menu's lines, a pure look at the snapshot: number, title, and the reason when disabled.</summary>
    public IReadOnlyList<Fact> MenuLines()
    {
        var lines = new List<Fact>();
        for (int i = 0; i < FaultMenu.All.Count; i++)
        {
            FaultEntry entry = FaultMenu.All[i];
            string? why = FaultMenu.WhyNot(entry, _session.Store.Current, _session.Lab);
            lines.Add(why is null ? new Fact($"{i + 1}  {entry.Title}") : new Fact($"{i + 1}  {entry.Title}: {why}", Tone.Dim));
        }
        return lines;
    }

    public void Open() => _modes.ShowMenu("faults: break the lab on purpose", MenuLines(), $"1-{FaultMenu.All.Count} choose · Esc close", Choose);

    /// <summary>A key typed while the menu is open: a digit picks an entry; anything else is ignored.</summary>
    private void Choose(char key)
    {
        int index = key - '1';
        if (index < 0 || index >= FaultMenu.All.Count) return;
        FaultEntry entry = FaultMenu.All[index];
        if (FaultMenu.WhyNot(entry, _session.Store.Current, _session.Lab) is { } why)
        {
            _modes.Close();
            _status.Show($"{entry.Title}: {why}", Tone.Warn);
            return;
        }
        string expect = entry.Expect(_session.Store.Current, _session.Lab);
        var lines = TextFit.Wrap(expect, TextWidth, 12).Select(l => new Fact(l)).ToList();
        _modes.Ask(new Question(entry.Title + "?", lines, "Enter/y run · Esc/n cancel", () => Run(entry)));
    }

    private void Run(FaultEntry entry)
    {
        _status.Show($"fault: {entry.Title}…", Tone.Dim);
        var context = new FaultContext(_session.Actions, _session.Store, _session.Lab, _session.Log);
        _door.RunThenShow(
            ct => FaultMenu.RunAsync(entry, context, ct),
            ex => LabActionResult.Refused($"{entry.Title} failed: {ex.GetBaseException().Message}"),
            result =>
            {
                string[] lines = result.Message.Split('\n');
                if (lines.Length > 1)
                    _modes.ShowText(entry.Title, [.. lines.SelectMany(l => TextFit.Wrap(l, TextWidth, 4)).Select(l => new Fact(l, result.Ok ? Tone.Normal : Tone.Warn))]);
                _status.Show(lines[0], result.Ok ? Tone.Good : Tone.Warn);
            });
    }
}
