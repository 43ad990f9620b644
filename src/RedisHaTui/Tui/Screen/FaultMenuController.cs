using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Faults;
using RedisHaTui.Core.Session;
using RedisHaTui.Presentation;
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
            lines.Add(why is null ? new Fact($"{KeyOf(i)}  {entry.Title}") : new Fact($"{KeyOf(i)}  {entry.Title}: {why}", Tone.Dim));
        }
        return lines;
    }

    public void Open() => _modes.ShowMenu("faults: break the lab on purpose", MenuLines(), $"1-{KeyOf(FaultMenu.All.Count - 1)} choose · Esc close", Choose);

    /// <summary>The key of entry <paramref name="index"/>: 1-9, then a, b, c… (the partition lessons made the menu longer than nine).</summary>
    public static char KeyOf(int index) => index < 9 ? (char)('1' + index) : (char)('a' + index - 9);

    /// <summary>Which entry a key picks; -1 for none.</summary>
    public static int IndexOf(char key) => key is >= '1' and <= '9' ? key - '1' : key is >= 'a' and <= 'z' ? key - 'a' + 9 : -1;

    /// <summary>A key typed while the menu is open: a digit or letter picks an entry; anything else is ignored.</summary>
    private void Choose(char key)
    {
        int index = IndexOf(key);
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
        var context = new FaultContext(_session.Actions, _session.Store, _session.Lab, _session.Log) { Network = _session.Network };
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
