using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Network;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Redis;

namespace RedisHaTui.Core.Sources;

/// <summary>
/// A lab this app starts: it owns the processes, reports their states, and stops them when disposed, then gives
/// the lab's ownership back.
/// </summary>
public sealed class OwnedLab : ITopologySource
{
    private readonly LabOwnership _ownership;

    /// <param name="relay">The relay between the processes when the lab has partitions on; disposed with the lab.</param>
    public OwnedLab(LabDefinition lab, RedisBinaries binaries, LabOwnership ownership, TimeProvider? time = null, NetworkRelay? relay = null)
    {
        Lab = lab;
        _ownership = ownership;
        Relay = relay;
        Supervisor = new Supervisor(lab, new RunDirectory(lab), binaries, time);
        Supervisor.StatusChanged += (p, status) => ProcessStatusChanged?.Invoke(p.Name, status);
    }

    public LabDefinition Lab { get; }

    public Supervisor Supervisor { get; }

    public NetworkRelay? Relay { get; }

    public ActionPolicy Policy => ActionPolicy.Owner;

    public IProcessControl Control => Supervisor;

    public bool ReportsProcessStates => true;

    public event Action<string, ProcessStatus>? ProcessStatusChanged;

    public LogRing Log(string processName) => Supervisor[processName].Log;

    public string LogSource(string processName) => Supervisor[processName].Status.StartedByHand
        ? $"tail of {LabLoader.Relative(new RunDirectory(Lab).LogPath(Lab.Find(processName)!))} (started by hand)"
        : "live output";

    // A lab of fixed processes: its topology never changes under it.
    public event Action<string>? TopologyChanged { add { } remove { } }

    public void Open(ProcessConnections connections) { }

    public async ValueTask DisposeAsync()
    {
        // Given back only once every process has stopped: a start that follows must not meet them still running.
        try
        {
            await Supervisor.DisposeAsync();
            // After the processes: none of them is left talking through a relay that is gone.
            if (Relay is not null) await Relay.DisposeAsync();
        }
        finally { _ownership.Dispose(); }
    }
}
