using RedisHaTui.Core.State;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// The guided walkthrough on the screen. Its progress lives in the snapshot (<see cref="LabSnapshot.Walkthrough"/>),
/// so a recording carries it: live, each snapshot is folded into it through the store (a step done by key or by hand
/// ticks itself, and the panel moves on) and `[` `]` move it the same way; in a replay the panel only shows what the
/// snapshot says. Without --walkthrough the keys say how to get one.
/// </summary>
internal sealed class WalkthroughController
{
    private readonly Walkthrough? _walkthrough;
    private readonly StatusLine _status;
    private readonly View _screen;
    private readonly LabStore _store;
    private readonly bool _replay;

    /// <param name="replay">The snapshots are a recording's: show their progress, never change it.</param>
    public WalkthroughController(Walkthrough? walkthrough, Theme theme, StatusLine status, View screen, LabStore store, bool replay = false)
    {
        _walkthrough = walkthrough;
        _status = status;
        _screen = screen;
        _store = store;
        _replay = replay;
        if (walkthrough is null) return;
        Panel = new WalkthroughPanel(theme, walkthrough);
        Progress = WalkthroughProgress.Start(walkthrough);
        Open = true; // --walkthrough: the panel is the point
    }

    public WalkthroughPanel? Panel { get; }

    /// <summary>The progress the panel shows: the newest snapshot's.</summary>
    public WalkthroughProgress? Progress { get; private set; }

    /// <summary>Whether the panel is shown (g toggles it).</summary>
    public bool Open { get; private set; }

    public void Observe(LabSnapshot snapshot)
    {
        if (_walkthrough is null || Progress is null) return;
        // Live, the fold goes into the store; the new snapshot comes back here through the door.
        if (!_replay) snapshot = _store.Update(Fold);
        if (snapshot.Walkthrough is not { } next || next == Progress || next.Passed.Length != _walkthrough.Steps.Length) return;
        int before = Progress.DoneCount;
        Apply(next);
        if (next.DoneCount > before)
        {
            WalkthroughStep last = _walkthrough.Steps[next.Passed.Items.LastIndexOf(StepState.Done)];
            _status.Show(next.Finished ? $"✓ {last.Title}: the walkthrough is complete" : $"✓ {last.Title} · next: {_walkthrough.Steps[next.Current].Title}", Tone.Good);
        }
    }

    public void Toggle()
    {
        if (!Loaded()) return;
        Open = !Open;
        _screen.SetNeedsLayout();
        _screen.SetNeedsDraw();
    }

    public void Next()
    {
        if (Loaded()) Move(p => p.Next(_walkthrough!));
    }

    public void Previous()
    {
        if (Loaded()) Move(p => p.Previous());
    }

    /// <summary>The current snapshot's progress (a fresh one when none is kept yet), with what the lab shows done ticked.</summary>
    private LabSnapshot Fold(LabSnapshot s)
    {
        WalkthroughProgress now = Current(s);
        WalkthroughProgress next = now.Observe(_walkthrough!, s);
        return next == s.Walkthrough ? s : s with { Walkthrough = next };
    }

    private WalkthroughProgress Current(LabSnapshot s) =>
        s.Walkthrough is { } kept && kept.Passed.Length == _walkthrough!.Steps.Length ? kept : WalkthroughProgress.Start(_walkthrough!);

    private void Move(Func<WalkthroughProgress, WalkthroughProgress> step)
    {
        if (_replay) return;
        LabSnapshot s = _store.Update(x => Current(x) is var now && step(now) is var moved && moved != x.Walkthrough ? x with { Walkthrough = moved } : x);
        Observe(s);
    }

    private void Apply(WalkthroughProgress progress)
    {
        Progress = progress;
        Panel!.Show(progress);
    }

    private bool Loaded()
    {
        if (_walkthrough is not null) return true;
        _status.Show("no walkthrough loaded: start the app with --walkthrough (lab/walkthrough.md) or --walkthrough FILE", Tone.Warn);
        return false;
    }
}
