using CliWrap;
using CliWrap.EventStream;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Redis;
using RedisHaTui.Core.Sources;

namespace RedisHaTui.Core.Processes;

/// <summary>
/// One redis-server or redis-sentinel started by this app through CliWrap (an argument list, no shell).
/// Its output goes line by line into a <see cref="LogRing"/> and a log file in the run directory; its life
/// (started, paused, exited with a code) is reported through <see cref="StatusChanged"/>. A process that dies
/// is reported, never thrown. The same process started by hand on the working copy (start.sh) while the app owns
/// the lab is taken in by its pid (<see cref="TakeInStartedByHand"/>): its log file is tailed into the same ring,
/// signals go to that pid after checking it still is Redis on the port, and it is never stopped on the app's way out.
/// </summary>
public sealed class ManagedProcess : IAsyncDisposable
{
    private readonly RunDirectory _run;
    private readonly RedisBinaries _binaries;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _forceful;
    private Task? _listening;
    private TaskCompletionSource<bool>? _started;
    private StreamWriter? _logFile;
    /// <summary>Where this app's own output ended in the log file: a process started by hand after it appends from there.</summary>
    private long _ownLogEnd;
    /// <summary>The log file of a process started by hand, read into <see cref="Log"/>; kept across restarts by hand.</summary>
    private LogFileTail? _handTail;

    private readonly ConnectionSecurity _security;

    public ManagedProcess(ProcessDefinition definition, RunDirectory run, RedisBinaries binaries, int logLines, TimeProvider? time = null,
        ConnectionSecurity? security = null)
    {
        Definition = definition;
        _run = run;
        _binaries = binaries;
        _time = time ?? TimeProvider.System;
        _security = security ?? ConnectionSecurity.None;
        Log = new LogRing(logLines, _time);
    }

    public ProcessDefinition Definition { get; }
    public string Name => Definition.Name;
    public LogRing Log { get; }
    public ProcessStatus Status { get; private set; } = ProcessStatus.NotStarted;

    /// <summary>Each output line as it arrives (for `up`, which prints them); raised on a background thread.</summary>
    public event Action<ManagedProcess, string>? LineReceived;

    /// <summary>Raised on the thread that saw the change; handlers must be quick and thread-safe.</summary>
    public event Action<ManagedProcess, ProcessStatus>? StatusChanged;

