using System.Diagnostics;
using System.IO.Pipes;
using RedisHaTui.Tui.Idle;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Views;

namespace RedisHaTui.Tests.Tui.Idle;

/// <summary>
/// The sleeping screen wired into a real Terminal.Gui application (headless: the input reads injected keys, the
/// terminal it waits on is a pipe): the private field it needs is still there, the loop sleeps, input and Invoke
/// wake it, and when the field is gone the stock loop runs and says why.
/// </summary>
[Collection("Tui")]
public sealed class SleepingScreenTests : IDisposable
{
    private readonly AnonymousPipeServerStream _terminal = new(PipeDirection.Out);
    private readonly AnonymousPipeClientStream _reader;

    public SleepingScreenTests() => _reader = new AnonymousPipeClientStream(PipeDirection.In, _terminal.ClientSafePipeHandle);

    private int TerminalFd => (int)_reader.SafePipeHandle.DangerousGetHandle();

    [Fact]
    public void Terminal_Gui_still_has_the_private_field_the_sleeping_screen_sets()
    {
        // If this fails after a Terminal.Gui upgrade, the app falls back to polling (2.5 % of a core idle instead of
        // ~0.5 %, docs/idle-cpu.md) and only says so on its timeline: find the new way in before upgrading.
        IApplication app = Application.Create();
        try
        {
            TerminalGuiInternals.UseComponentFactory(app, new WakingComponentFactory(new WaitingMainLoop(20), TerminalFd));
            using IdleScreen idle = IdleScreen.Install(app, 20, TerminalGuiInternals.UseComponentFactory, TerminalFd, sizeByIoctl: false);
            Assert.True(idle.Fallback is null, idle.Fallback);
            app.Init();
            Assert.IsType<BlockingAnsiInput>(idle.Input); // Init built the driver's input from our factory
        }
        finally
        {
            app.Dispose();
        }
    }

    [Fact]
    public async Task An_idle_loop_sleeps_and_a_key_or_an_Invoke_from_another_thread_wakes_it_at_once()
    {
        IApplication app = Application.Create();
        using IdleScreen idle = IdleScreen.Install(app, 20, TerminalGuiInternals.UseComponentFactory, TerminalFd, sizeByIoctl: false);
        app.Init();
        using var top = new Runnable();
        var keyDown = new SemaphoreSlim(0);
        long keyAt = 0;
        app.Keyboard.KeyDown += (_, k) =>
        {
            if (k != Key.X) return;
            Volatile.Write(ref keyAt, Stopwatch.GetTimestamp());
            keyDown.Release();
        };
        int iterations = 0;
        app.Iteration += (_, _) => Interlocked.Increment(ref iterations);
        ushort rateBefore = Application.MaximumIterationsPerSecond;
        idle.Start(app);
        Assert.True(idle.Sleeping, idle.Fallback);
        var latencies = new List<double>();
        int idleIterations = -1;
        long stopAsked = 0;

        Task user = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(WaitPolicy.AlertAfterStart + TimeSpan.FromMilliseconds(500)); // past the start-up's short sleeps
                int before = Volatile.Read(ref iterations);
                await Task.Delay(TimeSpan.FromSeconds(2));
                idleIterations = Volatile.Read(ref iterations) - before;
                for (int i = 0; i < 3; i++)
                {
                    long sent = Stopwatch.GetTimestamp();
                    ((ITestableInput<char>)idle.Input!).InjectInput('x');
                    if (!await keyDown.WaitAsync(TimeSpan.FromSeconds(5))) throw new TimeoutException("the key never reached the app");
                    latencies.Add(Stopwatch.GetElapsedTime(sent, Volatile.Read(ref keyAt)).TotalMilliseconds);
                    await Task.Delay(WaitPolicy.AlertAfterInput + TimeSpan.FromMilliseconds(300)); // back to the long sleep
                }
            }
            finally
            {
                Volatile.Write(ref stopAsked, Stopwatch.GetTimestamp());
                app.Invoke(() => app.RequestStop());
            }
        });
        app.Run(top);
        long stopped = Stopwatch.GetTimestamp();
        await user;
        idle.Dispose();
        app.Dispose();

        // Stock Terminal.Gui at 20 iterations/s would run ~40 in 2 s; asleep, the loop wakes once a second at most.
        Assert.InRange(idleIterations, 0, 6);
        // Without the wake a key would wait for the end of a sleep of up to 1 s.
        Assert.All(latencies, ms => Assert.True(ms < 250, $"keys took {string.Join(", ", latencies.Select(l => $"{l:0}"))} ms"));
        double stopMs = Stopwatch.GetElapsedTime(Volatile.Read(ref stopAsked), stopped).TotalMilliseconds;
        Assert.True(stopMs < 250, $"an Invoke from another thread took {stopMs:0} ms to run");
        Assert.Equal(rateBefore, Application.MaximumIterationsPerSecond); // process-wide: given back for the next loop
    }

    [Theory]
    [InlineData(typeof(MissingFieldException))]
    [InlineData(typeof(MissingMethodException))]
    public void When_the_field_is_gone_the_stock_loop_runs_and_the_reason_is_named(Type missing)
    {
        SizeDetectionMode sizeBefore = Driver.SizeDetection;
        ushort rateBefore = Application.MaximumIterationsPerSecond;
        IApplication app = Application.Create();
        using IdleScreen idle = IdleScreen.Install(app, 20, (_, _) => throw (Exception)Activator.CreateInstance(missing, "ApplicationImpl._componentFactory")!,
            TerminalFd, sizeByIoctl: true);
        try
        {
            Assert.False(idle.Sleeping);
            Assert.Contains(missing.Name, idle.Fallback);
            Assert.Contains("Terminal.Gui", idle.Fallback);
            Assert.Equal(sizeBefore, Driver.SizeDetection); // nothing of the sleeping screen was put in place
            app.Init();
            idle.Start(app);
            Assert.Null(idle.Input);
            Assert.Equal(rateBefore, Application.MaximumIterationsPerSecond); // the loop keeps its own sleep

            // The stock loop runs: a timer added from another thread fires and stops it.
            using var top = new Runnable();
            _ = Task.Run(() => app.Invoke(() => app.RequestStop()));
            app.AddTimeout(TimeSpan.FromSeconds(10), () => { app.RequestStop(); return false; }); // safety net
            var clock = Stopwatch.StartNew();
            app.Run(top);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the stock loop took {clock.Elapsed.TotalSeconds:0.0} s to stop");
        }
        finally
        {
            app.Dispose();
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _terminal.Dispose();
    }
}
