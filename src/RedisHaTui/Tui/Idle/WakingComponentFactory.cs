using Terminal.Gui.Drivers;

namespace RedisHaTui.Tui.Idle;

/// <summary>The ANSI driver's parts, with the blocking input in place of the polling one; everything else is the library's.</summary>
/// <param name="terminalFd">What the blocking input waits on: stdin (0), which Terminal.Gui reads when it is a terminal.</param>
internal sealed class WakingComponentFactory(WaitingMainLoop loop, int terminalFd = 0) : AnsiComponentFactory
{
    private volatile BlockingAnsiInput? _input;

    /// <summary>The input the driver runs, once Init created it (on the input thread).</summary>
    public BlockingAnsiInput? Input => _input;

    public override IInput<char> CreateInput() => _input = new BlockingAnsiInput(terminalFd, loop.InputArrived);
}