    /// <summary>Starts the process; returns once it has a pid (true) or failed to start (false, reported in the log).</summary>
    public async Task<bool> StartAsync()
    {
        lock (_gate)
        {
            // A restart or lab start still under way when the app quits must not leave a process behind it.
            if (_disposed) return false;
            if (Status.IsAlive) return true;
            // Ours again: the log file is written by this app from here on, no longer read back.
            _ = _handTail?.DisposeAsync().AsTask();
            _handTail = null;
            _forceful?.Dispose();
            _forceful = new CancellationTokenSource();
            _started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        if (_security.Credentials is not null) FileCreationMask.MakePrivate(); // before the log file and the process
        Directory.CreateDirectory(_run.ProcessFolder(Definition));
        _logFile ??= new StreamWriter(new FileStream(_run.LogPath(Definition), FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        SetStatus(new ProcessStatus(ProcessState.Starting, Since: _time.GetUtcNow()));

        bool sentinel = Definition.Kind == ProcessKind.Sentinel;
        string program = sentinel ? _binaries.SentinelPath : _binaries.ServerPath;
        string[] arguments = sentinel && _binaries.SentinelNeedsFlag
            ? [_run.ConfigPath(Definition), "--sentinel"]
            : [_run.ConfigPath(Definition)];
        Command command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(_run.ProcessFolder(Definition))
            .WithEnvironmentVariables(_binaries.Environment)
            .WithValidation(CommandResultValidation.None);
        _listening = Task.Run(() => ListenAsync(command, _forceful.Token, _started));
        return await _started.Task;
    }

    private async Task ListenAsync(Command command, CancellationToken forceful, TaskCompletionSource<bool> started)
    {
        try
        {
            await foreach (CommandEvent e in command.ListenAsync(forceful))
            {
                switch (e)
                {
                    case StartedCommandEvent s:
                        File.WriteAllText(_run.PidPath(Definition), $"{s.ProcessId}\n{Definition.Port}\n");
                        SetStatus(new ProcessStatus(ProcessState.Running, s.ProcessId, Since: _time.GetUtcNow()));
                        started.TrySetResult(true);
                        break;
                    case StandardOutputCommandEvent o: Append(o.Text); break;
                    case StandardErrorCommandEvent o: Append(o.Text); break;
                    case ExitedCommandEvent x:
                        TryDelete(_run.PidPath(Definition));
                        Note($"exited: {Signals.DescribeExit(x.ExitCode)}");
                        CloseLogFile();
                        SetStatus(new ProcessStatus(ProcessState.Exited, ExitCode: x.ExitCode, Since: _time.GetUtcNow()));
                        break;
                }
            }
        }
        catch (OperationCanceledException) { }
        catch (Exception e)
        {
            Note($"could not run {Definition.Name}: {e.Message}");
            SetStatus(new ProcessStatus(ProcessState.Exited, ExitCode: -1, Since: _time.GetUtcNow(), Detail: e.Message));
        }
        finally
        {
            started.TrySetResult(false);
        }
    }

    /// <summary>Graceful stop (<see cref="StopSequence"/>): SHUTDOWN, else SIGTERM, then SIGKILL; each step waits for the exit.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (Status.Pid is not { } pid || !Status.IsAlive) return;
        if (Status.StartedByHand)
        {
            if (!StillOnPort(pid)) return;
            SetStatus(Status with { State = ProcessState.Stopping });
            bool gone = await StopSequence.RunAsync(Definition, pid, _security, grace, t => ExternalProcess.WaitGoneAsync(pid, t, _time), Note);
            SetStatus(gone
                ? new ProcessStatus(ProcessState.Exited, pid, Since: _time.GetUtcNow(), Detail: $"stopped (pid {pid}, started by hand)")
                : Status with { State = ProcessState.External });
            return;
        }
        SetStatus(Status with { State = ProcessState.Stopping });
        await StopSequence.RunAsync(Definition, pid, _security, grace, WaitForExitAsync, Note);
    }

    /// <summary>kill -9: the tutorial's "kill the master".</summary>
    public bool Kill()
    {
        if (Status.Pid is not { } pid || !Status.IsAlive) return false;
        bool byHand = Status.StartedByHand;
        if (byHand && !StillOnPort(pid)) return false;
        Note(byHand ? $"kill -9 {pid} (started by hand)" : "kill -9");
        if (!Signals.Send(pid, Signals.SIGKILL)) return false;
        // Not our child: no exit event will say it is gone, so watch the pid (briefly: SIGKILL cannot be ignored).
        if (byHand) _ = MarkGoneAsync(pid, "killed by SIGKILL (kill -9)");
        return true;
    }

    public bool Pause()
    {
        if (Status.Pid is not { } pid || Status.State is not (ProcessState.Running or ProcessState.External)) return false;
        if (Status.StartedByHand && !StillOnPort(pid)) return false;
        if (!Signals.Send(pid, Signals.SIGSTOP)) return false;
        Note("paused (SIGSTOP)");
        SetStatus(Status with { State = ProcessState.Paused, Since = _time.GetUtcNow() });
        return true;
    }

    public bool Resume()
    {
        if (Status.Pid is not { } pid || Status.State != ProcessState.Paused) return false;
        if (Status.StartedByHand && !StillOnPort(pid)) return false;
        if (!Signals.Send(pid, Signals.SIGCONT)) return false;
        Note("resumed (SIGCONT)");
        SetStatus(Status with { State = Status.StartedByHand ? ProcessState.External : ProcessState.Running, Since = _time.GetUtcNow() });
        return true;
    }

    /// <inheritdoc cref="IProcessControl.TakeInStartedByHand"/>
    public void TakeInStartedByHand(int pid)
    {
        LogFileTail? tail;
        lock (_gate)
        {
            // A process of ours is alive (or on its way): whatever answers is it, not a stranger.
            if (_disposed || Status.IsAlive) return;
            // The hand-started process's tee appends to the file now: the app must not write over it. Where our own
            // output ended was marked when our process exited; what follows is theirs.
            Interlocked.Exchange(ref _logFile, null)?.Dispose();
            tail = _handTail ??= new LogFileTail(_run.LogPath(Definition), Log, _time, _ownLogEnd);
        }
        string log = File.Exists(_run.LogPath(Definition))
            ? $"its log: {LabLoader.Relative(_run.LogPath(Definition))}"
            : "no log file: its output is in the terminal that started it";
        Note($"answers on :{Definition.Port}, started by hand (pid {pid}); {log}");
        tail.Start();
        SetStatus(new ProcessStatus(ProcessState.External, pid, Since: _time.GetUtcNow(), Detail: ProcessStatus.StartedByHandDetail));
    }

    /// <inheritdoc cref="IProcessControl.StartedByHandGone"/>
    public void StartedByHandGone(int pid) => MarkGone(pid, $"pid {pid} gone (started by hand)");

    private async Task MarkGoneAsync(int pid, string how)
    {
        if (await ExternalProcess.WaitGoneAsync(pid, StopSequence.AfterKill, _time)) MarkGone(pid, how);
    }

    private void MarkGone(int pid, string how)
    {
        lock (_gate)
            if (Status.Pid != pid || !Status.StartedByHand) return;
        Note(how);
        SetStatus(new ProcessStatus(ProcessState.Exited, pid, Since: _time.GetUtcNow(), Detail: how));
    }

    /// <summary>The guard before a signal to a pid this app did not start: still Redis on this process's port, not a recycled pid.</summary>
    private bool StillOnPort(int pid)
    {
        if (ExternalProcess.IsRedisOnPort(pid, Definition.Port)) return true;
        Note($"pid {pid} is no longer Redis on :{Definition.Port}: nothing sent");
        return false;
    }

    /// <summary>True once the process has exited (or was never started).</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        Task? listening = _listening;
        if (listening is null) return true;
        return await Task.WhenAny(listening, Task.Delay(timeout, _time)) == listening;
    }

    /// <summary>Last resort for crash paths: SIGKILL and no waiting.</summary>
    public void KillNow()
    {
        if (Status.Pid is { } pid && Status.IsAlive && !Status.StartedByHand) Signals.Send(pid, Signals.SIGKILL);
    }

    /// <summary>A line from the app itself, marked so it is not mistaken for Redis output.</summary>
    public void Note(string text) => Append($"[redis-ha-tui {_time.GetLocalNow():HH:mm:ss.fff}] {text}");

    private void Append(string line)
    {
        Log.Append(line);
        LineReceived?.Invoke(this, line);
        try { _logFile?.WriteLine(line); } catch (Exception e) when (e is IOException or ObjectDisposedException) { }
    }

    /// <summary>Our process is gone: the file is left to whoever writes it next, and its length marks where our output ended.</summary>
    private void CloseLogFile()
    {
        StreamWriter? file = Interlocked.Exchange(ref _logFile, null);
        try { file?.Dispose(); } catch (IOException) { }
        try { _ownLogEnd = File.Exists(_run.LogPath(Definition)) ? new FileInfo(_run.LogPath(Definition)).Length : 0; }
        catch (IOException) { _ownLogEnd = 0; }
    }

    private void SetStatus(ProcessStatus status)
    {
        Status = status;
        StatusChanged?.Invoke(this, status);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { }
    }

    private bool _disposed;

    public async ValueTask DisposeAsync()
    {
        lock (_gate) _disposed = true;
        // Cancelled first: a start that got past the check above is killed by CliWrap as soon as it has a pid.
        _forceful?.Cancel();
        KillNow();
        await WaitForExitAsync(StopSequence.AfterKill);
        _forceful?.Dispose();
        if (_handTail is not null) await _handTail.DisposeAsync();
        if (Interlocked.Exchange(ref _logFile, null) is { } file) await file.DisposeAsync();
    }
}
