using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Sources;

/// <summary>A lab this app starts: it owns the processes, reports their states, and stops them when disposed.</summary>
public sealed class OwnedLab : ITopologySource
{
    public OwnedLab(LabDefinition lab, RedisBinaries binaries, TimeProvider? time = null)
    {
        Lab = lab;
        Supervisor = new Supervisor(lab, new RunDirectory(lab), binaries, time);
        Supervisor.StatusChanged += (p, status) => ProcessStatusChanged?.Invoke(p.Name, status);
    }

    public LabDefinition Lab { get; }

    public Supervisor Supervisor { get; }

    public string? ReadOnlyReason => null;

    public IProcessControl Control => Supervisor;

    public bool ReportsProcessStates => true;

    public event Action<string, ProcessStatus>? ProcessStatusChanged;

    public LogRing Log(string processName) => Supervisor[processName].Log;

    public string LogSource(string processName) => "live output";

    public void Open() { }

    public ValueTask DisposeAsync() => Supervisor.DisposeAsync();
}
