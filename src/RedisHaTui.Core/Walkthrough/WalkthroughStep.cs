using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Walkthrough;

/// <summary>One step of a walkthrough, as the presenter wrote it, with the lab's real ports already in its commands.</summary>
/// <param name="Line">Where its heading is in the file, to name it in messages.</param>
/// <param name="Commands">What a student types in a terminal, e.g. `redis-cli -p 7001 info replication`.</param>
/// <param name="Key">The app's keys that do the same, e.g. "1 s"; empty when there are none.</param>
/// <param name="Explanation">Two or three lines on what happens and why.</param>
public sealed record WalkthroughStep(int Line, string Title, StepCheck Check, ValueArray<string> Commands, string Key, ValueArray<string> Explanation);

/// <summary>A walkthrough loaded from its file: the steps in order.</summary>
/// <param name="File">The file it came from, as shown in messages.</param>
public sealed record Walkthrough(string File, string Title, ValueArray<WalkthroughStep> Steps)
{
    /// <summary>The folder the commands are typed in (the lab's): their paths are relative to it.</summary>
    public string TypeFrom { get; init; } = "";

    /// <summary>The keys some step's `key-equals` needs read on each poll: the monitor reads them only while such a walkthrough is loaded.</summary>
    public IReadOnlyList<string> WatchedKeys => [.. Steps.Where(s => s.Check.Kind == CheckKind.KeyEquals).Select(s => s.Check.Key!).Distinct()];
}
