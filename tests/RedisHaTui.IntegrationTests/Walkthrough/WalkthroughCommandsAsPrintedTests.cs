using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;
using RedisHaTui.Tests.Cli;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>
/// Every `$ ` line of the shipped walkthrough, as the real executable prints it for a real lab, typed into a bare shell
/// (`env -i PATH=/usr/bin:/bin bash`: no redis-cli, no redis-ha-tui, no dotnet tools on PATH) in the folder the app
/// says to type them in. The lab has another file name and a port offset, so start.sh, `cli`, `load` all have to
/// find its run directory and ports from the options the walkthrough gives them.
/// </summary>
[LongRunning]
public class WalkthroughCommandsAsPrintedTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(45);
    private const int Offset = 1;

    [Fact]
    public async Task Every_command_the_walkthrough_prints_runs_as_printed_in_a_bare_shell_from_the_folder_it_names()
    {
        // Ports one below free ones, shifted back up by --port-offset 1: the processes listen on the free block.
        using var files = TempLab.Create(downAfterMs: 2000, edit: root =>
        {
            foreach (JsonNode? p in root["Lab"]!["Nodes"]!.AsArray().Concat(root["Lab"]!["Sentinels"]!.AsArray()))
                p!["Port"] = (int)p["Port"]! - Offset;
        });
        string labFile = Path.Combine(files.Directory, "talk.json");
        File.Move(files.LabFile, labFile);
        CopyTutorialScripts(files.Directory);
        LabDefinition lab = LabLoader.Load(labFile, ["--port-offset", Offset.ToString()], new Dictionary<string, string?>());
        RedisHaTui.Core.Walkthrough.Walkthrough w = WalkthroughParser.Load(Path.Combine(files.Directory, "lab", "walkthrough.md"), lab);
        int[] ports = [.. lab.Processes.Select(p => p.Port)];

        // What the real executable prints, with the forms it finds for itself on this machine.
        (int code, string sheet) = await AppProcess.RunAsync(Step, "walkthrough", "--lab", labFile, "--port-offset", Offset.ToString());
        Assert.True(code == 0, sheet);
        string folder = FolderNamed(sheet);
        Assert.Equal(files.Directory, folder);
        List<string[]> printed = CommandsByStep(sheet);
        Assert.Equal(w.Steps.Length, printed.Count);
        Assert.Contains(printed.SelectMany(c => c), c => c.Contains($"./start.sh --lab talk.json --port-offset {Offset}"));
        // Neither redis-cli nor redis-ha-tui is on this machine's PATH: the fallback forms are what gets typed.
        Assert.DoesNotContain(printed.SelectMany(c => c), c => c.StartsWith("redis-cli ") || c.StartsWith("redis-ha-tui "));

        using var shells = new Shells(folder);
        await using LabSession session = await LabSession.OpenAsync(lab);
        try
        {
            session.PrepareLab(); // as --walkthrough does: working copies written, nothing started
            session.Monitor.WatchedKeys = w.WatchedKeys;
            var progress = WalkthroughProgress.Start(w);
            Shell? load = null;
            for (int i = 0; i < w.Steps.Length; i++)
            {
                foreach (string command in printed[i])
                {
                    if (command.Contains("./start.sh") || command.Contains(" load "))
                    {
                        Shell running = shells.Start(command); // a foreground process: it keeps its terminal
                        if (command.Contains(" load ")) { load = running; await running.WaitForOutputAsync("acked", Step); }
                        continue;
                    }
                    (int exit, string output) = await shells.RunAsync(command, Step);
                    Assert.True(exit == 0, $"step {i + 1} `{command}` exited {exit}:\n{output}");
                    AssertAnswer(w.Steps[i].Title, output, lab);
                }
                if (w.Steps[i].Check.Kind is CheckKind.Manual or CheckKind.LoadRan)
                {
                    progress = progress.Next(w); // read, or a load that is not this session's: passed with ]
                    continue;
                }
                using var timeout = new CancellationTokenSource(Step);
                try { await session.Store.WaitForAsync(s => (progress = progress.Observe(w, s)).Current > i, timeout.Token); }
                catch (OperationCanceledException) { Assert.Fail($"step {i + 1} \"{w.Steps[i].Title}\" did not tick after its commands ran: {w.Steps[i].Check.Describe()}\n{shells.Transcript}"); }
            }
            Assert.True(progress.Finished);

            // "Read the ledger": Ctrl+C in the load's terminal ends it, and it prints the ledger and exits 0.
            Assert.NotNull(load);
            load.Interrupt();
            Assert.Equal(0, await load.WaitForExitAsync(Step));
            Assert.Contains("acknowledged", load.Output);
        }
        finally
        {
            await StopAsync(lab, ports);
        }
    }

    /// <summary>What some commands must have answered, beyond exit 0: the redis-cli the walkthrough promises.</summary>
    private static void AssertAnswer(string step, string output, LabDefinition lab)
    {
        switch (step)
        {
            case "Check replication": Assert.Contains("connected_slaves:1", output); break;
            case "A replica refuses writes": Assert.Contains("READONLY", output); break;
            case "Find the new master": Assert.Contains(lab.Find("node2")!.Port.ToString(), output); break;
        }
    }

    /// <summary>The folder of "type the commands in a terminal at … (cd FOLDER)".</summary>
    private static string FolderNamed(string sheet)
    {
        string line = sheet.Split('\n').Single(l => l.StartsWith("type the commands in a terminal at ", StringComparison.Ordinal));
        int cd = line.IndexOf("(cd ", StringComparison.Ordinal);
        return line[(cd + 4)..line.LastIndexOf(')')].Trim('\'');
    }

    /// <summary>Each numbered step's `$ ` lines, in order.</summary>
    private static List<string[]> CommandsByStep(string sheet)
    {
        var steps = new List<List<string>>();
        foreach (string line in sheet.Split('\n'))
        {
            if (line.Length > 0 && char.IsAsciiDigit(line[0]) && line.Contains(". ")) steps.Add([]);
            else if (line.StartsWith("   $ ", StringComparison.Ordinal)) steps[^1].Add(line[5..]);
        }
        return [.. steps.Select(s => s.ToArray())];
    }

    /// <summary>The repository's start.sh scripts, run-by-hand.sh, the tutorial's node2 template and the walkthrough, as a clone has them.</summary>
    private static void CopyTutorialScripts(string directory)
    {
        foreach (string name in new[] { "node1", "node2", "sentinel1", "sentinel2", "sentinel3" })
        {
            string script = Path.Combine(directory, "lab", name, "start.sh");
            File.Copy(Path.Combine(Repo.LabTemplates, name, "start.sh"), script, overwrite: true);
            File.SetUnixFileMode(script, File.GetUnixFileMode(Path.Combine(Repo.LabTemplates, name, "start.sh")));
        }
        foreach (string file in new[] { "run-by-hand.sh", "walkthrough.md" })
            File.Copy(Path.Combine(Repo.LabTemplates, file), Path.Combine(directory, "lab", file), overwrite: true);
        File.SetUnixFileMode(Path.Combine(directory, "lab", "run-by-hand.sh"), File.GetUnixFileMode(Path.Combine(Repo.LabTemplates, "run-by-hand.sh")));
    }

    /// <summary>Everything the shells started: SHUTDOWN NOSAVE through the app's own `down`, then any shell left.</summary>
    private static async Task StopAsync(LabDefinition lab, int[] ports)
    {
        (int code, string output) = await AppProcess.RunAsync(Step, "down", "--lab", lab.LabFile, "--port-offset", Offset.ToString());
        Assert.True(code == 0, output);
        Assert.All(ports, p => Assert.True(PortOwner.IsFree(Endpoint.Loopback(p)), $"port {p} still held after down"));
    }

    /// <summary>Bare shells in one folder, each in its own session so that Ctrl+C (SIGINT to the group) reaches its command.</summary>
    private sealed class Shells(string folder) : IDisposable
    {
        private readonly List<Shell> _started = [];
        private readonly StringBuilder _transcript = new();

        public string Transcript { get { lock (_transcript) return _transcript.ToString() + string.Join("\n", _started.Select(s => s.Output)); } }

        public Shell Start(string command)
        {
            var shell = new Shell(folder, command);
            _started.Add(shell);
            return shell;
        }

        public async Task<(int Code, string Output)> RunAsync(string command, TimeSpan timeout)
        {
            using var shell = new Shell(folder, command);
            int code = await shell.WaitForExitAsync(timeout);
            lock (_transcript) _transcript.AppendLine($"$ {command}\n{shell.Output}");
            return (code, shell.Output);
        }

        public void Dispose()
        {
            foreach (Shell s in _started) s.Dispose();
        }
    }

    /// <summary>
    /// `env -i PATH=/usr/bin:/bin bash`, the command typed on its standard input as at a prompt (so that `pgrep -f`
    /// in it does not find the shell's own command line), started with setsid: its process group is its pid.
    /// Ctrl+C at its default action, as in a terminal, even when this test run inherited it ignored (AppProcess.StartInfo).
    /// </summary>
    private sealed class Shell : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public Shell(string folder, string command)
        {
            var info = new ProcessStartInfo("/usr/bin/setsid")
            {
                WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (string a in new[] { "env", "-i", global::RedisHaTui.Tests.Cli.AppProcess.DefaultInterrupt, "PATH=/usr/bin:/bin", "bash", "-s" }) info.ArgumentList.Add(a);
            _process = Process.Start(info)!;
            _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Close();
        }

        public string Output { get { lock (_output) return _output.ToString(); } }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            try { await _process.WaitForExitAsync().WaitAsync(timeout); }
            catch (TimeoutException) { throw new TimeoutException($"still running after {timeout.TotalSeconds:0} s:\n{Output}"); }
            _process.WaitForExit();
            return _process.ExitCode;
        }

        public async Task WaitForOutputAsync(string text, TimeSpan timeout)
        {
            DateTime deadline = DateTime.UtcNow + timeout;
            while (!Output.Contains(text))
            {
                if (_process.HasExited) throw new InvalidOperationException($"exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
                if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{text}' not printed within {timeout.TotalSeconds:0} s:\n{Output}");
                await Task.Delay(100);
            }
        }

        /// <summary>Ctrl+C in its terminal: SIGINT to its whole process group.</summary>
        public void Interrupt() => SignalGroup("INT");

        /// <summary>kill(1) signals a process group by its negative id, which Signals.Send (one pid) does not.</summary>
        private void SignalGroup(string signal)
        {
            using Process kill = Process.Start(new ProcessStartInfo("/bin/kill") { ArgumentList = { "-s", signal, "--", "-" + _process.Id } })!;
            kill.WaitForExit();
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                SignalGroup("TERM");
                if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
            }
            _process.Dispose();
        }
    }
}
