using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// What the NativeAOT compiler needs from the machine on Linux: a C toolchain to link with (clang, or gcc) and
/// zlib's development files. Without them the AOT tests fail naming the packages; they are never skipped.
/// </summary>
public static class NativeToolchain
{
    public const string Install = "sudo apt-get install clang zlib1g-dev (Debian/Ubuntu; gcc works in place of clang)";

    public static void RequireOrExplain()
    {
        var missing = new List<string>();
        if (RedisBinaries.FindOnPath("clang") is null && RedisBinaries.FindOnPath("gcc") is null) missing.Add("a C compiler and linker (clang or gcc)");
        string[] zlib = ["/usr/lib/x86_64-linux-gnu/libz.so", "/usr/lib/x86_64-linux-gnu/libz.a", "/usr/lib64/libz.so", "/usr/lib/libz.so", "/usr/lib/libz.a"];
        if (!zlib.Any(File.Exists)) missing.Add("zlib's development files (libz.so / libz.a, package zlib1g-dev)");
        if (missing.Count > 0)
            throw new InvalidOperationException($"the NativeAOT build needs {string.Join(" and ", missing)}, which this machine lacks: {Install}");
    }
}
