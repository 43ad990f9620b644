using System.Collections.Concurrent;

namespace RedisHaTui.Tui.Idle;

/// <summary>
/// The input thread's loop: read everything the terminal has, tell the main loop, sleep until there is more.
/// Terminal.Gui's loop (InputImpl.Run) reads the same way but sleeps a fixed 20 ms between looks.
/// </summary>
internal static class InputPump
{
    /// <param name="peek">True when input can be read now (Terminal.Gui's Peek: a non-blocking poll, or injected test input).</param>
    /// <param name="read">What is there now (Terminal.Gui's Read).</param>
    /// <param name="arrived">Called after new input was queued: wakes the main loop.</param>
    public static void Run(Func<bool> peek, Func<IEnumerable<char>> read, ConcurrentQueue<char> queue, InputWaiter waiter,
        Action arrived, CancellationToken cancel)
    {
        using CancellationTokenRegistration stop = cancel.Register(waiter.Wake);
        InputWaiter.Outcome last = InputWaiter.Outcome.Woken;
        while (!cancel.IsCancellationRequested)
        {
            int queued = Drain(peek, read, queue);
            if (queued > 0) arrived();
            // poll said readable and nothing came: end of file, a hang-up, or an input that cannot read the terminal.
            // Polling it again would return at once, for ever: give it up and wait for a wake (a stop) only.
            else if (last == InputWaiter.Outcome.TerminalReadable) waiter.GiveUpTerminal();
            if (cancel.IsCancellationRequested) break;
            last = waiter.Wait();
        }
    }

    private static int Drain(Func<bool> peek, Func<IEnumerable<char>> read, ConcurrentQueue<char> queue)
    {
        int total = 0;
        while (peek())
        {
            int n = 0;
            foreach (char c in read())
            {
                queue.Enqueue(c);
                n++;
            }
            if (n == 0) break; // peek keeps saying yes at end of file: one empty read is the answer
            total += n;
        }
        return total;
    }
}
