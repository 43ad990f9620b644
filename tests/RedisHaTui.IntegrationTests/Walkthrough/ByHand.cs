using System.Diagnostics;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>
/// A student's terminal: the tutorial's start.sh and the real redis-cli from the project-local Redis, with the
/// PATH a student would have set. Everything it starts is stopped by pid (or SHUTDOWN) when disposed.
/// </summary>
internal sealed class ByHand : IDisposable
{
    private readonly List<Process> _started = [];

    private static string Bin => Path.Combine(Repo.RedisInstall, "usr", "bin");

    private static void Environment(ProcessStartInfo info)
    {
        info.Environment["PATH"] = Bin + ":" + System.Environment.GetEnvironmentVariable("PATH");
        info.Environment["LD_LIBRARY_PATH"] = Path.Combine(Repo.RedisInstall, "usr", "lib", "x86_64-linux-gnu");
    }

    /// <summary>Copies the tutorial's start.sh for <paramref name="name"/> (and run-by-hand.sh) into a temporary lab, as the repository has them.</summary>
    public static void CopyScripts(TempLab files, string name)
    {
        File.Copy(Path.Combine(Repo.LabTemplates, "run-by-hand.sh"), Path.Combine(files.Directory, "lab", "run-by-hand.sh"), overwrite: true);
        string script = Path.Combine(files.Directory, "lab", name, "start.sh");
        File.Copy(Path.Combine(Repo.LabTemplates, "node1", "start.sh"), script, overwrite: true);
        File.SetUnixFileMode(script, File.GetUnixFileMode(Path.Combine(Repo.LabTemplates, "node1", "start.sh")));
    }

    /// <summary>`cd lab/NAME; ./start.sh` in the foreground of its own terminal: returns at once, the process keeps running.</summary>
    public void StartSh(TempLab files, string name)
    {
        // As typed in a terminal: the shell resolves ./start.sh in the folder it was cd'ed to.
        var info = new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", "./start.sh" }, WorkingDirectory = Path.Combine(files.Directory, "lab", name), RedirectStandardOutput = true, RedirectStandardError = true };
        Environment(info);
        Process p = Process.Start(info)!;
        p.OutputDataReceived += (_, _) => { };
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        _started.Add(p);
    }

    /// <summary>
    /// `cd .run/…/NAME; redis-server ./redis.conf` (redis-sentinel for a sentinel) in another terminal: the working copy
    /// the app prepared, no start.sh, so no log file either (its output stays in that terminal). Returns its pid.
    /// </summary>
    public int StartDirect(RedisHaTui.Core.Lab.LabDefinition lab, string name)
    {
        var p = lab.Find(name)!;
        string folder = new RedisHaTui.Core.Lab.RunDirectory(lab).ProcessFolder(p);
        string binary = p.Kind == RedisHaTui.Core.Lab.ProcessKind.Node ? "redis-server" : "redis-sentinel";
        var info = new ProcessStartInfo(Path.Combine(Bin, binary)) { ArgumentList = { "./" + p.ConfigFileName }, WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        Environment(info);
        Process started = Process.Start(info)!;
        started.OutputDataReceived += (_, _) => { };
        started.ErrorDataReceived += (_, _) => { };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        _started.Add(started);
        return started.Id;
    }

    /// <summary>redis-cli -p PORT ARGS…: what it prints.</summary>
    public static async Task<string> CliAsync(int port, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(Bin, "redis-cli")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in (string[])["-p", port.ToString(), .. args]) info.ArgumentList.Add(a);
        Environment(info);
        using Process p = Process.Start(info)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync(), stderr = p.StandardError.ReadToEndAsync();
        try { await Task.WhenAll(stdout, stderr, p.WaitForExitAsync()).WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (TimeoutException)
        {
            // redis-cli waits for ever on a server that never answers (a paused one): never the test.
            p.Kill();
            throw;
        }
        return (await stdout + await stderr).Trim();
    }

    /// <summary>The pid of the server on <paramref name="port"/>, from its own INFO (the student would use pgrep).</summary>
    public static async Task<int> ServerPidAsync(int port)
    {
        string info = await CliAsync(port, "info", "server");
        string line = info.Split('\n').Single(l => l.StartsWith("process_id:", StringComparison.Ordinal));
        return int.Parse(line["process_id:".Length..].Trim());
    }

    /// <summary>Stops what was started by hand: the server by SHUTDOWN NOSAVE, then the scripts (sh, tee) by pid if still there.</summary>
    public async Task StopAsync(params int[] ports)
    {
        foreach (int port in ports)
        {
            try { await CliAsync(port, "shutdown", "nosave"); } catch (Exception e) when (e is TimeoutException or InvalidOperationException) { }
        }
        foreach (Process p in _started)
        {
            if (!p.WaitForExit(TimeSpan.FromSeconds(10))) p.Kill(entireProcessTree: true);
        }
    }

    public void Dispose()
    {
        foreach (Process p in _started)
        {
            try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            p.Dispose();
        }
    }
}
