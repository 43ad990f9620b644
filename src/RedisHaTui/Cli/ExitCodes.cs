namespace RedisHaTui.Cli;

/// <summary>What the process's exit code means, for scripts (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Done; for status, the lab is healthy.</summary>
    public const int Ok = 0;
    /// <summary>The lab is not healthy, or an action was refused or failed (e.g. NOGOODSLAVE, timeout).</summary>
    public const int NotHealthy = 1;
    /// <summary>Bad input: usage, lab.json, a busy port, missing Redis. Nothing was started.</summary>
    public const int BadInput = 2;
}
