using RedisHaTui.Presentation;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// A yes/no question in the overlay: Enter or y runs <paramref name="OnYes"/>, Esc or n closes it. With
/// <paramref name="MustType"/>, the answer is that word typed out and Enter (a failover on someone else's deployment).
/// </summary>
/// <param name="YesOnCtrlC">Ctrl+C answers yes too: asked again while the quit question is open, it means "really quit".</param>
internal sealed record Question(string Title, IReadOnlyList<Fact> Lines, string Footer, Action OnYes, bool YesOnCtrlC = false, string? MustType = null);
