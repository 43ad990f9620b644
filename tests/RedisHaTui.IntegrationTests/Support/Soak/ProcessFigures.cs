namespace RedisHaTui.Core.Tests.Support;

/// <summary>What this process holds right now, read from /proc/self: resident memory, threads, open sockets.</summary>
public sealed record ProcessFigures(long RssBytes, int Threads, int Sockets, long ManagedHeapBytes)
{
    public static ProcessFigures Read()
    {
        long rss = 0;
        int threads = 0;
        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
            else if (line.StartsWith("Threads:", StringComparison.Ordinal)) threads = int.Parse(line.Split('\t', ' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        return new ProcessFigures(rss, threads, CountSockets(), GC.GetGCMemoryInfo().HeapSizeBytes);
    }

    private static int CountSockets()
    {
        int sockets = 0;
        foreach (string fd in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget?.StartsWith("socket:", StringComparison.Ordinal) == true) sockets++;
            }
            catch (IOException) { } // closed while we looked
        }
        return sockets;
    }

    public static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:0.0} MB";
}
