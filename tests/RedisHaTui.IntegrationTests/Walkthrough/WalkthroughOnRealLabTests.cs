using System.Diagnostics;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Walkthrough;

namespace RedisHaTui.Core.Tests.Walkthrough;

/// <summary>
/// The shipped walkthrough on a real lab that starts with nothing running, done the way a workshop mixes it:
/// some steps by hand (start.sh, the real redis-cli, kill -9), some with the app's actions.
/// </summary>
public class WalkthroughOnRealLabTests
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Steps_done_by_hand_and_with_the_app_tick_in_order_from_an_empty_lab_to_a_failover_and_back()
    {
        using var files = TempLab.Create(downAfterMs: 2000);
        ByHand.CopyScripts(files, "node1");
        LabDefinition lab = files.Load();
        var w = WalkthroughParser.Load(Path.Combine(Repo.LabTemplates, "walkthrough.md"), lab);
        int p1 = lab.Nodes[0].Port, p2 = lab.Nodes[1].Port;
        using var hand = new ByHand();
        await using LabSession session = await LabSession.OpenAsync(lab);
        try
        {
            // Data left by an earlier run (here a stand-in file) would tick steps nobody did: the walkthrough starts empty.
            Directory.CreateDirectory(Path.Combine(lab.RunDirectory, "node2"));
            File.WriteAllText(Path.Combine(lab.RunDirectory, "node2", "left-from-earlier.rdb"), "k1=val1");
            session.PrepareLab();
            Assert.False(File.Exists(Path.Combine(lab.RunDirectory, "node2", "left-from-earlier.rdb")));
            session.Monitor.WatchedKeys = w.WatchedKeys;
            var progress = WalkthroughProgress.Start(w);
            async Task TickedAsync(int steps, string what)
            {
                using var timeout = new CancellationTokenSource(Step);
                try { await session.Store.WaitForAsync(s => (progress = progress.Observe(w, s)).Current >= steps, timeout.Token); }
                catch (OperationCanceledException) { Assert.Fail($"step {progress.Current + 1} \"{w.Steps[progress.Current].Title}\" did not tick within {Step.TotalSeconds} s: {what}"); }
            }

            // Nothing runs: the first step is the student's, and its command is the tutorial's own.
            Assert.Equal(["cd lab/node1; ./start.sh"], w.Steps[0].Commands);
            await session.Monitor.FirstRead.WaitAsync(Step);
            Assert.DoesNotContain(session.Store.Current.Nodes, n => n.Reachable);
            Assert.DoesNotContain(session.Store.Current.Sentinels, x => x.Reachable);
            Assert.True(File.Exists(Path.Combine(lab.RunDirectory, "node1", "redis.conf"))); // prepared for start.sh and for the app alike
            Assert.Equal(0, progress.Observe(w, session.Store.Current).DoneCount);

            hand.StartSh(files, "node1");
            await TickedAsync(1, "node1 started by start.sh");
            Assert.True((await session.Actions.RunAsync(LabActionKind.Start, "node2")).Ok);
            await TickedAsync(3, "node2 started by the app, replicating node1");
            foreach (SentinelDefinition s in lab.Sentinels) Assert.True((await session.Actions.RunAsync(LabActionKind.Start, s.Name)).Ok);
            await TickedAsync(4, "the sentinels know node2 and each other");

            Assert.Equal("OK", await ByHand.CliAsync(p1, "set", "k1", "val1"));
            await TickedAsync(5, "k1 read back on node2");
            Assert.StartsWith("READONLY", await ByHand.CliAsync(p2, "set", "k2", "val2"));
            await TickedAsync(6, "node2 counted a READONLY refusal");

            progress = progress.Next(w); // the write load is another engineer's part of the app: passed, not ticked
            Assert.Equal(StepState.Skipped, progress.StateOf(6));

            // kill -9 of the master the student started: by its pid, as pgrep would find it.
            Process.GetProcessById(await ByHand.ServerPidAsync(p1)).Kill();
            await TickedAsync(8, "the sentinels failed over to node2");
            Assert.Equal("node2", session.Store.Current.Failovers.Last().NewMaster);

            progress = progress.Next(w); // "find the new master" is read, not detected
            Assert.Equal(StepState.Done, progress.StateOf(8));

            hand.StartSh(files, "node1");
            await TickedAsync(10, "node1 back, converted to a replica of node2");
            progress = progress.Next(w);
            Assert.True(progress.Finished);
            Assert.Equal(10, progress.DoneCount);
        }
        finally
        {
            await hand.StopAsync(p1);
        }
    }

    [Fact]
    public async Task A_write_refused_in_the_apps_console_ticks_the_readonly_step_too()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        var check = new StepCheck(CheckKind.ReadOnlyRefused, Node: "node2");
        Assert.False(StepConditions.IsMet(check, lab.Now));

        LabActionResult refused = await lab.Session.Actions.RunCommandAsync("node2", "set k2 val2");

        Assert.StartsWith("(error) READONLY", refused.Message);
        Assert.True(StepConditions.IsMet(check, lab.Now));
        Assert.Contains(lab.Now.Timeline, t => t.Kind == TimelineKind.ReadOnly && t.Text.StartsWith("node2 refused SET: READONLY"));
    }
}
