using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Walkthrough;

/// <summary>Where a step stands. Current is derived (the first step neither done nor skipped), never stored.</summary>
public enum StepState { Pending, Current, Done, Skipped }

/// <summary>
/// How far a walkthrough got: which steps are done (a tick stays, even when the lab moves on: node1 ran, then was
/// killed) and which one the panel shows. Advanced by <see cref="Observe"/>, a pure fold over the snapshots, and
/// by the presenter's `[` and `]`.
/// </summary>
/// <param name="Passed">Per step: Pending, Done or Skipped.</param>
/// <param name="Shown">The step the panel shows.</param>
public sealed record WalkthroughProgress(ValueArray<StepState> Passed, int Shown)
{
    public static WalkthroughProgress Start(Walkthrough w) => new([.. w.Steps.Select(_ => StepState.Pending)], 0);

    /// <summary>The first step not passed yet: the one the lab is waiting for; past the end when all are.</summary>
    public int Current => Passed.IndexOf(StepState.Pending) is var i and >= 0 ? i : Passed.Length;

    public bool Finished => Current >= Passed.Length;

    public int DoneCount => Passed.Count(d => d == StepState.Done);

    /// <summary>
    /// Ticks the current step when the snapshot shows it done, then the next, and so on: several steps done by hand
    /// between two polls all tick. Steps tick in order only, so a later step's check never counts early. When the
    /// panel showed the step that just ticked, it moves on with it.
    /// </summary>
    public WalkthroughProgress Observe(Walkthrough w, LabSnapshot s)
    {
        WalkthroughProgress p = this;
        while (!p.Finished && w.Steps[p.Current].Check.Kind != CheckKind.Manual && StepConditions.IsMet(w.Steps[p.Current].Check, s))
            p = p.Pass(w, StepState.Done);
        return p;
    }

    /// <summary>
    /// `]`: shows the next step. When the shown step is the one the lab waits for, it is passed: a manual step
    /// (read, think) is done, a step the lab did not show done yet is skipped (marked so, never ticked).
    /// </summary>
    public WalkthroughProgress Next(Walkthrough w)
    {
        if (Shown == Current && !Finished)
            return Pass(w, w.Steps[Shown].Check.Kind == CheckKind.Manual ? StepState.Done : StepState.Skipped) with { Shown = Math.Min(Shown + 1, w.Steps.Length - 1) };
        return this with { Shown = Math.Min(Shown + 1, w.Steps.Length - 1) };
    }

    /// <summary>`[`: shows the step before; what is done stays done.</summary>
    public WalkthroughProgress Previous() => this with { Shown = Math.Max(0, Shown - 1) };

    public StepState StateOf(int step) => Passed[step] != StepState.Pending ? Passed[step] : step == Current ? StepState.Current : StepState.Pending;

    private WalkthroughProgress Pass(Walkthrough w, StepState how)
    {
        int passed = Current;
        WalkthroughProgress p = this with { Passed = Passed.SetItem(passed, how) };
        return p.Shown == passed ? p with { Shown = Math.Min(p.Current, w.Steps.Length - 1) } : p;
    }
}
