using System.Runtime.InteropServices;

namespace RedisHaTui.Core.Processes;

/// <summary>POSIX signals to a pid: pause (SIGSTOP), resume (SIGCONT), terminate, kill.</summary>
public static partial class Signals
{
    public const int SIGHUP = 1, SIGINT = 2, SIGKILL = 9, SIGTERM = 15, SIGCONT = 18, SIGSTOP = 19;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int SysKill(int pid, int signal);

    /// <summary>False when the process is gone (or not ours to signal).</summary>
    public static bool Send(int pid, int signal) => pid > 0 && SysKill(pid, signal) == 0;

    public static bool IsAlive(int pid) => pid > 0 && (SysKill(pid, 0) == 0 || Marshal.GetLastPInvokeError() == 1 /* EPERM: alive, not ours */)
        && !IsZombie(pid);

    /// <summary>A zombie has exited but not been reaped; for our purposes it is gone.</summary>
    private static bool IsZombie(int pid)
    {
        try { return ProcessState(pid) == 'Z'; } catch (IOException) { return true; }
    }

    /// <summary>The state letter of /proc/PID/stat: R, S, T (stopped), Z...</summary>
    public static char ProcessState(int pid)
    {
        string stat = File.ReadAllText($"/proc/{pid}/stat");
        int close = stat.LastIndexOf(')');
        return stat[close + 2];
    }

    public static string SignalName(int signal) => signal switch
    {
        1 => "SIGHUP", 2 => "SIGINT", 6 => "SIGABRT", 9 => "SIGKILL", 11 => "SIGSEGV", 15 => "SIGTERM",
        _ => $"signal {signal}",
    };

    /// <summary>How an exit code reads to a person: 137 is "killed by SIGKILL".</summary>
    public static string DescribeExit(int code) =>
        code > 128 && code < 160 ? $"killed by {SignalName(code - 128)} (exit {code})" : $"exit code {code}";
}
