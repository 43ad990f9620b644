using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Presentation;

/// <summary>
/// The walkthrough panel's lines, a pure function of the walkthrough, its progress and the panel's size: the steps
/// with their marks (✓ done, ▶ the one the lab waits for, » skipped), then the shown step in full: its explanation,
/// the command a student types, the app's key, and what the lab must show for it to tick.
/// </summary>
internal static class WalkthroughText
{
    public static string Title(Walkthrough w, WalkthroughProgress p) =>
        p.Finished ? $"walkthrough: all {w.Steps.Length} steps passed" : $"walkthrough {p.Shown + 1}/{w.Steps.Length} · ✓ {p.DoneCount}";

    public static IReadOnlyList<Fact> Lines(Walkthrough w, WalkthroughProgress p, int width, int height)
    {
        if (width <= 0 || height <= 0) return [];
        WalkthroughStep step = w.Steps[p.Shown];
        var title = TextFit.Wrap(step.Title, width, 2).Select(l => new Fact(l, Tone.Accent)).ToList();
        var commands = step.Commands.SelectMany(c => TextFit.Wrap("$ " + c, width, 3)).Select(l => new Fact(l, Tone.Strong)).ToList();
        // The paths in the commands are relative to the lab's folder: say where they are typed.
        if (commands.Count > 0) commands.InsertRange(0, TextFit.Wrap(WalkthroughSheet.Where(w) + ":", width, 2).Select(l => new Fact(l, Tone.Dim)));
        if (step.Key.Length > 0) commands.AddRange(TextFit.Wrap("in the app: " + step.Key, width, 2).Select(l => new Fact(l, Tone.Strong)));
        // On a short screen the explanation gives way first: the command and what the lab waits for always show.
        int fixedRows = 1 + title.Count + commands.Count + 2 + Math.Min(3, w.Steps.Length);
        int explanationRows = Math.Clamp(height - fixedRows, 1, 10);
        var detail = new List<Fact> { new("", Tone.Dim) };
        detail.AddRange(title);
        // The explanation's lines are one paragraph in the file (Markdown's way), rewrapped to the panel's width.
        if (step.Explanation.Length > 0) detail.AddRange(TextFit.Wrap(string.Join(' ', step.Explanation), width, explanationRows).Select(l => new Fact(l)));
        detail.AddRange(commands);
        detail.Add(p.StateOf(p.Shown) switch
        {
            StepState.Done => new Fact(TextFit.Truncate("✓ done", width), Tone.Good),
            StepState.Skipped => new Fact(TextFit.Truncate("» skipped (] passed it)", width), Tone.Dim),
            _ when step.Check.Kind == CheckKind.Manual => new Fact(TextFit.Truncate("] when done", width), Tone.Warn),
            _ => new Fact(TextFit.Truncate("waiting for: " + step.Check.Describe(), width), Tone.Warn),
        });
        detail.Add(new Fact(TextFit.Truncate("[ ] previous/next · g hide", width), Tone.Dim));

        // The step list gets what the detail leaves, at least 3 rows, as a window around the shown step.
        int listRows = Math.Max(Math.Min(3, w.Steps.Length), height - detail.Count);
        int first = Math.Clamp(p.Shown - listRows / 2, 0, Math.Max(0, w.Steps.Length - listRows));
        var lines = new List<Fact>();
        for (int i = first; i < w.Steps.Length && lines.Count < listRows; i++)
        {
            (string mark, Tone tone) = p.StateOf(i) switch
            {
                StepState.Done => ("✓", Tone.Good),
                StepState.Skipped => ("»", Tone.Dim),
                StepState.Current => ("▶", Tone.Strong),
                _ => (" ", Tone.Dim),
            };
            string pointer = i == p.Shown ? ">" : " ";
            lines.Add(new Fact(TextFit.Truncate($"{pointer}{mark} {i + 1}. {w.Steps[i].Title}", width), i == p.Shown ? Tone.Accent : tone));
        }
        lines.AddRange(detail);
        return lines.Take(height).ToList();
    }
}
