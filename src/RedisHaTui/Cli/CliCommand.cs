using System.Diagnostics;
using System.Runtime.InteropServices;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
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
        RedisBinaries binaries = await RedisBinaries.LocateAsync(lab, m => Console.Error.WriteLine($"redis-ha-tui: {m}"));
        if (RedisShellEnvironment.RedisCli(binaries) is not { } redisCli)
        {
            Console.Error.WriteLine($"redis-ha-tui: redis-cli not found beside {binaries.ServerPath} nor on PATH: install it (sudo apt-get install redis-tools)");
            return ExitCodes.BadInput;
        }
        (ProcessDefinition? target, IReadOnlyList<string> arguments) = words.Count > 0 && lab.Find(words[0]) is { } named
            ? (named, words.Skip(1).ToList())
            : (await CurrentMasterAsync(lab, redisCli, binaries), words);
        if (target is null)
        {
            Console.Error.WriteLine($"redis-ha-tui: no sentinel of {lab.Describe()} names a master; name a process: {string.Join(", ", lab.Processes.Select(x => x.Name))}");
            return ExitCodes.NotHealthy;
        }
        ProcessStartInfo info = RedisCliStart(redisCli, binaries, lab, target, arguments);
        // Ctrl+C belongs to redis-cli (it ends a MONITOR or SUBSCRIBE): this app waits for its exit code.
        using var ignoreInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => c.Cancel = true);
        using Process process = Process.Start(info)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    /// <summary>redis-cli on <paramref name="target"/>, its output the terminal's unless redirected.</summary>
    private static ProcessStartInfo RedisCliStart(string redisCli, RedisBinaries binaries, LabDefinition lab, ProcessDefinition target, IEnumerable<string> arguments, bool redirect = false)
    {
        var info = new ProcessStartInfo(redisCli) { UseShellExecute = false, RedirectStandardOutput = redirect, RedirectStandardError = redirect };
        foreach (string a in ConnectionArguments(target, lab.Security)) info.ArgumentList.Add(a);
        foreach (string a in arguments) info.ArgumentList.Add(a);
        foreach ((string key, string? value) in binaries.Environment) info.Environment[key] = value;
        // redis-cli's own variable: the password never appears on a command line (ps), here or in redis-cli's.
        if (lab.Security.Credentials is { } credentials) info.Environment["REDISCLI_AUTH"] = credentials.Password.Reveal();
        return info;
    }

    /// <summary>
    /// Without NAME: the master now, as a client finds it: SENTINEL GET-MASTER-ADDR-BY-NAME on the first sentinel
    /// that answers (through redis-cli itself, a few milliseconds, where reading the whole lab takes a second).
    /// </summary>
    private static async Task<ProcessDefinition?> CurrentMasterAsync(LabDefinition lab, string redisCli, RedisBinaries binaries)
    {
        foreach (SentinelDefinition sentinel in lab.Sentinels)
        {
            using Process ask = Process.Start(RedisCliStart(redisCli, binaries, lab, sentinel, ["--no-auth-warning", "sentinel", "get-master-addr-by-name", lab.MasterName], redirect: true))!;
            Task<string> error = ask.StandardError.ReadToEndAsync();
            string[] answer = (await ask.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            await error;
            await ask.WaitForExitAsync();
            if (ask.ExitCode == 0 && answer.Length == 2 && int.TryParse(answer[1], out int port) && lab.NodeAt(answer[0], port) is { } master) return master;
        }
        return null;
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

}
