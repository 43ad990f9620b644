using System.Diagnostics;
using RedisHaTui.Cli;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>
/// The Ctrl+C tests hung only in batches: a test run started in the background of a non-interactive shell has
/// SIGINT ignored (POSIX), its children inherit that, and .NET installs no handler for an ignored SIGINT, so the
/// app never saw the Ctrl+C the test sent. Here the test run's side of that is made on purpose, every time: the app
/// is started through a shell that ignores SIGINT, the way such a batch starts it.
/// </summary>
public sealed class InheritedIgnoredCtrlCTests
{
    [Fact]
    public async Task An_app_started_by_a_parent_that_ignores_Ctrl_C_still_stops_on_Ctrl_C_as_in_a_terminal()
    {
        using var files = TempLab.Create(); // nothing runs: events only attaches and waits for Ctrl+C
        ProcessStartInfo app = AppProcess.StartInfo("events", "--lab", files.LabFile);
        var ignoring = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["-c", "trap '' INT; exec \"$@\"", "sh", app.FileName, .. app.ArgumentList]) ignoring.ArgumentList.Add(a);
        foreach ((string key, string? value) in app.Environment) ignoring.Environment[key] = value;
        ignoring.Environment.Remove("DisableRealDriverIO");

        await using AppProcess events = AppProcess.Start(ignoring);
        await events.WaitForOutputAsync("Ctrl+C stops", TimeSpan.FromSeconds(30));
        Assert.False(IgnoresInterrupt(events.Pid), $"the app (pid {events.Pid}) inherited SIGINT ignored");

        events.Signal(Signals.SIGINT);
        int code;
        try { code = await events.WaitForExitAsync(TimeSpan.FromSeconds(30)); }
        catch (TimeoutException) { throw new TimeoutException($"events did not exit within 30 s of Ctrl+C. Output:\n{events.Output}"); }
        Assert.Equal(ExitCodes.Ok, code);
    }

    /// <summary>SigIgn in /proc/PID/status: a hexadecimal mask, bit n-1 for signal n.</summary>
    private static bool IgnoresInterrupt(int pid)
    {
        string mask = File.ReadLines($"/proc/{pid}/status").Single(l => l.StartsWith("SigIgn:")).Split(':')[1].Trim();
        return (Convert.ToUInt64(mask, 16) & (1UL << (Signals.SIGINT - 1))) != 0;
    }
}
