using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Lab;

/// <summary>A lab with Lab:Auth on, on real processes: it works as the tutorial's does, and its password shows nowhere.</summary>
public class AuthLabTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);

    // One lab for every assertion: starting one costs seconds, and each assertion reads what the others left.
    [Fact]
    public async Task An_auth_lab_starts_healthy_fails_over_refuses_strangers_and_never_shows_its_password()
    {
        // Arrange: healthy means every sentinel reached the nodes and the other sentinels with the password.
        await using RunningLab lab = await RunningLab.StartAsync(downAfterMs: 2000, edit: r => r["Lab"]!["Auth"] = new JsonObject { ["Enabled"] = true });
        Assert.True(lab.Now.Consensus.Healthy);
        string password = lab.Lab.Security.Credentials!.Password.Reveal();
        var run = new RunDirectory(lab.Lab);
        var printed = new StringBuilder(); // everything the app showed or printed, searched for the password at the end

        // The password and the working configs holding it are private.
        Assert.Equal(LabSecrets.OwnerOnlyFile, File.GetUnixFileMode(run.PasswordPath));
        Assert.Equal(LabSecrets.OwnerOnlyFolder, File.GetUnixFileMode(run.SecretsFolder));
        foreach (ProcessDefinition p in lab.Lab.Processes)
        {
            Assert.Contains(password, File.ReadAllText(run.ConfigPath(p)));
            Assert.Equal(LabSecrets.OwnerOnlyFolder, File.GetUnixFileMode(run.ProcessFolder(p)));
            Assert.Equal(LabSecrets.OwnerOnlyFile, File.GetUnixFileMode(run.ConfigPath(p))); // also after a sentinel rewrote its own
        }

        // A client without the password is refused, by a node and by a sentinel.
        foreach (ProcessDefinition p in new ProcessDefinition[] { lab.Lab.Nodes[0], lab.Lab.Sentinels[0] })
        {
            var options = new ConfigurationOptions
            {
                EndPoints = { { p.Endpoint.Host, p.Port } }, AbortOnConnectFail = true, ConnectTimeout = 2000,
                CommandMap = p.Kind == ProcessKind.Sentinel ? CommandMap.Sentinel : CommandMap.Default,
            };
            var refused = await Assert.ThrowsAsync<RedisConnectionException>(() => ConnectionMultiplexer.ConnectAsync(options, TextWriter.Null));
            Assert.True(refused.FailureType == ConnectionFailureType.AuthenticationFailure, $"{p.Name}: {refused.FailureType}");
            Assert.Contains("NOAUTH", refused.ToString());
        }

        // The `:` prompt authenticates as the app does; what is typed there stays out of the timeline.
        Assert.True((await lab.Session.Actions.RunCommandAsync("node1", "set k1 val1")).Ok);
        LabActionResult auth = await lab.Session.Actions.RunCommandAsync("node1", $"auth {password}");
        Assert.True(auth.Ok, auth.Message);

        // The real executable reads the lab with the password from the run directory, and without it says why.
        string labArg = lab.Files.LabFile;
        (int jsonCode, string json) = await AppProcess.RunAsync(Quick, "status", "--json", "--lab", labArg);
        Assert.True(jsonCode == 0, json);
        using (JsonDocument doc = JsonDocument.Parse(json)) Assert.True(doc.RootElement.GetProperty("healthy").GetBoolean());
        (int textCode, string text) = await AppProcess.RunAsync(Quick, "status", "--lab", labArg);
        Assert.True(textCode == 0, text);
        (int strangerCode, string stranger) = await AppProcess.RunAsync(Quick, "status", "--json", "--lab", labArg, "--Lab:Auth:Enabled", "false");
        Assert.Equal(1, strangerCode);
        using (JsonDocument doc = JsonDocument.Parse(stranger))
        {
            JsonElement node1 = doc.RootElement.GetProperty("nodes")[0];
            Assert.Equal("node1", node1.GetProperty("name").GetString());
            Assert.StartsWith("NOAUTH: wants a password", node1.GetProperty("error").GetString());
            Assert.StartsWith("NOAUTH", doc.RootElement.GetProperty("sentinels")[0].GetProperty("error").GetString());
        }
        Assert.DoesNotContain("   at ", stranger);
        printed.Append(json).Append(text).Append(stranger);

        // redis-server and redis-sentinel are started with their config path only.
        printed.Append(await ProcessListAsync());

        // A crash failover works with the password: the sentinels authenticate to the nodes and to each other.
        Assert.True((await lab.Session.Actions.RunAsync(LabActionKind.KillMaster, null)).Ok);
        LabSnapshot s = await lab.WaitForAsync(x => x.Failovers.FirstOrDefault() is { Complete: true } && x.Node("node2")!.Role == NodeRole.Master,
            TimeSpan.FromSeconds(20), "failover to node2");
        Assert.Equal("node2", s.Failovers.Single().NewMaster);
        Assert.All(lab.Lab.Processes, p => Assert.Equal(LabSecrets.OwnerOnlyFile, File.GetUnixFileMode(run.ConfigPath(p)))); // rewritten by Sentinel's CONFIG REWRITE

        // What the screen shows: timeline, process states and errors, log panes.
        printed.AppendJoin('\n', s.Timeline.Select(t => $"{t.Name} {t.Text}"));
        printed.AppendJoin('\n', s.Nodes.Select(n => $"{n}")).AppendJoin('\n', s.Sentinels.Select(x => $"{x}"));
        foreach (ProcessDefinition p in lab.Lab.Processes) printed.AppendJoin('\n', lab.Session.Log(p.Name).Tail(5000));

        // Stopped with SHUTDOWN (authenticated), not by the signals that follow a refused one.
        await lab.Session.DisposeAsync();
        foreach (ProcessDefinition p in lab.Lab.Processes.Where(p => p.Name != "node1"))
        {
            string log = File.ReadAllText(run.LogPath(p));
            Assert.Contains("stopping (SHUTDOWN)", log);
            Assert.DoesNotContain("no exit after SHUTDOWN", log);
        }

        // Everything the app wrote under the run directory, but the files that must hold the password.
        string[] mustHold = [run.PasswordPath, .. lab.Lab.Processes.Select(run.ConfigPath)];
        string[] written = [.. Directory.EnumerateFiles(run.Root, "*", SearchOption.AllDirectories).Where(f => !mustHold.Contains(f))];
        Assert.Contains(run.LogPath(lab.Lab.Nodes[1]), written);
        Assert.Contains(run.OwnerLockPath, written);
        byte[] secret = Encoding.UTF8.GetBytes(password);
        Assert.All(written, f => Assert.False(File.ReadAllBytes(f).AsSpan().IndexOf(secret) >= 0, $"the password is in {f}"));
        Assert.False(printed.ToString().Contains(password, StringComparison.Ordinal), "the password was printed or shown");
    }

    private static async Task<string> ProcessListAsync()
    {
        var info = new ProcessStartInfo("ps", "-eo args") { RedirectStandardOutput = true, UseShellExecute = false };
        using Process ps = Process.Start(info)!;
        string list = await ps.StandardOutput.ReadToEndAsync();
        await ps.WaitForExitAsync().WaitAsync(Quick);
        Assert.Contains("redis-sentinel", list);
        return list;
    }
}
