using RedisHaTui.Core.State;

namespace RedisHaTui.Core.Actions;

/// <summary>
/// Sentinel's refusals of SENTINEL FAILOVER and CKQUORUM (sentinel.c, sentinelCommand), in plain words with the fact
/// behind each one taken from the snapshot of the moment: a table a presenter can read. Sentinel's own words stay in
/// the line, so the reply can still be searched for. (No IDONTKNOW: redis 7.0's sentinel.c has no such reply; any
/// other error is passed on in Sentinel's own words.)
/// </summary>
public static class SentinelRefusals
{
    /// <param name="sentinel">The sentinel that answered.</param>
    /// <param name="reply">Its error reply, e.g. "NOGOODSLAVE No suitable replica to promote".</param>
    public static string Explain(string sentinel, string reply, LabSnapshot s)
    {
        string code = reply.Split(' ', 2)[0].TrimStart('-');
        string? why = code switch
        {
            // `if (sentinelSelectSlave(ri) == NULL)`: no replica passes its rules (PromotionRules says which rule).
            "NOGOODSLAVE" => s.Sentinel(sentinel)?.Promotion is { } verdict
                ? $"{sentinel} found no replica it may promote: {(verdict.Promotes is null ? verdict.Reason : StaleVerdict(verdict))}"
                : $"{sentinel} found no replica it may promote (it has not been read yet)",
            // `if (ri->flags & SRI_FAILOVER_IN_PROGRESS)`: one failover at a time per master, until it ends or times out.
            "INPROG" => $"{sentinel} is still running a failover" +
                (s.Sentinel(sentinel)?.FailoverState is { } state ? $" (state {state})" : "") +
                "; wait for +failover-end (or failover-timeout) and try again",
            // CKQUORUM: fewer reachable sentinels than the quorum, or than a majority to elect a leader.
            "NOQUORUM" => $"{sentinel} cannot count on enough sentinels: {s.Sentinels.Count(x => x.Reachable)} of {s.Sentinels.Length} answer; " +
                "a crash failover needs the quorum to agree and a majority to elect a leader",
            "ERR" when reply.Contains("No such master", StringComparison.OrdinalIgnoreCase) => $"{sentinel} does not monitor {s.MasterName} (SENTINEL RESET or a restart without its config?)",
            _ => null,
        };
        return why is null ? $"{sentinel}: {reply}" : $"{sentinel}: {reply} — {why}";
    }

    /// <summary>The last poll thought it could: the state changed in between (a link dropped, an INFO aged).</summary>
    private static string StaleVerdict(PromotionVerdict v) =>
        $"at the last read it would have promoted {v.Promotes}; something changed since (a link dropped or an INFO went stale), see its pane";
}
