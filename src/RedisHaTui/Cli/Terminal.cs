using System.Runtime.InteropServices;

namespace RedisHaTui.Cli;

/// <summary>Console helpers for the headless verbs: Ctrl+C / SIGTERM / SIGHUP as one cancellation, and colour only where wanted.</summary>
public static class Terminal
{
    /// <summary>
    /// A token cancelled by SIGINT, SIGTERM or SIGHUP. The registrations are returned so the caller keeps them
    /// alive: an unreferenced registration is collected and stops working.
    /// </summary>
    public static (CancellationTokenSource Cancel, IDisposable Registrations) CancelOnSignals()
    {
        var cts = new CancellationTokenSource();
        var registrations = new List<PosixSignalRegistration>();
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            registrations.Add(PosixSignalRegistration.Create(signal, c => { c.Cancel = true; cts.Cancel(); }));
        return (cts, new Disposables(registrations));
    }

    public static bool UseColour => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "";

    private sealed class Disposables(List<PosixSignalRegistration> items) : IDisposable
    {
        public void Dispose() { foreach (PosixSignalRegistration r in items) r.Dispose(); }
    }
}
