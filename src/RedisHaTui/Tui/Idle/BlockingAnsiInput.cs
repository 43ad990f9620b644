using System.Collections.Concurrent;
using Terminal.Gui.Drivers;

namespace RedisHaTui.Tui.Idle;

/// <summary>
/// Terminal.Gui's ANSI input (raw mode, escape-sequence parsing, restore on dispose: all inherited) with a blocking
/// read loop. Initialize and Run are not virtual, but the input thread calls them through IInput&lt;char&gt;, so
/// re-implementing the interface here is enough to replace the loop without touching the library.
/// </summary>
internal sealed class BlockingAnsiInput : AnsiInput, IInput<char>, ITestableInput<char>
{
    private readonly InputWaiter _waiter;
    private readonly Action _arrived;
    private ConcurrentQueue<char>? _queue;

    /// <param name="terminalFd">The descriptor Terminal.Gui reads (stdin, when it is a terminal).</param>
    /// <param name="arrived">Called on the input thread after input was queued.</param>
    public BlockingAnsiInput(int terminalFd, Action arrived)
    {
        _waiter = new InputWaiter(terminalFd);
        _arrived = arrived;
    }

    /// <summary>Input read but not yet taken by the main loop.</summary>
    public bool HasQueuedInput => _queue is { IsEmpty: false };

    /// <summary>True once the terminal hung up or reached end of file and the thread stopped watching it.</summary>
    public bool TerminalGivenUp => _waiter.TerminalGivenUp;

    void IInput<char>.Initialize(ConcurrentQueue<char> inputQueue)
    {
        _queue = inputQueue;
        Initialize(inputQueue);
    }

    void IInput<char>.Run(CancellationToken runCancellationToken)
    {
        ConcurrentQueue<char> queue = _queue ?? throw new InvalidOperationException("Cannot run input before Initialization");
        using CancellationTokenSource? linked = ExternalCancellationTokenSource is { } external
            ? CancellationTokenSource.CreateLinkedTokenSource(runCancellationToken, external.Token)
            : null;
        InputPump.Run(Peek, Read, queue, _waiter, _arrived, linked?.Token ?? runCancellationToken);
    }

    /// <summary>Injected input would wait for the next real key otherwise: wake the thread to read it.</summary>
    void ITestableInput<char>.InjectInput(char input)
    {
        InjectInput(input);
        _waiter.Wake();
    }

    public override void Dispose()
    {
        base.Dispose(); // restores the terminal first
        _waiter.Dispose();
    }
}
