using System.Diagnostics;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Core.Tests.Walkthrough;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Cli;

namespace RedisHaTui.Core.Tests.Lab;

/// <summary>
/// Mixed ownership, the way a workshop does it: the app owns the lab and starts some processes, the student starts
/// others in their own terminals (start.sh, or redis-server on the working copy), and kills by pid.
/// </summary>
public class StartedByHandTests
{
    private static readonly TimeSpan Soon = TimeSpan.FromSeconds(20);

    /// <summary>Sentinel's TILT (entered when its timer is late by 2 s, on a loaded machine) holds every action for 30 s.</summary>
    private static readonly TimeSpan SdownEvenAfterTilt = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Processes_started_by_hand_beside_the_apps_own_run_with_their_pid_and_log_pause_by_pid_and_outlive_the_quit_until_down()
    {
        using var files = TempLab.Create();
        ByHand.CopyScripts(files, "node1");
        LabDefinition lab = files.Load();
        int p1 = lab.Nodes[0].Port;
        using var hand = new ByHand();
        LabSession session = await LabSession.OpenAsync(lab);
        bool quit = false;
        try
        {
            session.PrepareLab();
            hand.StartSh(files, "node1"); // tees its output into the working copy's log
            int sentinel1 = hand.StartDirect(lab, "sentinel1"); // no start.sh: no log file
            foreach (string name in new[] { "node2", "sentinel2", "sentinel3" })
                Assert.True((await session.Actions.RunAsync(LabActionKind.Start, name)).Ok, name);

            LabSnapshot s = await WaitAsync(session, x => x.ProcessOf("node1") is { State: ProcessState.External, Pid: not null }
                && x.ProcessOf("sentinel1") is { State: ProcessState.External, Pid: not null }, "node1 and sentinel1 taken in with their pids");
            int node1 = await ByHand.ServerPidAsync(p1);
            Assert.Equal(node1, s.ProcessOf("node1")!.Pid);
            Assert.Equal(sentinel1, s.ProcessOf("sentinel1")!.Pid);
            Assert.True(s.ProcessOf("node1")!.StartedByHand && s.ProcessOf("sentinel1")!.StartedByHand);
            Assert.Equal((ProcessState.Running, false), (s.ProcessOf("node2")!.State, s.ProcessOf("node2")!.StartedByHand));
            Assert.Contains(s.Timeline, t => t.Text == $"node1 started by hand (pid {node1})");
            // The log start.sh writes is in node1's pane; sentinel1's pane says where its output went instead.
            await UntilAsync(() => session.Log("node1").Tail(500).Any(l => l.Contains("Ready to accept connections")),
                () => $"node1 log tailed; {session.Supervisor!["node1"].Status} {session.Supervisor!["node1"].Status.Detail} file {new FileInfo(Path.Combine(lab.RunDirectory, "node1", "node1.log")).Length} bytes; holds:\n{string.Join("\n", session.Log("node1").Tail(20))}");
            Assert.Contains(session.Log("sentinel1").Tail(50), l => l.Contains("no log file: its output is in the terminal that started it"));
            Assert.Contains("(started by hand)", session.LogSource("node1"));

            // The app's own rules and actions, on the pid: no second start, pause and resume by pid.
            Assert.Equal($"node1 is already running (started by hand, pid {node1})", s.WhyNot(LabActionKind.Start, "node1"));
            Assert.True((await session.Actions.RunAsync(LabActionKind.Pause, "node1")).Ok);
            await WaitAsync(session, x => x.ProcessOf("node1") is { State: ProcessState.Paused, StartedByHand: true }, "node1 paused by pid");
            await UntilAsync(() => Signals.ProcessState(node1) == 'T', () => $"node1 (pid {node1}) stopped by SIGSTOP: its state is {Signals.ProcessState(node1)}");
            Assert.True((await session.Actions.RunAsync(LabActionKind.Resume, "node1")).Ok);
            await UntilAsync(() => Signals.ProcessState(node1) != 'T', () => $"node1 (pid {node1}) resumed by SIGCONT");
            await WaitAsync(session, x => x.ProcessOf("node1") is { State: ProcessState.External } && x.Node("node1")!.Reachable, "node1 answers again");

            // Quitting says what it stops and what it leaves, and does exactly that.
            Assert.Equal(
                ["Stopping node2, sentinel2, sentinel3: started by this app.",
                 $"node1, sentinel1 were started by hand and keep running: `{QuitText.DownCommand(lab)}` stops them."],
                QuitText.Consequences(session.Store.Current, lab, session.OwnsProcesses));
            int[] ours = [.. new[] { "node2", "sentinel2", "sentinel3" }.Select(n => session.Supervisor![n].Status.Pid!.Value)];
            await session.DisposeAsync();
            quit = true;
            Assert.All(ours, pid => Assert.False(Signals.IsAlive(pid), $"pid {pid} outlived the app that started it"));
            Assert.True(Signals.IsAlive(node1) && Signals.IsAlive(sentinel1), "a process started by hand was stopped at quit");

            // `down` stops what was started by hand: found by the port's owner, stopped by pid.
            (int code, string output) = await AppProcess.RunAsync(TimeSpan.FromSeconds(60), "down", "--lab", files.LabFile);
            Assert.True(code == 0, output);
            Assert.Contains($"node1: stopped (pid {node1})", output);
            Assert.Contains($"sentinel1: stopped (pid {sentinel1})", output);
            Assert.False(Signals.IsAlive(node1) || Signals.IsAlive(sentinel1));
        }
        finally
        {
            if (!quit) await session.DisposeAsync();
            await hand.StopAsync(p1);
        }
    }

