namespace RedisHaTui.Tui;

/// <summary>How the screen runs.</summary>
/// <param name="Theme">"default", "presenter" (high contrast, for projectors) or "mono".</param>
/// <param name="IterationsPerSecond">The main loop's cap (Application.MaximumIterationsPerSecond); 20, the cheapest rate that meets the latency goals (BENCHMARKS.md).</param>
/// <param name="NoColor">NO_COLOR set: the mono theme and 16-colour output.</param>
/// <param name="ExitAfter">Quit by itself after this long (benchmarks).</param>
/// <param name="FirstFrameShown">Called once on the UI thread when the first frame is on screen.</param>
/// <param name="Share">--share: the server of this session's recording, whose address and follower count the status line shows.</param>
/// <param name="PollWhenIdle">Keep Terminal.Gui's polling input and fixed-slice loop instead of sleeping when idle (Ui:PollWhenIdle).</param>
public sealed record TuiOptions(string Theme, int IterationsPerSecond, bool NoColor, TimeSpan? ExitAfter = null, Action? FirstFrameShown = null,
    RedisHaTui.Core.Walkthrough.Walkthrough? Walkthrough = null, bool PollWhenIdle = false, RedisHaTui.Core.Sharing.ShareServer? Share = null);
