using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

public enum BadgeKind { Master, Replica, Sentinel, Syncing, Starting, Paused, Down, Unknown }

/// <summary>The one-word state of a process, shown in colour at the top of its pane.</summary>
internal sealed record Badge(BadgeKind Kind)
{
    public string Text => Kind.ToString().ToUpperInvariant();

    public static Badge For(NodeSnapshot node) =>
        ProcessBadge(node.Process, node.Reachable) ?? new Badge(node switch
        {
            { SyncInProgress: true } => BadgeKind.Syncing,
            // A replica whose link is not up yet is syncing (or retrying): calling it REPLICA would hide the problem.
            { Role: NodeRole.Replica, LinkStatus: not "up" } => BadgeKind.Syncing,
            { Role: NodeRole.Master } => BadgeKind.Master,
            { Role: NodeRole.Replica } => BadgeKind.Replica,
            _ => BadgeKind.Unknown,
        });

    public static Badge For(SentinelSnapshot sentinel) =>
        ProcessBadge(sentinel.Process, sentinel.Reachable) ?? new Badge(BadgeKind.Sentinel);

    /// <summary>The states where what the process says does not matter: it is starting, frozen or gone.</summary>
    private static Badge? ProcessBadge(ProcessStatus process, bool reachable) => process.State switch
    {
        ProcessState.Starting => new Badge(BadgeKind.Starting),
        ProcessState.Paused => new Badge(BadgeKind.Paused),
        ProcessState.NotStarted or ProcessState.Exited or ProcessState.Stopping => new Badge(BadgeKind.Down),
        _ when !reachable => new Badge(BadgeKind.Down),
        _ => null,
    };
}
