namespace RedisHaTui.Core.Load;

/// <summary>What the final master holds of one run, set against what the client was told.</summary>
/// <param name="Present">Acknowledged writes the master holds.</param>
/// <param name="Lost">Acknowledged writes it does not hold.</param>
/// <param name="LostSequences">The first of them, ascending (bounded).</param>
/// <param name="Indeterminate">Writes the client saw fail that the master holds anyway.</param>
public sealed record LoadVerification(long Present, long Lost, IReadOnlyList<long> LostSequences, long Indeterminate)
{
    /// <summary>How many lost sequence numbers the ledger keeps.</summary>
    public const int MaxLostListed = 100;

    /// <summary>Pure: acked = present + lost by construction, and every count is non-negative.</summary>
    public static LoadVerification Compute(IReadOnlyCollection<long> acked, IReadOnlyCollection<long> failed, IEnumerable<long> onServer)
    {
        var held = onServer as HashSet<long> ?? [.. onServer];
        long present = 0;
        var lost = new List<long>();
        long lostCount = 0;
        foreach (long seq in acked.Order())
        {
            if (held.Contains(seq)) present++;
            else
            {
                lostCount++;
                if (lost.Count < MaxLostListed) lost.Add(seq);
            }
        }
        long indeterminate = failed.Count(held.Contains);
        return new LoadVerification(present, lostCount, lost, indeterminate);
    }
}
