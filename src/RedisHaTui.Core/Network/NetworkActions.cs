using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Network;

/// <summary>
/// Partition and heal: the actions on the lab's network, each taking a target set (<see cref="NetworkCut"/>) and
/// refused with a reason where this app cannot cut (partitions off, a lab it does not own, a real deployment).
/// The screen's keys, the fault menu, the control channel and the tests all come here.
/// </summary>
public sealed class NetworkActions
{
    /// <summary>What a lab with partitions off says, naming the setting that turns them on.</summary>
    public const string Off = "partitions are off for this lab: start it with --Lab:Network:Partitions true (or set Lab:Network:Partitions in lab.json)";

    public const string Deployment = "attached to a deployment: the app cannot cut a real network (partitions are for a lab it starts)";

    public const string NotOwner = "this app watches a lab it did not start: the lab's owner cuts its network (`redis-ha-tui partition SPEC` asks it from any terminal)";

    private readonly LabDefinition _lab;
    private readonly LabStore _store;
    private readonly NetworkRelay? _relay;

    /// <param name="relay">The owner's relay; null where this app does not own a partitionable lab.</param>
    /// <param name="deployment">True for a deployment found through its sentinels.</param>
    public NetworkActions(LabDefinition lab, LabStore store, NetworkRelay? relay, bool deployment)
    {
        _lab = lab;
        _store = store;
        _relay = relay;
        string? why = deployment ? Deployment : !lab.Network.Partitions ? Off : relay is null ? NotOwner : null;
        store.Update(s => s with { Network = new NetworkState { Partitions = lab.Network.Partitions, WhyNot = why } });
    }

    /// <summary>Why partition and heal cannot run here; null when they can.</summary>
    public string? WhyNot => _store.Current.Network.WhyNot;

    public LabNetwork Network => _lab.Network;

    /// <summary>The cut in force (the relay's own, where there is one).</summary>
    public NetworkCut? Cut => _relay?.Cut ?? _store.Current.Network.Cut;

    /// <summary>How many connections the relay carries and holds now; null without a relay.</summary>
    public RelayCounts? Counts => _relay?.Counts;

    /// <summary>Cuts the links between the two sides; the cut goes into the snapshot and on the timeline.</summary>
    public LabActionResult Partition(NetworkCut cut)
    {
        if (WhyNot is { } why || _relay is null) return LabActionResult.Refused(WhyNot ?? NotOwner);
        _relay.Partition(cut);
        DateTimeOffset now = _store.Time.GetUtcNow();
        string text = $"cut {cut}: {Describe(cut)}";
        _store.Update(s => Timeline.Add(s with { Network = s.Network with { Cut = cut, CutAt = now } }, TimelineKind.Partition, text, now, _lab.Ui.TimelineLines));
        return LabActionResult.Success(text);
    }

    /// <summary>The cut from its text (`node1,sentinel1,A / rest`), refused naming what is wrong in it.</summary>
    public LabActionResult Partition(string spec)
    {
        if (WhyNot is { } why) return LabActionResult.Refused(why);
        (NetworkCut? cut, string? problem) = NetworkCutSpec.Parse(spec, _lab.Network);
        return cut is null ? LabActionResult.Refused(problem!) : Partition(cut);
    }

    /// <summary>Mends every cut link; what was stalled is closed, and the processes reconnect.</summary>
    public async Task<LabActionResult> HealAsync()
    {
        if (WhyNot is { } why || _relay is null) return LabActionResult.Refused(WhyNot ?? NotOwner);
        NetworkCut? was = _relay.Cut;
        int closed = await _relay.HealAsync();
        DateTimeOffset now = _store.Time.GetUtcNow();
        string text = was is null ? "the network was whole: nothing to heal" : $"healed {was}: {closed} stalled connection{(closed == 1 ? "" : "s")} closed, the processes reconnect";
        _store.Update(s => FailoverStopwatch.OnHeal(
            Timeline.Add(s with { Network = s.Network with { Cut = null, CutAt = null } }, TimelineKind.Heal, text, now, _lab.Ui.TimelineLines), now));
        return LabActionResult.Success(text);
    }

    /// <summary>"2 links cut between processes, clients A | B": what a cut does, in words.</summary>
    private string Describe(NetworkCut cut)
    {
        int links = cut.Links(_lab.Network.Processes.Select(m => m.Name)).Count();
        string Clients(IEnumerable<string> side) => string.Join(", ", side.Where(n => _lab.Network.Member(n)?.IsClient == true).DefaultIfEmpty("none"));
        return $"{links} link{(links == 1 ? "" : "s")} between processes cut, both ways, no reset; clients {Clients(cut.Left)} | {Clients(cut.Right)}";
    }
}
