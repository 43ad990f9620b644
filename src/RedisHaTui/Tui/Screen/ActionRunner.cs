using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// Runs the lab's actions for the keys: on the selected process or on the whole lab, asking first where the
/// table says so. Whether an action may run now is asked in one place, <see cref="DisabledReason"/>; a refusal
/// is said on the status line instead of running.
/// </summary>
internal sealed class ActionRunner
{
    private readonly ILabSession _session;
    private readonly PaneGrid _grid;
    private readonly ScreenModes _modes;
    private readonly StatusLine _status;
    private readonly UiThreadDoor _door;

    public ActionRunner(ILabSession session, PaneGrid grid, ScreenModes modes, StatusLine status, UiThreadDoor door)
    {
        _session = session;
        _grid = grid;
        _modes = modes;
        _status = status;
        _door = door;
    }

    /// <summary>
    /// Why <paramref name="kind"/> cannot run on <paramref name="target"/> right now, or null: the screen's only
    /// "may this run" check. The answer is the snapshot's, computed by the core in the store's update.
    /// </summary>
    public string? DisabledReason(LabActionKind kind, string? target) => _session.Store.Current.WhyNot(kind, target);

    /// <summary>The snapshot the reasons come from, for the help and the status bar to show them before a key is pressed.</summary>
    public LabSnapshot Snapshot => _session.Store.Current;

    public void RunOnSelected(LabActionKind kind)
    {
        if (SelectedProcessName() is { } name) Run(kind, name);
    }

    /// <summary>`p`: resume a process the snapshot says is paused, else pause it.</summary>
    public void PauseOrResumeSelected()
    {
        if (SelectedProcessName() is not { } name) return;
        bool paused = _session.Store.Current.ProcessOf(name)?.State == ProcessState.Paused;
        Run(paused ? LabActionKind.Resume : LabActionKind.Pause, name);
    }

    public void RunLabWide(LabActionKind kind) => Run(kind, null);

    /// <summary>
    /// Asks first, saying what will happen (<paramref name="describe"/> reads the snapshot); an action that
    /// cannot run says why without asking, and is checked again when confirmed.
    /// </summary>
    public void AskFirst(LabActionKind kind, string title, Func<LabSnapshot, string> describe, string footer)
    {
        if (Refused(kind, null)) return;
        var lines = describe(_session.Store.Current).Split('\n').Select(l => new Fact(l)).ToList();
        // On someone else's deployment a stray y must not fail it over: the master's name, typed out, confirms.
        if (kind == LabActionKind.Failover && _session.Policy.ConfirmFailoverByName)
        {
            string name = _session.Lab.MasterName;
            lines.Add(new Fact($"This is not your lab: type {name} and Enter to fail it over.", Tone.Warn));
            _modes.Ask(new Question(title, lines, $"type {name} + Enter fail over · Esc cancel", () => Run(kind, null), MustType: name));
            return;
        }
        _modes.Ask(new Question(title, lines, footer, () => Run(kind, null)));
    }

    /// <summary>
    /// Checks on the UI thread (a pure look at the snapshot), then runs on the thread pool: a stop that waits
    /// seconds for SHUTDOWN never freezes the screen. The result comes back through the door.
    /// </summary>
    private void Run(LabActionKind kind, string? target)
    {
        if (Refused(kind, target)) return;
        string label = LabCommands.Get(kind).Label(target);
        _status.Show($"{label}…", Tone.Dim);
        _door.RunThenShow(
            ct => _session.Actions.RunAsync(kind, target, ct),
            ex => LabActionResult.Refused($"{label} failed: {ex.GetBaseException().Message}"),
            result => _status.Show(
                string.IsNullOrWhiteSpace(result.Message) ? $"{label}: {(result.Ok ? "done" : "refused")}"
                // CKQUORUM's answer names sentinels, not the action: say which action answered.
                : kind == LabActionKind.CheckQuorum ? $"{label}: {result.Message}"
                : result.Message,
                result.Ok ? Tone.Good : Tone.Warn));
    }

    private bool Refused(LabActionKind kind, string? target)
    {
        if (DisabledReason(kind, target) is not { } why) return false;
        _status.Show($"{LabCommands.Get(kind).Label(target)}: {why}", Tone.Warn);
        return true;
    }

    private string? SelectedProcessName()
    {
        if (_grid.SelectedProcess is { } pane) return pane.ProcessName;
        _status.Show("select a process pane first (1-9, Tab, or click it)", Tone.Warn);
        return null;
    }
}
