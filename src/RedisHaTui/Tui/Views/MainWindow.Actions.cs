using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Tui.Input;
using RedisHaTui.Tui.Presentation;

namespace RedisHaTui.Tui.Views;

internal sealed partial class MainWindow
{
    private Action? _onConfirm;

    private void RunKeyAction(UiCommand command)
    {
        switch (command)
        {
            case UiCommand.Failover: AskFailover(); return;
            case UiCommand.KillMaster: RunAction(LabActionKind.KillMaster, null, "kill -9 the master"); return;
            case UiCommand.CheckQuorum: RunAction(LabActionKind.CheckQuorum, null, "check quorum"); return;
        }
        if (SelectedProcess is not { } pane)
        {
            _status.Show("select a process pane first (1-9, Tab, or click it)", Tone.Warn);
            return;
        }
        string name = pane.ProcessName;
        (LabActionKind kind, string label) = command switch
        {
            UiCommand.Start => (LabActionKind.Start, $"start {name}"),
            UiCommand.Stop => (LabActionKind.Stop, $"stop {name}"),
            UiCommand.Kill => (LabActionKind.Kill, $"kill -9 {name}"),
            UiCommand.Restart => (LabActionKind.Restart, $"restart {name}"),
            UiCommand.PauseResume when pane.State == ProcessState.Paused => (LabActionKind.Resume, $"resume {name}"),
            UiCommand.PauseResume => (LabActionKind.Pause, $"pause {name}"),
            UiCommand.DebugSleep => (LabActionKind.DebugSleep, $"DEBUG SLEEP 5 on {name}"),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command, "not an action key"),
        };
        RunAction(kind, name, label);
    }

    /// <summary>Asks first, saying what Sentinel will do; an unavailable failover says why without asking.</summary>
    private void AskFailover()
    {
        LabSnapshot snapshot = _session.Store.Current;
        if (WhyNot(LabActionKind.Failover, null, snapshot) is { } why)
        {
            _status.Show($"failover: {why}", Tone.Warn);
            return;
        }
        var lines = FailoverPreview.Describe(snapshot).Split('\n').Select(l => new Fact(l)).ToList();
        _onConfirm = () => RunAction(LabActionKind.Failover, null, "failover");
        OpenOverlay(Mode.Confirm, "Sentinel failover?", lines, "Enter/y fail over · Esc/n cancel");
    }

    /// <summary>
    /// Checks the action's disabled reason on the UI thread (a pure look at the snapshot), then runs it on the
    /// thread pool: a stop that waits seconds for SHUTDOWN never freezes the screen. The result comes back through Invoke.
    /// </summary>
    private void RunAction(LabActionKind kind, string? target, string label)
    {
        if (WhyNot(kind, target, _session.Store.Current) is { } why)
        {
            _status.Show($"{label}: {why}", Tone.Warn);
            return;
        }
        _status.Show($"{label}…", Tone.Dim);
        CancellationToken ct = _door.Closing;
        _ = Task.Run(async () =>
        {
            LabActionResult result;
            try { result = await _session.Actions.RunAsync(kind, target, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) { result = LabActionResult.Refused($"{label} failed: {ex.GetBaseException().Message}"); }
            string message = string.IsNullOrWhiteSpace(result.Message) ? $"{label}: {(result.Ok ? "done" : "refused")}" : result.Message;
            _door.Post(() => _status.Show(message, result.Ok ? Tone.Good : Tone.Warn));
        }, CancellationToken.None);
    }

    private string? WhyNot(LabActionKind kind, string? target, LabSnapshot snapshot)
    {
        try { return _session.Actions.DisabledReason(kind, target, snapshot); }
        catch (Exception ex) { return $"cannot tell ({ex.GetBaseException().Message})"; }
    }

    private void OpenConsole()
    {
        if (SelectedProcess is not { } pane)
        {
            _status.Show("commands go to a process: select its pane first (1-9, Tab)", Tone.Warn);
            return;
        }
        _mode = Mode.Command;
        _console.Open(pane.ProcessName, $"{LabDefinition.Host}:{pane.Definition.Port}");
        _status.ModeHint = "Enter send · ↑↓ history · Esc close";
        SetNeedsLayout();
    }

    private void CloseConsole()
    {
        _mode = Mode.Normal;
        _console.Close();
        _status.ModeHint = null;
        SetNeedsDraw();
    }

    private void SubmitCommand()
    {
        string line = _console.Editor.Submit().Trim();
        _console.Append(_console.Prompt + line, Tone.Strong);
        if (line.Length == 0) return;
        string target = _console.Target;
        _console.Pending++;
        CancellationToken ct = _door.Closing;
        _ = Task.Run(async () =>
        {
            LabActionResult result;
            try { result = await _session.Actions.RunCommandAsync(target, line, ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) { result = LabActionResult.Refused($"(error) {ex.GetBaseException().Message}"); }
            _door.Post(() =>
            {
                _console.Pending--;
                _console.Append(result.Message, result.Ok ? Tone.Normal : Tone.Bad);
            });
        }, CancellationToken.None);
    }
}
