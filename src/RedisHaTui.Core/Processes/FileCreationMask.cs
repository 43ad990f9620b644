using System.Runtime.InteropServices;

namespace RedisHaTui.Core.Processes;

/// <summary>
/// The umask the lab's processes inherit. Redis's CONFIG REWRITE (Sentinel sends it after every failover, and a
/// sentinel rewrites its own file at start) replaces a config with a new file of mode 0644 &amp; ~umask, whatever
/// mode the file had (measured on Redis 7.0.15): with a password in it, only a umask of 077 keeps it 0600.
/// </summary>
public static partial class FileCreationMask
{
    private const uint GroupAndOthers = 0x3F; // 077 in octal

    [LibraryImport("libc", EntryPoint = "umask")]
    private static partial uint SysUmask(uint mask);

    private static int _private;

    /// <summary>
    /// From now on, files this app and the processes it starts create are for their owner only. Process-wide and
    /// never undone: a umask changed only around each start would race with the starts running side by side, and
    /// an app running a lab that holds a secret has nothing to share with other users anyway.
    /// </summary>
    public static void MakePrivate()
    {
        if (OperatingSystem.IsWindows() || Interlocked.Exchange(ref _private, 1) == 1) return;
        uint old = SysUmask(GroupAndOthers);
        SysUmask(old | GroupAndOthers);
    }
}
