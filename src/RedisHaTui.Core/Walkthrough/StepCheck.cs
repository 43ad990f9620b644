namespace RedisHaTui.Core.Walkthrough;

/// <summary>The fixed set of completion checks a walkthrough step may name (the words a presenter writes after `check:`).</summary>
public enum CheckKind
{
    /// <summary>`runs N`: process N (node or sentinel) answers.</summary>
    Runs,
    /// <summary>`master N K`: node N is master with at least K replicas online.</summary>
    Master,
    /// <summary>`sentinels-know R S`: every sentinel answers and knows at least R replicas and S other sentinels.</summary>
    SentinelsKnow,
    /// <summary>`key-equals N K V`: GET K on node N answers V.</summary>
    KeyEquals,
    /// <summary>`readonly-refused N`: node N refused a write with READONLY (its INFO errorstats, or the app's console).</summary>
    ReadOnlyRefused,
    /// <summary>`failover-completed`: a failover ran to the end (every sentinel agrees on the new master).</summary>
    FailoverCompleted,
    /// <summary>`replica-of N M`: node N replicates node M with its link up.</summary>
    ReplicaOf,
    /// <summary>`load-ran`: a run of the write load had at least one acknowledged write.</summary>
    LoadRan,
    /// <summary>`partitioned`: a cut is in force (lab.json Lab:Network:Partitions on).</summary>
    Partitioned,
    /// <summary>`split-brain`: two data nodes answer as master at once.</summary>
    SplitBrain,
    /// <summary>`healed`: the network is whole again after a cut.</summary>
    Healed,
    /// <summary>`writes-lost C`: client C's latest run ended with acknowledged writes that the final master does not hold.</summary>
    WritesLost,
    /// <summary>`lesson NAME`: the fault menu's lesson NAME (quorum, forget, announce, pinned, down-after) ran and its outcome was seen after it started.</summary>
    Lesson,
    /// <summary>`manual`: nothing to detect (reading, thinking); the presenter moves on with `]`.</summary>
    Manual,
}

/// <summary>A step's completion check: one of <see cref="CheckKind"/> with its arguments, already validated.</summary>
/// <param name="Node">The process it is about (N), when it takes one.</param>
/// <param name="Other">The second node (M of replica-of).</param>
/// <param name="Count">K of master, R of sentinels-know.</param>
/// <param name="Count2">S of sentinels-know.</param>
public sealed record StepCheck(CheckKind Kind, string? Node = null, string? Other = null, int Count = 0, int Count2 = 0, string? Key = null, string? Value = null)
{
    /// <summary>The check in plain words, for the panel ("node1 is master with 1 replica").</summary>
    public string Describe() => Kind switch
    {
        CheckKind.Runs => $"{Node} runs",
        CheckKind.Master => $"{Node} is master with {Count} replica{(Count == 1 ? "" : "s")}",
        CheckKind.SentinelsKnow => $"every sentinel knows {Count} replica{(Count == 1 ? "" : "s")} and {Count2} other sentinel{(Count2 == 1 ? "" : "s")}",
        CheckKind.KeyEquals => $"{Key} is {Value} on {Node}",
        CheckKind.ReadOnlyRefused => $"{Node} refused a write (READONLY)",
        CheckKind.FailoverCompleted => "a failover completed",
        CheckKind.ReplicaOf => $"{Node} is a replica of {Other}",
        CheckKind.LoadRan => "the write load ran",
        CheckKind.Partitioned => "the network is cut",
        CheckKind.SplitBrain => "two nodes answer as master",
        CheckKind.Healed => "the network is healed",
        CheckKind.WritesLost => $"client {Node} lost acknowledged writes (read back)",
        CheckKind.Lesson => $"lesson {Key} played: {Faults.FaultMenu.LessonNamed(Key!)?.Outcome}",
        _ => "press ] when done",
    };
}
