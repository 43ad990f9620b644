using System.Collections.Concurrent;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.State;

namespace RedisHaTui.Tests.Tui.Fakes;

/// <summary>A session over a store the test feeds and log rings the test appends to.</summary>
internal sealed class FakeSession(LabDefinition lab, bool ownsProcesses = true) : ILabSession
{
    private readonly ConcurrentDictionary<string, LogRing> _logs = new(StringComparer.OrdinalIgnoreCase);

    public LabDefinition Lab { get; } = lab;

    public LabStore Store { get; } = new(LabSnapshot.Initial(lab));

    public FakeActions FakeActions { get; } = new();

    public ILabActions Actions => FakeActions;

    public bool OwnsProcesses { get; } = ownsProcesses;

    public LogRing Log(string processName) => _logs.GetOrAdd(processName, _ => new LogRing(200));

    public string LogSource(string processName) => OwnsProcesses ? "output of the process" : $"no log file for {processName}: started elsewhere";

    public void Publish(LabSnapshot snapshot) => Store.Update(_ => snapshot);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

/// <summary>Records what the screen asked for; answers with configured refusals and replies.</summary>
internal sealed class FakeActions : ILabActions
{
    public ConcurrentQueue<(LabActionKind Kind, string? Target)> Runs { get; } = new();

    public ConcurrentQueue<(string Target, string Command)> Commands { get; } = new();

    public Dictionary<LabActionKind, string> Refusals { get; } = [];

    public Func<string, string> Reply { get; set; } = command => command == "get k1" ? "\"val1\"" : "OK";

    public string? DisabledReason(LabActionKind kind, string? target, LabSnapshot snapshot) =>
        Refusals.TryGetValue(kind, out string? why) ? why : null;

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
