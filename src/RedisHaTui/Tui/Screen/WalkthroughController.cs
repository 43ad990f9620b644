using RedisHaTui.Core.State;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// The guided walkthrough on the screen: folds each snapshot into the progress (a step done by key or by hand
/// ticks itself, and the panel moves on), and answers `g`, `[` and `]`. Without --walkthrough the keys say how to get one.
/// </summary>
internal sealed class WalkthroughController
{
    private readonly Walkthrough? _walkthrough;
    private readonly StatusLine _status;
    private readonly View _screen;

    public WalkthroughController(Walkthrough? walkthrough, Theme theme, StatusLine status, View screen)
    {
        _walkthrough = walkthrough;
        _status = status;
        _screen = screen;
        if (walkthrough is null) return;
        Panel = new WalkthroughPanel(theme, walkthrough);
        Progress = WalkthroughProgress.Start(walkthrough);
        Open = true; // --walkthrough: the panel is the point
    }

    public WalkthroughPanel? Panel { get; }

    public WalkthroughProgress? Progress { get; private set; }

    /// <summary>Whether the panel is shown (g toggles it).</summary>
    public bool Open { get; private set; }

    public void Observe(LabSnapshot snapshot)
    {
        if (_walkthrough is null || Progress is null) return;
        WalkthroughProgress next = Progress.Observe(_walkthrough, snapshot);
        if (next == Progress) return;
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
        if (Loaded()) Apply(Progress!.Next(_walkthrough!));
    }

    public void Previous()
    {
        if (Loaded()) Apply(Progress!.Previous());
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
