using System.Collections.Concurrent;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;

namespace RedisHaTui.Tests.Tui.Fakes;

/// <summary>
/// A session over a store the test feeds and log rings the test appends to. What can run is the core's own
/// rules over the fed snapshot, as in the app, except where a test makes the fake actions refuse.
/// </summary>
internal sealed class FakeSession : ILabSession
{
    private readonly ConcurrentDictionary<string, LogRing> _logs = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="time">The session's clock; a test that moves time itself passes a FakeTimeProvider.</param>
    public FakeSession(LabDefinition lab, bool ownsProcesses = true, TimeProvider? time = null)
    {
        Lab = lab;
        OwnsProcesses = ownsProcesses;
        string? readOnly = ownsProcesses ? null : "attached with --no-start: this app only watches processes it did not start";
        Store = new LabStore(LabSnapshot.Initial(lab), time, derive: s => FakeActions.Override(ActionRules.Evaluate(s, lab, new ActionPolicy(ProcessControl: readOnly))));
        FakeActions.Changed += () => Store.Update(s => s with { }); // a new refusal: derive again
    }

    /// <summary>Settable: a deployment's processes change while the screen shows them.</summary>
    public LabDefinition Lab { get; set; }

    public LabStore Store { get; }

    public FakeActions FakeActions { get; } = new();

    public ILabActions Actions => FakeActions;

    public bool OwnsProcesses { get; }

    /// <summary>Settable: a test of someone else's deployment asks for the master's name before a failover.</summary>
    public ActionPolicy Policy { get; set; } = ActionPolicy.Owner;

    public LogRing Log(string processName) => _logs.GetOrAdd(processName, _ => new LogRing(200));

    public string LogSource(string processName) => OwnsProcesses ? "output of the process" : $"no log file for {processName}: started elsewhere";

    /// <summary>A new picture of the lab, as the monitor would make it: it reads the lab, so it keeps the walkthrough's progress as it was.</summary>
    public void Publish(LabSnapshot snapshot) => Store.Update(s => snapshot.Walkthrough is null && s.Walkthrough is not null ? snapshot with { Walkthrough = s.Walkthrough } : snapshot);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Records what the screen asked for; answers with configured refusals and replies.</summary>
internal sealed class FakeActions : ILabActions
{
    public ConcurrentQueue<(LabActionKind Kind, string? Target)> Runs { get; } = new();

    public ConcurrentQueue<(string Target, string Command)> Commands { get; } = new();

    private readonly ConcurrentDictionary<LabActionKind, string> _refusals = new();

    /// <summary>Raised when a refusal is added, so the session derives its availability again.</summary>
    public event Action? Changed;

    /// <summary>From now on, <paramref name="kind"/> is unavailable for this reason, whatever the snapshot says.</summary>
    public void Refuse(LabActionKind kind, string why)
    {
        _refusals[kind] = why;
        Changed?.Invoke();
    }

    public LabSnapshot Override(LabSnapshot s) => _refusals.IsEmpty ? s : s with
    {
        Availability = new Availability
        {
            Commands = [.. s.Availability.Commands.Select(c => _refusals.TryGetValue(c.Kind, out string? why) ? c with { DisabledReason = why } : c)],
        },
    };

    public Func<string, string> Reply { get; set; } = command => command == "get k1" ? "\"val1\"" : "OK";


    public Task<LabActionResult> RunAsync(LabActionKind kind, string? target, CancellationToken ct = default)
    {
        Runs.Enqueue((kind, target));
        return Task.FromResult(LabActionResult.Success($"{kind} {target} done"));
    }

    public Task<LabActionResult> RunCommandAsync(string target, string commandLine, CancellationToken ct = default)
    {
        Commands.Enqueue((target, commandLine));
        return Task.FromResult(LabActionResult.Success(Reply(commandLine)));
    }
}
