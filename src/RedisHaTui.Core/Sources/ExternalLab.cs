using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Processes;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// A lab started elsewhere (`up` in another terminal, start.sh by hand): watched, never touched. Logs come from
/// the files in the run directory, when there are any; process states are inferred from who answers.
/// </summary>
public sealed class ExternalLab : ITopologySource
{
    private readonly RunDirectory _run;
    private readonly Dictionary<string, LogFileTail> _tails = new(StringComparer.OrdinalIgnoreCase);

    public ExternalLab(LabDefinition lab, TimeProvider? time = null)
    {
        Lab = lab;
        _run = new RunDirectory(lab);
        foreach (ProcessDefinition p in lab.Processes) _tails[p.Name] = new LogFileTail(_run.LogPath(p), lab.Monitor.LogLines, time);
    }

    public LabDefinition Lab { get; }

    // DEBUG SLEEP, failover and writes go through Redis: fine on a lab of ours that someone else started.
    public ActionPolicy Policy { get; } = new(ProcessControl: "attached with --no-start: this app only watches processes it did not start");

    public IProcessControl? Control => null;

    public bool ReportsProcessStates => false;

    // Never raised: nobody tells us when a process we did not start changes.
    public event Action<string, ProcessStatus>? ProcessStatusChanged { add { } remove { } }

    public LogRing Log(string processName) => _tails[processName].Ring;

    public string LogSource(string processName)
    {
        ProcessDefinition p = Lab.Find(processName) ?? throw new ArgumentException(processName);
        return File.Exists(_run.LogPath(p))
            ? $"tail of {LabLoader.Relative(_run.LogPath(p))}"
            : $"no log file at {LabLoader.Relative(_run.LogPath(p))}: started elsewhere, its log is in its own terminal";
    }

    public event Action<string>? TopologyChanged { add { } remove { } }

    public void Open(ProcessConnections connections)
    {
        foreach (LogFileTail tail in _tails.Values) tail.Start();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (LogFileTail tail in _tails.Values) await tail.DisposeAsync();
    }
}
