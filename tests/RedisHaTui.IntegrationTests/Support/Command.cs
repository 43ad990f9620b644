using System.Diagnostics;
using System.Text;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>A command run to its end with a timeout (dotnet pack, tool install, the installed tool), its output kept.</summary>
public static class Command
{
    public sealed record Result(int Code, string Output, TimeSpan Took)
    {
        public Result Ok(string what) => Code == 0 ? this : throw new InvalidOperationException($"{what} exited {Code}:\n{Output}");
    }

    public static async Task<Result> RunAsync(string file, IEnumerable<string> args, TimeSpan timeout,
        string? workingDirectory = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (string a in args) info.ArgumentList.Add(a);
        info.Environment.Remove("DisableRealDriverIO"); // set for the headless UI tests; a real app must not inherit it
        foreach ((string key, string? value) in environment ?? new Dictionary<string, string?>())
            if (value is null) info.Environment.Remove(key); else info.Environment[key] = value;

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took over {timeout.TotalSeconds:0} s:\n{output}");
        }
        process.WaitForExit(); // flushes the redirected output
        lock (output) return new Result(process.ExitCode, output.ToString(), clock.Elapsed);
    }
}