    [Fact]
    public async Task A_master_started_by_hand_and_killed_by_hand_is_timed_from_when_seen_down_and_taken_in_again_when_restarted_by_hand()
    {
        // The tutorial's down-after: +sdown comes seconds after the kill, so "seen down" first is what Redis guarantees here.
        using var files = TempLab.Create(downAfterMs: 5000);
        ByHand.CopyScripts(files, "node1");
        LabDefinition lab = files.Load();
        int p1 = lab.Nodes[0].Port;
        using var hand = new ByHand();
        await using LabSession session = await LabSession.OpenAsync(lab);
        try
        {
            session.PrepareLab();
            hand.StartSh(files, "node1");
            Assert.True((await session.Actions.RunAsync(LabActionKind.Start, "node2")).Ok);
            await WaitAsync(session, x => x.Node("node2") is { LinkStatus: "up" }, "node2 linked to node1");
            foreach (SentinelDefinition x in lab.Sentinels) Assert.True((await session.Actions.RunAsync(LabActionKind.Start, x.Name)).Ok);
            LabSnapshot s = await WaitAsync(session, x => x.Consensus.Healthy && x.ProcessOf("node1") is { Pid: not null }, "healthy, node1 taken in");
            int first = s.ProcessOf("node1")!.Pid!.Value;

            // kill -9 by hand, from another terminal: timed from when the app saw node1 gone, before +sdown.
            DateTimeOffset killed = DateTimeOffset.UtcNow;
            Process.GetProcessById(first).Kill();
            s = await WaitAsync(session, x => x.Failovers.LastOrDefault()?.PhaseTime(FailoverPhaseKind.SDown) is not null, "+sdown of node1", SdownEvenAfterTilt);
            FailoverRecord f = s.Failovers[^1];
            Assert.StartsWith("node1 seen down: ", f.Cause);
            Assert.Equal("node1", f.OldMaster);
            Assert.True(f.StartedAt >= killed, $"started {f.StartedAt:HH:mm:ss.fff}, before the kill at {killed:HH:mm:ss.fff}");
            Assert.True(f.PhaseTime(FailoverPhaseKind.SDown) > TimeSpan.Zero, $"+sdown at {f.PhaseTime(FailoverPhaseKind.SDown)}");
            await WaitAsync(session, x => x.Failovers[^1].PhaseTime(FailoverPhaseKind.AllAgree) is not null, "the sentinels agree on node2", SdownEvenAfterTilt);

            // The old master restarted by hand: taken in with its new pid, a replica of node2, not DOWN.
            hand.StartSh(files, "node1");
            s = await WaitAsync(session, x => x.Node("node1") is { Reachable: true, Role: NodeRole.Replica, FollowsName: "node2", LinkStatus: "up" }
                && x.ProcessOf("node1") is { State: ProcessState.External, Pid: { } pid } && pid != first, "node1 back by hand, following node2", TimeSpan.FromSeconds(40));
            int second = s.ProcessOf("node1")!.Pid!.Value;
            Assert.Equal(await ByHand.ServerPidAsync(p1), second);

            // Stopped by pid; started again by the app, it is the app's own from then on.
            Assert.True((await session.Actions.RunAsync(LabActionKind.Stop, "node1")).Ok);
            Assert.False(Signals.IsAlive(second));
            await WaitAsync(session, x => x.ProcessOf("node1")!.State == ProcessState.Exited, "node1 shown stopped");
            Assert.True((await session.Actions.RunAsync(LabActionKind.Start, "node1")).Ok);
            s = await WaitAsync(session, x => x.ProcessOf("node1") is { State: ProcessState.Running } && x.Node("node1")!.Reachable, "node1 run by the app");
            Assert.False(s.ProcessOf("node1")!.StartedByHand);
            Assert.Equal(session.Supervisor!["node1"].Status.Pid, s.ProcessOf("node1")!.Pid);
        }
        finally
        {
            await hand.StopAsync(p1);
        }
    }

