using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// Before anything runs there is no verdict to give (no master, nothing healthy or not): the screen's headline and
/// `status` say so in the same words instead of "master ? · NOT healthy".
/// </summary>
public static class NothingRunningText
{
    /// <summary>
    /// "nothing running yet" before the first start (a walkthrough, --no-start on a stopped lab, `status` on a lab
    /// nothing answers for), "nothing running" once something ran and stopped; null while anything runs or answers.
    /// </summary>
    /// <param name="ranBefore">
    /// Known from elsewhere that the lab ran before (`status` finds its processes' log files in the run directory):
    /// a watcher that has just attached has seen no process stop, yet "yet" would be wrong.
    /// </param>
    public static string? Of(LabSnapshot s, bool ranBefore = false)
    {
        bool anyUp = s.Nodes.Any(n => n.Reachable || n.Process.IsAlive) || s.Sentinels.Any(x => x.Reachable || x.Process.IsAlive);
        if (anyUp || (s.Nodes.IsEmpty && s.Sentinels.IsEmpty)) return null;
        bool ever = ranBefore || s.Nodes.Any(n => n.Process.State != ProcessState.NotStarted) || s.Sentinels.Any(x => x.Process.State != ProcessState.NotStarted);
        return ever ? "nothing running" : "nothing running yet";
    }
}
