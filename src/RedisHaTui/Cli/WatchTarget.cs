using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Session;
using RedisHaTui.Core.Sources;

namespace RedisHaTui.Cli;

/// <summary>
/// What a watching command (the screen, status, events, failover) looks at: the lab of a lab file, or a
/// deployment found through its sentinels (--sentinels, --master). Both become the same kind of session.
/// </summary>
public sealed record WatchTarget(LabDefinition? Lab, DeploymentOptions? Deployment)
{
    public static WatchTarget OfLab(LabDefinition lab) => new(lab, null);

    /// <summary>A session that only watches (the lab: started elsewhere). Throws <see cref="LabLoadException"/> when a deployment cannot be reached.</summary>
    /// <param name="time">The session's clock (every wait of the command that asked is measured on it); the system's by default.</param>
    public async Task<LabSession> AttachAsync(TimeProvider? time = null) =>
        Deployment is { } d ? await LabSession.AttachToDeploymentAsync(d, time) : LabSession.Attach(Lab!, time);

    /// <summary>Process ids are ours to look up only on this machine's lab, never for a deployment.</summary>
    public bool IsLocalLab => Deployment is null;
}
