using RedisHaTui.Core.Shell;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// One owning app per lab (lab file + port offset = one run directory). A session that will start the lab takes
/// it before anything is stopped or started, and gives it back when disposed, once its processes have stopped.
/// A second start while the owner lives is refused: it must not stop the owner's processes as if an earlier run
/// had left them. A record left by a dead owner (a SIGKILLed app, its pid gone or reused) is replaced, and that
/// run's leftovers are stopped as before.
/// </summary>
public sealed class LabOwnership : IDisposable
{
    /// <summary>The lock is held for a read and a rename: milliseconds. Waiting longer means something is wrong.</summary>
    internal static readonly TimeSpan LockWait = TimeSpan.FromSeconds(5);

    private readonly RunDirectory _run;
    private readonly TimeProvider _time;
    private int _released;

    private LabOwnership(RunDirectory run, LabOwner owner, TimeProvider time)
    {
        _run = run;
        _time = time;
        Owner = owner;
    }

    /// <summary>This process, as recorded in the run directory.</summary>
    public LabOwner Owner { get; }

    /// <summary>Makes this process the lab's owner. Throws <see cref="LabLoadException"/> naming the owner when it is alive.</summary>
    /// <param name="time">The session's clock, which decides when a wait for the lock gives up.</param>
    public static LabOwnership Take(LabDefinition lab, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var run = new RunDirectory(lab);
        run.EnsureWritable();
        LabOwner me = LabOwner.Current();
        // Read and write under one lock: two starts at the same moment cannot both find the lab free, and a dead
        // owner's record is replaced by exactly one of them.
        using (HoldLock(run, time))
        {
            if (Read(run) is { IsAlive: true } owner) throw new LabLoadException(Refusal(lab, owner));
            // Written beside and renamed over it: a reader without the lock (check) sees the old record or the new one, never half.
            string temp = $"{run.OwnerPath}.{me.Pid}.tmp";
            File.WriteAllText(temp, me.Format());
            File.Move(temp, run.OwnerPath, overwrite: true);
        }
        return new LabOwnership(run, me, time);
    }

    /// <summary>The lab's owner when it is alive (what `check` reports); null when nobody owns it or the owner died.</summary>
    public static LabOwner? LiveOwner(LabDefinition lab) => Read(new RunDirectory(lab)) is { IsAlive: true } owner ? owner : null;

    /// <summary>What a second start is told: who holds the lab, and the three ways on.</summary>
    public static string Refusal(LabDefinition lab, LabOwner owner) =>
        $"{LabLoader.Relative(lab.LabFile)} with port offset {lab.PortOffset} is already running, owned by pid {owner.Pid}; nothing was stopped or started. " +
        $"Attach to it with --no-start (or `{ShellForms.ThisMachine.Verb(lab, "status")}`), run another lab beside it with --port-offset N, or stop it with `{ShellForms.ThisMachine.Verb(lab, "down")}`.";

    /// <summary>Gives the lab back: the record goes if it is still ours.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 1) return;
        try
        {
            using (HoldLock(_run, _time))
                if (Read(_run) == Owner) File.Delete(_run.OwnerPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LabLoadException) { } // the run directory is gone (reset): nothing to give back; a stale record is replaced by the next start
    }

    private static LabOwner? Read(RunDirectory run)
    {
        try { return LabOwner.Parse(File.ReadAllText(run.OwnerPath)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; } // no record, no run directory
    }

    /// <summary>
    /// An exclusive flock(2), which is what FileShare.None takes on Linux. The kernel drops it when its holder dies,
    /// so unlike the owner record the lock itself never goes stale. The session's clock says when to give up; the
    /// retries themselves are real sleeps, since what they wait for (another process closing the file) happens in real time.
    /// </summary>
    private static FileStream HoldLock(RunDirectory run, TimeProvider time)
    {
        DateTimeOffset until = time.GetUtcNow() + LockWait;
        while (true)
        {
            try { return new FileStream(run.OwnerLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException e) when (e is not DirectoryNotFoundException)
            {
                if (time.GetUtcNow() >= until)
                    throw new LabLoadException($"{LabLoader.Relative(run.OwnerLockPath)} stays locked by another start of this lab ({e.Message}); try again.");
                Thread.Sleep(20);
            }
        }
    }
}
