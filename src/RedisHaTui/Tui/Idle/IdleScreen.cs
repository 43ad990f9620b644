using Terminal.Gui.App;
using Terminal.Gui.Drivers;

namespace RedisHaTui.Tui.Idle;

/// <summary>
/// An idle screen that sleeps: the blocking input and the waiting main loop, put in place around Init, or the
/// reason the stock (polling) path stays. Issue 18; docs/idle-cpu.md has the measurements and the upstream proposal.
/// </summary>
internal sealed class IdleScreen : IDisposable
{
    private readonly WaitingMainLoop? _loop;
    private readonly WakingComponentFactory? _factory;

    private IdleScreen(WaitingMainLoop? loop, WakingComponentFactory? factory, string? fallback)
    {
        _loop = loop;
        _factory = factory;
        Fallback = fallback;
    }

    /// <summary>Why the screen polls as Terminal.Gui does by default (null while it sleeps).</summary>
    public string? Fallback { get; private set; }

    /// <summary>True when the blocking input and the waiting loop both run.</summary>
    public bool Sleeping => Fallback is null && _loop is not null;

    internal WaitingMainLoop? Loop => _loop;

    /// <summary>The blocking input, once Init built it.</summary>
    internal BlockingAnsiInput? Input => _factory?.Input;

    /// <summary>
    /// Call between Application.Create() and Init(): hands the application the factory of the blocking input, or
    /// leaves it alone and says why (Windows, no terminal on stdin, or a Terminal.Gui whose internals moved).
    /// </summary>
    public static IdleScreen Prepare(IApplication app, int redrawCeiling)
    {
        if (OperatingSystem.IsWindows()) return Stock("Windows: its console has no poll(2)");
        if (Environment.GetEnvironmentVariable("DisableRealDriverIO") == "1") return Stock("no real terminal (DisableRealDriverIO=1)");
        if (Console.IsInputRedirected) return Stock("stdin is not a terminal");
        return Install(app, redrawCeiling, TerminalGuiInternals.UseComponentFactory);
    }

    /// <summary>The part of <see cref="Prepare"/> after the checks of the environment; the tests hand it an accessor that misses.</summary>
    /// <param name="sizeByIoctl">Switch Terminal.Gui's (process-wide) size detection to ioctl; the headless tests have no terminal to ask.</param>
    internal static IdleScreen Install(IApplication app, int redrawCeiling, Action<IApplication, IComponentFactory> useFactory, int terminalFd = 0,
        bool sizeByIoctl = true)
    {
        var loop = new WaitingMainLoop(redrawCeiling);
        var factory = new WakingComponentFactory(loop, terminalFd);
        try
        {
            useFactory(app, factory);
        }
        catch (Exception e) when (e is MissingFieldException or MissingMethodException or NotSupportedException)
        {
            return Stock($"Terminal.Gui {typeof(IApplication).Assembly.GetName().Version} changed inside ({e.GetType().Name}: {e.Message})");
        }
        // Size by ioctl(TIOCGWINSZ) on each iteration, which a SIGWINCH starts at once, instead of a CSI 18t query
        // every 500 ms whose answer arrives as input and would keep the loop awake.
        if (sizeByIoctl) Driver.SizeDetection = SizeDetectionMode.Polling;
        return new IdleScreen(loop, factory, null);
    }

    /// <summary>Call on the UI thread after Init, just before Run: the loop starts sleeping between iterations.</summary>
    public void Start(IApplication app)
    {
        if (_loop is null || _factory is null) return;
        if (_factory.Input is not { } input)
        {
            Fallback = "Terminal.Gui did not build its input from our factory";
            return;
        }
        if (!_loop.Attach(app, () => input.HasQueuedInput)) Fallback = "the application's timers are not Terminal.Gui's TimedEvents";
    }

    /// <summary>The stock path, asked for (<paramref name="by"/> names the setting).</summary>
    public static IdleScreen Polling(string by) => Stock($"{by} asks for it");

    private static IdleScreen Stock(string why) => new(null, null, why);

    public void Dispose() => _loop?.Dispose();
}
