using System.Diagnostics;
using System.Text;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Tests.Cli;

/// <summary>The real redis-ha-tui executable run as a child process, its output collected, signalled by pid.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, "redis-ha-tui.dll");

    public int Pid => _process.Id;
    public string Output { get { lock (_output) return _output.ToString(); } }

    public static AppProcess Start(params string[] args) => Start(StartInfo(args));

    /// <summary>
    /// How <see cref="Start(string[])"/> runs the app: as a terminal's foreground job, with Ctrl+C (SIGINT) at its
    /// default action. A test run started in the background of a non-interactive shell (`dotnet test … &amp;`, a
    /// batch script) has SIGINT ignored, as POSIX says such a job must; every child inherits that, and .NET
    /// respects an ignored SIGINT (pal_signal.c installs no handler), so the app's Ctrl+C handling never ran and
    /// the Ctrl+C tests hung only in such batches. `env --default-signal=INT` (GNU coreutils 8.31+) puts the
    /// default back before the app starts, as a terminal would have it; the pid is still the app's (env execs it).
    /// </summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("env") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])[DefaultInterrupt, "dotnet", Executable, .. args]) info.ArgumentList.Add(a);
        info.Environment.Remove("DisableRealDriverIO"); // set for the headless UI tests; the app must not inherit it
        return info;
    }

    /// <summary>env's option that gives a child SIGINT's default action back, whatever this test run inherited.</summary>
    public const string DefaultInterrupt = "--default-signal=INT";

    public static AppProcess Start(ProcessStartInfo info) => new(Process.Start(info)!);

    /// <summary>Runs to the end; returns the exit code and everything it printed.</summary>
    public static async Task<(int Code, string Output)> RunAsync(TimeSpan timeout, params string[] args)
    {
        await using AppProcess app = Start(args);
        int code = await app.WaitForExitAsync(timeout);
        return (code, app.Output);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        _process.WaitForExit(); // flushes the redirected output
        return _process.ExitCode;
    }

    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{text}' not printed within {timeout.TotalSeconds:0} s. Output:\n{Output}");
            if (_process.HasExited) throw new InvalidOperationException($"exited ({_process.ExitCode}) before printing '{text}'. Output:\n{Output}");
            await Task.Delay(50);
        }
    }

    public void Signal(int signal) => Signals.Send(_process.Id, signal);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Signal(Signals.SIGTERM);
            try { await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20)); }
            catch (TimeoutException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }
}
