namespace RedisHaTui.Core.Actions;

/// <summary>What a person (a key) or a CLI verb can ask the lab to do.</summary>
public enum LabActionKind
{
    /// <summary>Start a stopped process.</summary>
    Start,
    /// <summary>Stop gracefully: SHUTDOWN, else SIGTERM, then SIGKILL.</summary>
    Stop,
    /// <summary>kill -9.</summary>
    Kill,
    Restart,
    /// <summary>SIGSTOP.</summary>
    Pause,
    /// <summary>SIGCONT.</summary>
    Resume,
    /// <summary>SENTINEL FAILOVER through the first reachable sentinel.</summary>
    Failover,
    /// <summary>Kill -9 whichever node is master right now.</summary>
    KillMaster,
    /// <summary>SENTINEL CKQUORUM on every reachable sentinel.</summary>
    CheckQuorum,
    /// <summary>DEBUG SLEEP n on a node: it stops answering for n seconds.</summary>
    DebugSleep,
}

/// <summary>The outcome of an action. An expected refusal (INPROG, NOGOODSLAVE, not running) is a result, not an exception.</summary>
public sealed record LabActionResult(bool Ok, string Message)
{
    /// <summary>The process it acted on, where the command chose it (kill -9 the master).</summary>
    public string? Target { get; init; }

    public static LabActionResult Success(string message) => new(true, message);
    public static LabActionResult Refused(string message) => new(false, message);
}
