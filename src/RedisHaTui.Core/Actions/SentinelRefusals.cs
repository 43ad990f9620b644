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
            // CKQUORUM (sentinelIsQuorumReachable): "usable" is itself plus every sentinel it knows and does not see down;
            // below the quorum it cannot reach +odown, below a majority of itself + the sentinels it knows it cannot be elected.
            "NOQUORUM" => NoQuorum(sentinel, reply, s),
            "ERR" when reply.Contains("No such master", StringComparison.OrdinalIgnoreCase) => $"{sentinel} does not monitor {s.MasterName} (SENTINEL RESET or a restart without its config?)",
            _ => null,
        };
        return why is null ? $"{sentinel}: {reply}" : $"{sentinel}: {reply} — {why}";
    }

    private static string NoQuorum(string sentinel, string reply, LabSnapshot s)
    {
        string usable = reply.Split(' ').ElementAtOrDefault(1) ?? "?";
        int? voters = s.Sentinel(sentinel)?.KnownSentinels + 1;
        var why = new List<string>();
        if (reply.Contains("specified quorum", StringComparison.Ordinal))
            why.Add("fewer than the quorum, so they cannot agree the master is down (+odown)");
        if (reply.Contains("majority", StringComparison.Ordinal))
            why.Add(voters is { } v ? $"fewer than a majority of the {v} it counts (itself and {v - 1} known: {v / 2 + 1} votes), so no leader can be elected"
                : "fewer than a majority of the sentinels it knows, so no leader can be elected");
        return $"{sentinel} counts {usable} usable sentinel(s) (itself and those it does not see down): " +
            (why.Count > 0 ? string.Join("; and ", why) : "too few to fail over") +
            "; a stopped sentinel stays counted until SENTINEL RESET (SENTINEL FAILOVER, asking nobody, still works)";
    }

    /// <summary>The last poll thought it could: the state changed in between (a link dropped, an INFO aged).</summary>
    private static string StaleVerdict(PromotionVerdict v) =>
        $"at the last read it would have promoted {v.Promotes}; something changed since (a link dropped or an INFO went stale), see its pane";
}
