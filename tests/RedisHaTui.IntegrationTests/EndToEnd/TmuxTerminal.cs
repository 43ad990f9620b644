using System.Diagnostics;

namespace RedisHaTui.Tests.EndToEnd;

/// <summary>
/// A real terminal for the real app: a detached tmux session on its own server socket (never the user's tmux),
/// driven with send-keys and read with capture-pane, exactly what a person would type and see.
/// </summary>
public sealed class TmuxTerminal : IDisposable
{
    private readonly string _socket = $"redis-ha-tui-test-{Guid.NewGuid():N}"[..32];

    private TmuxTerminal() { }

    /// <summary>Runs <paramref name="command"/> in a fresh width x height terminal; when it ends, the pane prints its exit code and stays.</summary>
    /// <param name="workingDirectory">Where it runs (the test's own folder by default).</param>
    public static TmuxTerminal Start(int width, int height, IReadOnlyList<string> command, string? workingDirectory = null)
    {
        var terminal = new TmuxTerminal();
        string line = string.Join(' ', command.Select(Quote));
        // The headless UI tests set DisableRealDriverIO for this process; the app in tmux must draw for real.
        string shell = $"env -u DisableRealDriverIO {line}; echo \"app exited with $?\"; sleep 600";
        terminal.Tmux("new-session", "-d", "-s", "e2e", "-x", width.ToString(), "-y", height.ToString(),
            "-c", workingDirectory ?? Environment.CurrentDirectory, shell);
        return terminal;
    }

    /// <summary>What the screen shows now, one string per row.</summary>
    public string[] Screen => Tmux("capture-pane", "-p", "-t", "e2e").Split('\n');

    public string Text => string.Join('\n', Screen);

    /// <summary>The pid of what runs in the terminal: the child of the pane's shell.</summary>
    public int AppPid
    {
        get
        {
            string shell = Tmux("display-message", "-p", "-t", "e2e", "#{pane_pid}").Trim();
            string children = File.ReadAllText($"/proc/{shell}/task/{shell}/children").Trim();
            return int.Parse(children.Split(' ')[0]);
        }
    }

    /// <summary>The tmux server of this terminal (it redraws the terminal: part of what a screen costs).</summary>
    public int ServerPid => int.Parse(Tmux("display-message", "-p", "-t", "e2e", "#{pid}").Trim());

    /// <summary>Sends keys the way tmux names them ("f", "Enter", "Escape").</summary>
    public void Send(params string[] keys) => Tmux(["send-keys", "-t", "e2e", .. keys]);

    /// <summary>Sends bytes as they are, the way a terminal reports a click (SGR mouse) or a bracketed paste.</summary>
    public void SendRaw(string text) => Tmux("send-keys", "-t", "e2e", "-l", text);

    /// <summary>Resizes the terminal, as dragging a window's corner does (the app gets SIGWINCH).</summary>
    public void Resize(int width, int height) => Tmux("resize-window", "-t", "e2e", "-x", width.ToString(), "-y", height.ToString());

    /// <summary>Polls the screen until the condition holds; the failure message carries what was on screen.</summary>
    public async Task WaitUntilAsync(Func<string[], bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            string[] screen = Screen;
            if (condition(screen)) return;
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"not on screen within {timeout.TotalSeconds:0} s: {what}\n{string.Join('\n', screen)}");
            await Task.Delay(100);
        }
    }

    private string Tmux(params string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-L");
        info.ArgumentList.Add(_socket);
        foreach (string a in args) info.ArgumentList.Add(a);
        Process? started;
        try { started = Process.Start(info); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"the end-to-end test drives the app in tmux, which is not installed here ({e.Message}): apt-get install tmux", e);
        }
        using Process tmux = started ?? throw new InvalidOperationException("tmux did not start");
        string output = tmux.StandardOutput.ReadToEnd();
        string error = tmux.StandardError.ReadToEnd();
        if (!tmux.WaitForExit(10_000)) throw new TimeoutException($"tmux {string.Join(' ', args)} hung");
        if (tmux.ExitCode != 0) throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        return output;
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";

    /// <summary>Ends the tmux server of this terminal only (and whatever still runs in it).</summary>
    public void Dispose()
    {
        try { Tmux("kill-server"); } catch (InvalidOperationException) { /* already gone */ }
    }
}
