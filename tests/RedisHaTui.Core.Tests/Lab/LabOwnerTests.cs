using RedisHaTui.Core.Lab;

namespace RedisHaTui.Core.Tests.Lab;

/// <summary>The owner record: what is written, what is read back, and who counts as alive.</summary>
public class LabOwnerTests
{
    [Fact]
    public void The_record_reads_back_as_written()
    {
        var owner = new LabOwner(4242, 1234567890123);

        string text = owner.Format();

        Assert.Equal("{\"pid\":4242,\"startTicks\":1234567890123}\n", text);
        Assert.Equal(owner, LabOwner.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4242\n")]
    [InlineData("{}")]
    [InlineData("{\"pid\":4242}")]
    [InlineData("{\"pid\":0,\"startTicks\":1}")]
    [InlineData("{\"pid\":\"4242\",\"startTicks\":1}")]
    [InlineData("{\"pid\":4242,\"startTicks\":1.5}")]
    [InlineData("{\"pid\":42")] // cut short
    public void Anything_but_a_whole_record_is_no_owner(string text)
    {
        Assert.Null(LabOwner.Parse(text));
    }

    [Fact]
    public void The_start_time_is_field_22_counted_after_a_command_name_with_spaces_and_parentheses()
    {
        // /proc/PID/stat of a process whose command name is "a b) c": fields 3.. follow the last ')'.
        const string stat = "4242 (a b) c) S 1 4242 4242 34816 4242 4194560 1419 0 0 0 12 3 0 0 20 0 6 0 987654 2251948032 10042 " +
            "18446744073709551615 1 1 0 0 0 0 0 4096 17663 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";

        Assert.Equal(987654, LabOwner.StartTicksFromStat(stat));
        Assert.Null(LabOwner.StartTicksFromStat("4242 (cut"));
        Assert.Null(LabOwner.StartTicksFromStat("4242 (short) S 1 2 3\n"));
    }

    [Fact]
    public void This_process_is_a_live_owner()
    {
        LabOwner me = LabOwner.Current();

        Assert.Equal(Environment.ProcessId, me.Pid);
        Assert.True(me.IsAlive);
    }

    [Fact]
    public void A_reused_pid_with_another_start_time_is_a_dead_owner()
    {
        LabOwner me = LabOwner.Current();

        Assert.False((me with { StartTicks = me.StartTicks - 1 }).IsAlive);
    }

    [Fact]
    public void A_pid_that_does_not_exist_is_a_dead_owner()
    {
        // Above Linux's largest pid_max (2^22), so no process can have it.
        Assert.False(new LabOwner(4_194_305, 1).IsAlive);
    }
}
