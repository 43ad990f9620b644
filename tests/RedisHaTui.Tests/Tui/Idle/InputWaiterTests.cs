using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Pipes;
using RedisHaTui.Tui.Idle;

namespace RedisHaTui.Tests.Tui.Idle;

/// <summary>The input thread's sleep on real pipes: it wakes for bytes and for a wake, and never spins on a terminal that hung up.</summary>
public sealed class InputWaiterTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// A blocking wait on a thread of its own, as Terminal.Gui's input thread is: on a pool thread, the tests running
    /// beside it could starve the pool and make a stop look 2 s slow (the pool adds threads about once a second).
    /// </summary>
    private static Task<T> OnOwnThread<T>(Func<T> blocking) =>
        Task.Factory.StartNew(blocking, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task OnOwnThread(Action blocking) =>
        Task.Factory.StartNew(blocking, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public async Task Bytes_on_the_terminal_end_the_wait()
    {
        using var terminal = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, terminal.ClientSafePipeHandle);
        using var waiter = new InputWaiter(Fd(reader));

        Task<InputWaiter.Outcome> wait = OnOwnThread(waiter.Wait);
        await Task.Delay(Quiet);
        Assert.False(wait.IsCompleted, "nothing was typed, yet the wait ended");
        terminal.WriteByte((byte)'?');
        terminal.Flush();

        Assert.Equal(InputWaiter.Outcome.TerminalReadable, await wait.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(waiter.TerminalGivenUp);
    }

    [Fact]
    public async Task A_wake_from_another_thread_ends_the_wait_and_wakes_are_not_counted()
    {
        using var terminal = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, terminal.ClientSafePipeHandle);
        using var waiter = new InputWaiter(Fd(reader));
        for (int i = 0; i < 100_000; i++) waiter.Wake(); // more than a pipe holds: only one byte is ever written

        Assert.Equal(InputWaiter.Outcome.Woken, await OnOwnThread(waiter.Wait).WaitAsync(TimeSpan.FromSeconds(5)));
        Task<InputWaiter.Outcome> next = OnOwnThread(waiter.Wait);
        await Task.Delay(Quiet);
        Assert.False(next.IsCompleted, "the wakes before the first wait woke the second one too");
        waiter.Wake();
        Assert.Equal(InputWaiter.Outcome.Woken, await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Wakes_racing_with_waits_are_never_lost()
    {
        // A lost wake would hang a stop for ever (Terminal.Gui waits for the input thread with no time-out).
        using var terminal = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, terminal.ClientSafePipeHandle);
        using var waiter = new InputWaiter(Fd(reader));
        using var stop = new CancellationTokenSource();
        Task noise = Task.Run(() => { while (!stop.IsCancellationRequested) waiter.Wake(); });
        for (int i = 0; i < 2000; i++) await OnOwnThread(waiter.Wait).WaitAsync(TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await noise;

        waiter.Wake(); // the last one, alone: it must still end a wait
        Assert.Equal(InputWaiter.Outcome.Woken, await OnOwnThread(waiter.Wait).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_terminal_that_hung_up_is_given_up_and_the_next_wait_sleeps_until_woken()
    {
        var terminal = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, terminal.ClientSafePipeHandle);
        using var waiter = new InputWaiter(Fd(reader));
        terminal.Dispose(); // the other end is gone: poll says POLLHUP from now on, for ever

        Assert.Equal(InputWaiter.Outcome.TerminalReadable, await OnOwnThread(waiter.Wait).WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.True(waiter.TerminalGivenUp);
        Task<InputWaiter.Outcome> next = OnOwnThread(waiter.Wait);
        await Task.Delay(Quiet);
        Assert.False(next.IsCompleted, "the hung-up terminal was polled again");
        waiter.Wake();
        Assert.Equal(InputWaiter.Outcome.Woken, await next.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task The_pump_does_not_spin_on_a_terminal_that_is_readable_but_yields_nothing()
    {
        // What a hung-up tty looks like to Terminal.Gui's input: poll says readable (POLLIN|POLLHUP), read returns nothing.
        using var terminal = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, terminal.ClientSafePipeHandle);
        terminal.WriteByte(0); // readable, and stays so: nobody reads it
        terminal.Flush();
        using var waiter = new InputWaiter(Fd(reader));
        int peeks = 0;
        using var stop = new CancellationTokenSource();
        var queue = new ConcurrentQueue<char>();

        Task pump = OnOwnThread(() => InputPump.Run(() => { Interlocked.Increment(ref peeks); return true; }, () => [], queue, waiter, () => { }, stop.Token));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        int seen = Volatile.Read(ref peeks);
        var clock = Stopwatch.StartNew();
        await stop.CancelAsync();
        await pump.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(seen <= 3, $"{seen} looks at a terminal that yields nothing in 0.5 s: the input thread spins");
        Assert.True(waiter.TerminalGivenUp);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"the stop took {clock.Elapsed.TotalMilliseconds:0} ms");
        Assert.Empty(queue);
    }

    [Fact]
    public async Task The_pump_queues_what_the_terminal_sends_and_says_so()
    {
        using var terminal = new AnonymousPipeServerStream(PipeDirection.Out);
        using var reader = new AnonymousPipeClientStream(PipeDirection.In, terminal.ClientSafePipeHandle);
        using var waiter = new InputWaiter(Fd(reader));
        var queue = new ConcurrentQueue<char>();
        var arrivals = new SemaphoreSlim(0);
        var buffer = new byte[16];
        using var stop = new CancellationTokenSource();
        // Peek and read as Terminal.Gui's input does on a real terminal: a non-blocking look, then what is there.
        bool Peek() => Readable(reader);
        IEnumerable<char> Read() => [.. buffer.Take(reader.Read(buffer)).Select(b => (char)b)];

        Task pump = OnOwnThread(() => InputPump.Run(Peek, Read, queue, waiter, () => arrivals.Release(), stop.Token));
        foreach (string keys in new[] { "?", "\u001b[A", "q" })
        {
            terminal.Write(System.Text.Encoding.ASCII.GetBytes(keys));
            terminal.Flush();
            Assert.True(await arrivals.WaitAsync(TimeSpan.FromSeconds(5)), $"{keys} never arrived");
        }
        await stop.CancelAsync();
        await pump.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("?\u001b[Aq", new string([.. queue]));
        Assert.False(waiter.TerminalGivenUp);
    }

    private static int Fd(PipeStream pipe) => (int)pipe.SafePipeHandle.DangerousGetHandle();

    private static bool Readable(PipeStream pipe)
    {
        Span<UnixPoll.PollFd> fd = [new() { Fd = Fd(pipe), Events = UnixPoll.In }];
        return UnixPoll.Wait(fd, 0) > 0 && (fd[0].Revents & UnixPoll.In) != 0;
    }
}