    /// <summary>
    /// Issue 19's case: the app's own start on a port a process started by hand already holds fails ("Failed listening
    /// on port"), as `s` could before the app saw that process. The verdict must not stay at "node1 is down" while
    /// node1 answers: the screen's problems are those `status` reads.
    /// </summary>
    [Fact]
    public async Task After_the_apps_own_start_fails_on_a_port_held_by_hand_the_screen_says_what_status_says()
    {
        // No timed polls during the test: the app reads the lab only when something wakes it, so it has not seen
        // node1 come up when `s` is pressed (the moment a student can beat a one-second poll).
        using var files = TempLab.Create(edit: root => root["Monitor"]!["PollIntervalMilliseconds"] = 60000);
        ByHand.CopyScripts(files, "node1");
        LabDefinition lab = files.Load();
        int p1 = lab.Nodes[0].Port;
        using var hand = new ByHand();
        await using LabSession session = await LabSession.OpenAsync(lab);
        try
        {
            session.PrepareLab();
            Assert.True((await session.Actions.RunAsync(LabActionKind.Start, "node2")).Ok);
            await WaitAsync(session, x => x.Node("node2")!.Reachable, "node2 answers");
            hand.StartSh(files, "node1");
            for (int i = 0; await ByHand.CliAsync(p1, "ping") != "PONG"; i++)
            {
                Assert.True(i < 200, "node1 started by hand does not answer");
                await Task.Delay(50);
            }
            Assert.Equal(ProcessState.NotStarted, session.Store.Current.ProcessOf("node1")!.State); // not seen yet

            LabActionResult s = await session.Actions.RunAsync(LabActionKind.Start, "node1");

            int pid = await ByHand.ServerPidAsync(p1);
            // From here on the reads a one-second poll would make.
            using var polls = new Timer(_ => session.Monitor.PollNow(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
            LabSnapshot after = await WaitAsync(session, x => x.ProcessOf("node1") is { State: ProcessState.External, Pid: { } p } && p == pid
                && x.Node("node1")!.Reachable && x.Node("node2")!.LinkStatus == "up", $"node1 shown running, started by hand (the app's start said: {s.Message})");
            Assert.Contains(session.Log("node1").Tail(200), l => l.Contains("Failed listening on port", StringComparison.Ordinal) || l.Contains("Address already in use", StringComparison.Ordinal));
            Assert.DoesNotContain("node1 is down", after.Consensus.Problems);
            await using LabSession status = LabSession.Attach(lab); // what `status` reads
            await status.Monitor.FirstRead.WaitAsync(Soon);
            LabSnapshot read = status.Store.Current;
            Assert.Equal((read.Consensus.Healthy, read.Consensus.MasterByRoles), (after.Consensus.Healthy, after.Consensus.MasterByRoles));
            Assert.Equal(read.Consensus.Problems.Where(p => p.Contains("node")), after.Consensus.Problems.Where(p => p.Contains("node")));
        }
        finally
        {
            await hand.StopAsync(p1);
        }
    }

    [Fact]
    public async Task The_apps_own_master_killed_by_hand_is_timed_from_its_exit_not_from_sdown()
    {
        await using RunningLab lab = await RunningLab.StartAsync();
        await lab.WaitForAsync(x => x.Consensus.Healthy, Soon, "healthy");
        int pid = lab.Session.Supervisor!["node1"].Status.Pid!.Value;

        DateTimeOffset killed = DateTimeOffset.UtcNow;
        Assert.True(Signals.Send(pid, Signals.SIGKILL)); // from another terminal: the app did not do it

        LabSnapshot s = await lab.WaitForAsync(x => !x.Failovers.IsEmpty, Soon, "a failover record");
        FailoverRecord f = s.Failovers[^1];
        Assert.Equal("node1 seen down: killed by SIGKILL (exit 137)", f.Cause);
        Assert.True(f.StartedAt >= killed);
        // A loaded machine can put the sentinels in TILT (30 s without acting) before their +sdown.
        s = await lab.WaitForAsync(x => x.Failovers[^1].PhaseTime(FailoverPhaseKind.SDown) is not null, SdownEvenAfterTilt, "+sdown of node1");
        Assert.True(s.Failovers[^1].PhaseTime(FailoverPhaseKind.SDown) > TimeSpan.Zero);
    }

    private static async Task<LabSnapshot> WaitAsync(LabSession session, Func<LabSnapshot, bool> condition, string what, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? Soon);
        try { return await session.Store.WaitForAsync(condition, cancel.Token); }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }
        LabSnapshot last = session.Store.Current;
        throw new TimeoutException($"not within {(timeout ?? Soon).TotalSeconds:0} s: {what}. Processes: " +
            string.Join(", ", last.Nodes.Select(n => $"{n.Name} {n.Process} {n.Process.Detail} reachable={n.Reachable}").Concat(last.Sentinels.Select(x => $"{x.Name} {x.Process} reachable={x.Reachable}"))) +
            $". Problems: {string.Join("; ", last.Consensus.Problems)}. Timeline: {string.Join(" | ", last.Timeline.TakeLast(12).Select(t => $"{t.Name} {t.Text}"))}");
    }

    private static async Task UntilAsync(Func<bool> condition, Func<string> what)
    {
        var deadline = DateTime.UtcNow + Soon;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"not within {Soon.TotalSeconds:0} s: {what()}");
            await Task.Delay(100);
        }
    }
}
