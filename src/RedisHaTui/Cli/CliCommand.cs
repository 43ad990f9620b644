using System.Diagnostics;
using System.Runtime.InteropServices;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Shell;

namespace RedisHaTui.Cli;

/// <summary>
/// `cli [NAME] [ARGS…]`: redis-cli on one process of the lab, with its host, port, TLS and password taken from the
/// lab, so the tutorial's `redis-cli -p 7001 …` works where the app fetched Redis into its cache (not on PATH) and
/// on a lab with a password. Interactive without ARGS; the exit code is redis-cli's.
/// </summary>
public static class CliCommand
{
    public static async Task<int> RunAsync(LabDefinition lab, IReadOnlyList<string> words)
    {
        (ProcessDefinition? target, IReadOnlyList<string> arguments) = words.Count > 0 && lab.Find(words[0]) is { } named
            ? (named, words.Skip(1).ToList())
            : (await CurrentMasterAsync(lab), words);
        if (target is null) return ExitCodes.NotHealthy;
        RedisBinaries binaries = await RedisBinaries.LocateAsync(lab, m => Console.Error.WriteLine($"redis-ha-tui: {m}"));
        if (RedisShellEnvironment.RedisCli(binaries) is not { } redisCli)
        {
            Console.Error.WriteLine($"redis-ha-tui: redis-cli not found beside {binaries.ServerPath} nor on PATH: install it (sudo apt-get install redis-tools)");
            return ExitCodes.BadInput;
        }
        var info = new ProcessStartInfo(redisCli) { UseShellExecute = false };
        foreach (string a in ConnectionArguments(target, lab.Security)) info.ArgumentList.Add(a);
        foreach (string a in arguments) info.ArgumentList.Add(a);
        foreach ((string key, string? value) in binaries.Environment) info.Environment[key] = value;
        // redis-cli's own variable: the password never appears on a command line (ps), here or in redis-cli's.
        if (lab.Security.Credentials is { } credentials) info.Environment["REDISCLI_AUTH"] = credentials.Password.Reveal();
        // Ctrl+C belongs to redis-cli (it ends a MONITOR or SUBSCRIBE): this app waits for its exit code.
        using var ignoreInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using Process process = Process.Start(info)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>redis-cli's options for one process: host, port, TLS and the ACL user (the password goes through REDISCLI_AUTH).</summary>
    public static IReadOnlyList<string> ConnectionArguments(ProcessDefinition p, ConnectionSecurity security)
    {
        var arguments = new List<string> { "-h", p.Endpoint.Host, "-p", p.Port.ToString() };
        if (security.Tls) arguments.Add("--tls");
        if (security.TlsCaFile is { } ca) arguments.AddRange(["--cacert", ca]);
        if (security.Credentials?.User is { } user) arguments.AddRange(["--user", user]);
        return arguments;
    }

    /// <summary>Without NAME: the node that is master now, as the lab reports it; null (said why) when there is none.</summary>
    private static async Task<ProcessDefinition?> CurrentMasterAsync(LabDefinition lab)
    {
        await using LabSession session = LabSession.Attach(lab);
        await Task.WhenAny(session.Monitor.FirstRead, Task.Delay(TimeSpan.FromSeconds(10)));
        if (ActionRules.CurrentMaster(session.Store.Current) is { } master && lab.Find(master) is { } p) return p;
        Console.Error.WriteLine($"redis-ha-tui: no master answers in {lab.Describe()}; name a process: {string.Join(", ", lab.Processes.Select(x => x.Name))}");
        return null;
    }
}
