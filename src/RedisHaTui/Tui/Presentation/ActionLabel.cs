using RedisHaTui.Core.Actions;

namespace RedisHaTui.Tui.Presentation;

/// <summary>How the status line names an action while it runs or when it is refused ("kill -9 node2: …").</summary>
internal static class ActionLabel
{
    public static string For(LabActionKind kind, string? target) => kind switch
    {
        LabActionKind.Start => $"start {target}",
        LabActionKind.Stop => $"stop {target}",
        LabActionKind.Kill => $"kill -9 {target}",
        LabActionKind.Restart => $"restart {target}",
        LabActionKind.Pause => $"pause {target}",
        LabActionKind.Resume => $"resume {target}",
        LabActionKind.DebugSleep => $"DEBUG SLEEP 5 on {target}",
        LabActionKind.Failover => "failover",
        LabActionKind.KillMaster => "kill -9 the master",
        LabActionKind.CheckQuorum => "check quorum",
        _ => kind.ToString(),
    };
}
