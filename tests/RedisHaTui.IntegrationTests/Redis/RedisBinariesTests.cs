using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Redis;

public class RedisBinariesTests
{
    [Fact]
    public async Task Redis_is_found_or_provided_and_is_new_enough()
    {
        using var temp = TempLab.Create();

        RedisBinaries redis = await RedisBinaries.LocateAsync(temp.Load()).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(File.Exists(redis.ServerPath));
        Assert.True(File.Exists(redis.SentinelPath));
        Assert.True(redis.Version >= RedisBinaries.Minimum, $"Redis {redis.Version}");
    }

    [Fact]
    public async Task A_redis_older_than_6_2_is_refused_with_its_version()
    {
        using var temp = TempLab.Create();
        string fake = Path.Combine(temp.Directory, "old-redis-server");
        File.WriteAllText(fake, "#!/bin/sh\necho 'Redis server v=5.0.7 sha=00000000:0 malloc=jemalloc-5.1.0 bits=64 build=1'\n");
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var e = await Assert.ThrowsAsync<LabLoadException>(() => RedisBinaries.LocateAsync(temp.Load("--Redis:ServerPath", fake)));

        Assert.Contains("is Redis 5.0.7", e.Message);
        Assert.Contains("needs Redis 6.2 or newer", e.Message);
    }

    [Fact]
    public async Task A_configured_path_that_does_not_exist_is_named()
    {
        using var temp = TempLab.Create();

        var e = await Assert.ThrowsAsync<LabLoadException>(() => RedisBinaries.LocateAsync(temp.Load("--Redis:ServerPath", "/nowhere/redis-server")));

        Assert.Contains("Redis:ServerPath: /nowhere/redis-server not found", e.Message);
    }

    [Fact]
    public void An_unwritable_run_directory_is_named()
    {
        using var temp = TempLab.Create(edit: r => r["Lab"]!["RunDirectory"] = "/proc/redis-ha-tui");

        var e = Assert.Throws<LabLoadException>(() => new RunDirectory(temp.Load()).EnsureWritable());

        Assert.Contains("run directory /proc/redis-ha-tui/lab-0 is not writable", e.Message);
    }
}
