using RedisHaTui.Core.Recording;
using RedisHaTui.Core.Recording.Replay;
using RedisHaTui.Tui.Input;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// The replay's keys and its scrub bar: space, ← →, Shift+← →, [ ], &lt; &gt;, `:` (go to a time) and End drive the
/// player; the bar on the status line shows where it is. Only a replayed session has one: on a live screen these
/// keys keep their live meaning.
/// </summary>
internal sealed class ReplayController : IPrompt
{
    private readonly ReplayPlayer _player;
    private readonly ScreenModes _modes;
    private readonly StatusLine _status;
    private readonly PaneGrid _grid;
    private readonly TimeZoneInfo _zone;
    private string? _drawn; // the bar as last drawn, to redraw only when it changes

    private readonly Action _redraw;

    /// <param name="redraw">Draws what a move changed at once (the log panes redraw on a timer otherwise).</param>
    public ReplayController(ReplayPlayer player, ScreenModes modes, StatusLine status, PaneGrid grid, TimeZoneInfo zone, Action redraw)
    {
        _redraw = redraw;
        _player = player;
        _modes = modes;
        _status = status;
        _grid = grid;
        _zone = zone;
        _status.Scrub = Pieces;
    }

    public LineEditor Editor { get; } = new();

    public ScrubState State => new(_player.Start, _player.End, _player.Position, _player.Playing, _player.Live, _player.Speed,
        _player.Recording.Marks, _player.Recording.Problem is not null);

    /// <summary>The scrub bar at <paramref name="width"/>.</summary>
    public IReadOnlyList<Fact> Pieces(int width) => ScrubBar.Pieces(State, width, _zone);

    /// <summary>Called by the main window's timer: while playing the bar moves, so it is drawn again when its text changed.</summary>
    public void Tick()
    {
        string now = ScrubBar.Text(Pieces(Math.Max(1, _status.Viewport.Width)));
        if (now == _drawn) return;
        _drawn = now;
        _status.SetNeedsDraw();
    }

    public void TogglePlay() => Moved(_player.TogglePlay);

    public void Step(bool forward) => Moved(forward ? _player.StepForward : _player.StepBack);

    public void Skip(bool forward) => Moved(() => _player.SkipBy(forward ? ReplayPlayer.Skip : -ReplayPlayer.Skip));

    public void Faster() => Moved(_player.Faster);

    public void Slower() => Moved(_player.Slower);

    /// <summary>End: back to the end of the recording (live while it grows), the selected log at its newest line too.</summary>
    public void GoToEnd()
    {
        Moved(_player.GoToEnd);
        _grid.Selected.ScrollToBottom();
    }

    /// <summary>[ and ]: the previous or next mark, named on the status line (what it was is the point of going there).</summary>
    public void Mark(bool forward)
    {
        _status.ClearMessage();
        DateTimeOffset from = _player.Position;
        RecordingMark? mark = forward ? _player.NextMark() : _player.PreviousMark();
        if (mark is null)
        {
            _status.Show($"no mark {(forward ? "after" : "before")} {Clock(from)} ({(_player.Recording.Marks.Count == 0 ? "this recording has none" : $"{_player.Recording.Marks.Count} in all")})", Tone.Warn);
            return;
        }
        // "failover 1: kill -9 node1" names its kind already; "node1 killed" does not.
        string kind = KindText(mark.Kind);
        string text = mark.Text.StartsWith(kind, StringComparison.OrdinalIgnoreCase) ? mark.Text : $"{kind}: {mark.Text}";
        _status.Show($"{(forward ? "]" : "[")} {Clock(mark.At)} {text}", Tone.Accent);
        Drawn();
    }

    /// <summary>`:` opens "go to" on the status line.</summary>
    public void OpenGoTo()
    {
        _modes.OpenPrompt(ScreenMode.GoTo, this);
        Editor.Clear();
        _status.Prompt = ("go to: ", Editor);
        _status.PromptFooter = $"Enter go · Esc cancel · {GoToTime.Forms}";
        _status.SetNeedsDraw();
    }

    public bool Submit()
    {
        string text = Editor.Submit();
        (DateTimeOffset? at, string? error) = GoToTime.Parse(text, _player.Start, _player.End, _player.Position, _zone);
        if (at is { } t) Moved(() => _player.SeekTo(t));
        else _status.Show($"go to: {error}", Tone.Warn);
        return false;
    }

    public void Edited() => _status.SetNeedsDraw();

    public void Hide()
    {
        _status.Prompt = null;
        _status.PromptFooter = StatusLine.SearchFooter;
        _status.SetNeedsDraw();
    }

    /// <summary>
    /// A key that moves the playhead gives the status line back to the scrub bar at once: a message (a mark's name)
    /// stays until the next move, however the session's clock runs (paused, it does not).
    /// </summary>
    private void Moved(Action move)
    {
        _status.ClearMessage();
        move();
        Drawn();
    }

    /// <summary>The bar shows the new position at once, not at the next tick.</summary>
    private void Drawn()
    {
        _drawn = null;
        _status.SetNeedsDraw();
        _redraw();
    }

    private string Clock(DateTimeOffset at) => $"{TimeZoneInfo.ConvertTime(at, _zone):HH:mm:ss}";

    private static string KindText(RecordingMarkKind kind) => kind switch
    {
        RecordingMarkKind.WalkthroughStep => "walkthrough step",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
