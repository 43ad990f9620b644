using System.Diagnostics;
using System.Text.Json.Nodes;
using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>`cli`, `env` and the lab commands' verbs, run as the real executable on real labs.</summary>
public class CliAndEnvVerbTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Cli_reaches_a_process_of_an_auth_lab_with_the_password_in_no_command_line_and_no_output()
    {
        await using RunningLab lab = await RunningLab.StartAsync(edit: r => r["Lab"]!["Auth"] = new JsonObject { ["Enabled"] = true });
        string password = lab.Lab.Security.Credentials!.Password.Reveal();

        (int code, string output) = await AppProcess.RunAsync(Quick, "cli", "--lab", lab.Lab.LabFile, "node2", "info", "replication");
        Assert.True(code == 0, output);
        Assert.Contains("role:slave", output);
        Assert.Contains("master_link_status:up", output);

        // Everything after NAME is redis-cli's, its options included; without NAME, it goes to the master now.
        (code, output) = await AppProcess.RunAsync(Quick, "cli", "--lab", lab.Lab.LabFile, "node2", "--raw", "role");
        Assert.True(code == 0, output);
        Assert.StartsWith("slave", output.Trim());
        (code, output) = await AppProcess.RunAsync(Quick, "cli", "--lab", lab.Lab.LabFile, "--raw", "role");
        Assert.True(code == 0, output);
        Assert.StartsWith("master", output.Trim());

        // While redis-cli runs (DEBUG SLEEP holds it), no process on the machine has the password on its command line.
        await using AppProcess sleeping = AppProcess.Start("cli", "--lab", lab.Lab.LabFile, "node1", "debug", "sleep", "2");
        bool seenRedisCli = false;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            foreach (string cmdline in CommandLines())
            {
                Assert.DoesNotContain(password, cmdline);
                seenRedisCli |= cmdline.Contains("redis-cli") && cmdline.Contains(lab.Lab.Nodes[0].Port.ToString());
            }
            await Task.Delay(50);
        }
        Assert.True(seenRedisCli, "redis-cli was not seen running");
        Assert.Equal(0, await sleeping.WaitForExitAsync(Quick));
        Assert.DoesNotContain(password, sleeping.Output);

        (code, output) = await AppProcess.RunAsync(Quick, "env", "--lab", lab.Lab.LabFile);
        Assert.Equal(0, code);
        Assert.DoesNotContain(password, output);
        Assert.Contains("REDISCLI_AUTH", output); // says where the password is, not what it is
    }

    [Fact]
    public async Task Cli_exits_with_redis_clis_code_and_env_puts_the_labs_redis_on_a_bare_PATH()
    {
        using var files = TempLab.Create(nodes: 1, sentinels: 1, quorum: 1);

        // Nothing runs: redis-cli cannot connect, and says so with its own exit code.
        (int code, string output) = await AppProcess.RunAsync(Quick, "cli", "--lab", files.LabFile, "node1", "ping");
        Assert.True(code == 1, $"exit {code}: {output}");
        Assert.Contains("Could not connect", output);

        (code, output) = await AppProcess.RunAsync(Quick, "env", "--lab", files.LabFile);
        Assert.True(code == 0, output);
        // eval'ed by a shell whose PATH has no Redis: redis-server and redis-cli are found afterwards, and run.
        var info = new ProcessStartInfo("/usr/bin/env") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in new[] { "-i", "PATH=/usr/bin:/bin", "bash", "-c", output + "\nredis-cli --version && command -v redis-server && command -v redis-sentinel" })
            info.ArgumentList.Add(a);
        using Process shell = Process.Start(info)!;
        string printed = await shell.StandardOutput.ReadToEndAsync() + await shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync().WaitAsync(Quick);
        Assert.True(shell.ExitCode == 0, printed);
        Assert.Contains("redis-cli 7", printed);
        Assert.Contains(Path.Combine(Repo.RedisInstall, "usr", "bin", "redis-server"), printed);
    }

    [Fact]
    public async Task The_lab_commands_run_as_verbs_from_the_same_table_as_the_keys()
    {
        await using RunningLab lab = await RunningLab.StartAsync(nodes: 2, sentinels: 3);

        (int code, string output) = await AppProcess.RunAsync(Quick, "ckquorum", "--lab", lab.Lab.LabFile);
        Assert.True(code == 0, output);
        Assert.Contains("OK", output);

        (code, output) = await AppProcess.RunAsync(Quick, "debug-sleep", "--lab", lab.Lab.LabFile, "node2");
        Assert.True(code == 0, output);
        Assert.Contains("DEBUG SLEEP", output);

        (code, output) = await AppProcess.RunAsync(Quick, "kill", "--lab", lab.Lab.LabFile, "node9");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no process 'node9'", output);
        (code, output) = await AppProcess.RunAsync(Quick, "pause", "--lab", lab.Lab.LabFile);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("pause needs the name of a process: node1, node2, sentinel1, sentinel2, sentinel3", output);

        foreach (string verb in new[] { "kill", "stop", "pause", "resume", "debug-sleep", "kill-master", "ckquorum", "cli", "env", "walkthrough", "keys" })
        {
            (code, output) = await AppProcess.RunAsync(Quick, verb, "--help");
            Assert.True(code == 0, output);
            Assert.Contains($"redis-ha-tui {verb}", output);
        }
    }

    private static IEnumerable<string> CommandLines()
    {
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            string text;
            try { text = File.ReadAllText(Path.Combine(dir, "cmdline")); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            yield return text.Replace('\0', ' ');
        }
    }
}
