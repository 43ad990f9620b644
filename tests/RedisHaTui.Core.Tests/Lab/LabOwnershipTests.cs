using RedisHaTui.Core.Lab;

using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Lab;

/// <summary>Taking and giving back a lab, on a run directory in a temporary folder (files only, no processes).</summary>
public sealed class LabOwnershipTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "redis-ha-tui-tests", "owner-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly LabDefinition _lab;

    public LabOwnershipTests() => _lab = TestLabs.Definition(portOffset: 40) with { RunDirectory = _dir };

    private string OwnerFile => new RunDirectory(_lab).OwnerPath;

    [Fact]
    public void Taking_a_lab_records_this_process_and_disposing_gives_it_back()
    {
        using (LabOwnership taken = LabOwnership.Take(_lab))
        {
            Assert.Equal(LabOwner.Current(), LabOwner.Parse(File.ReadAllText(OwnerFile)));
            Assert.Equal(LabOwner.Current(), LabOwnership.LiveOwner(_lab));
        }

        Assert.False(File.Exists(OwnerFile));
        Assert.Null(LabOwnership.LiveOwner(_lab));
    }

    [Fact]
    public void A_second_start_while_the_owner_lives_is_refused_with_its_pid_and_the_ways_on()
    {
        using LabOwnership first = LabOwnership.Take(_lab);

        var e = Assert.Throws<LabLoadException>(() => LabOwnership.Take(_lab));

        Assert.Contains($"owned by pid {Environment.ProcessId}", e.Message);
        Assert.Contains("with port offset 40", e.Message);
        Assert.Contains("--no-start", e.Message);
        Assert.Contains("--port-offset N", e.Message);
        Assert.Contains("redis-ha-tui down", e.Message);
        Assert.Equal(first.Owner, LabOwner.Parse(File.ReadAllText(OwnerFile))); // the refused start left the record alone
    }

    [Theory]
    [InlineData(false)] // the pid is gone
    [InlineData(true)]  // the pid now belongs to another process (this one, started at another time)
    public void The_record_of_a_dead_owner_is_replaced(bool reused)
    {
        Directory.CreateDirectory(_dir);
        LabOwner me = LabOwner.Current();
        LabOwner dead = reused ? me with { StartTicks = me.StartTicks + 1 } : new LabOwner(4_194_305, 1);
        File.WriteAllText(OwnerFile, dead.Format());
        Assert.Null(LabOwnership.LiveOwner(_lab));

        using LabOwnership taken = LabOwnership.Take(_lab);

        Assert.Equal(me, LabOwner.Parse(File.ReadAllText(OwnerFile)));
    }

    [Fact]
    public void A_record_that_is_not_ours_any_more_stays_when_we_give_the_lab_back()
    {
        LabOwnership taken = LabOwnership.Take(_lab);
        var other = new LabOwner(4_194_305, 1);
        File.WriteAllText(OwnerFile, other.Format()); // e.g. reset, then another start took the lab

        taken.Dispose();

        Assert.Equal(other, LabOwner.Parse(File.ReadAllText(OwnerFile)));
    }

    [Fact]
    public async Task Of_many_starts_at_the_same_moment_exactly_one_takes_the_lab()
    {
        using var go = new Barrier(8);
        // A thread each (LongRunning), so all eight wait at the barrier at once instead of on the thread pool's growth.
        Task<LabOwnership?>[] starts = [.. Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew<LabOwnership?>(() =>
        {
            go.SignalAndWait(TimeSpan.FromSeconds(10));
            try { return LabOwnership.Take(_lab); }
            catch (LabLoadException) { return null; }
        }, TaskCreationOptions.LongRunning))];

        LabOwnership?[] results = await Task.WhenAll(starts).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Single(results, r => r is not null);
        foreach (LabOwnership? r in results) r?.Dispose();
    }

    [Fact]
    public async Task A_start_waiting_for_the_lock_gives_up_when_the_session_clock_passes_the_wait()
    {
        var run = new RunDirectory(_lab);
        run.EnsureWritable();
        var time = new WatchedClock();
        using (new FileStream(run.OwnerLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)) // another start holds it
        {
            Task<LabOwnership> take = Task.Factory.StartNew(() => LabOwnership.Take(_lab, time), TaskCreationOptions.LongRunning);
            await time.FirstRead.WaitAsync(TimeSpan.FromSeconds(10)); // its deadline is set
            time.Advance(LabOwnership.LockWait - TimeSpan.FromMilliseconds(1));
            Assert.False(take.IsCompleted, "gave up before its clock ran out");

            time.Advance(TimeSpan.FromMilliseconds(1));

            var e = await Assert.ThrowsAsync<LabLoadException>(() => take.WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Contains("owner.lock stays locked by another start of this lab", e.Message);
        }
        Assert.False(File.Exists(OwnerFile)); // it gave up before taking anything
    }

    [Fact]
    public async Task A_start_waiting_for_the_lock_takes_the_lab_once_it_is_free_before_the_clock_passes_the_wait()
    {
        var run = new RunDirectory(_lab);
        run.EnsureWritable();
        var time = new WatchedClock();
        Task<LabOwnership> take;
        using (new FileStream(run.OwnerLockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            take = Task.Factory.StartNew(() => LabOwnership.Take(_lab, time), TaskCreationOptions.LongRunning);
            await time.FirstRead.WaitAsync(TimeSpan.FromSeconds(10));
            time.Advance(LabOwnership.LockWait - TimeSpan.FromMilliseconds(1)); // however long it really waited, its clock has not run out
        }

        using LabOwnership taken = await take.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(LabOwner.Current(), LabOwner.Parse(File.ReadAllText(OwnerFile)));
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
