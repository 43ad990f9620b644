namespace RedisHaTui.Core.Actions;

/// <summary>
/// What this app may do to the processes of a topology, each as the reason it may not (null: allowed). The
/// topology source says it — a lab the app owns allows everything, one started elsewhere only what goes through
/// Redis, a remote deployment only reads unless the person asked for more — and the action rules apply it.
/// </summary>
/// <param name="ProcessControl">Start, stop, kill, restart, pause, resume: signals need the process on this machine, started by this app.</param>
/// <param name="Debug">DEBUG SLEEP.</param>
/// <param name="Failover">SENTINEL FAILOVER.</param>
/// <param name="Writes">Commands typed at the `:` prompt that change data or configuration.</param>
/// <param name="ConfirmFailoverByName">A failover is confirmed by typing the master's name, not with a y: someone else's deployment.</param>
public sealed record ActionPolicy(string? ProcessControl = null, string? Debug = null, string? Failover = null, string? Writes = null,
    bool ConfirmFailoverByName = false)
{
    /// <summary>The lab this app started: everything.</summary>
    public static readonly ActionPolicy Owner = new();

    /// <summary>Why this topology never lets <paramref name="kind"/> run, whatever the lab's state; null when it may.</summary>
    public string? WhyNot(LabActionKind kind) => kind switch
    {
        LabActionKind.CheckQuorum => null,
        LabActionKind.Failover => Failover,
        LabActionKind.DebugSleep => Debug,
        _ => ProcessControl,
    };

    /// <summary>Why this topology refuses the Redis command <paramref name="words"/> (the `:` prompt's rule); null when it may run.</summary>
    public string? WhyNot(IReadOnlyList<string> words) => Writes is { } readOnly && !ReadOnlyCommands.IsReadOnly(words) ? readOnly : null;
}
