using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Load;

/// <summary>Sorts a failed write into the kinds the ledger counts, from what the client library threw.</summary>
public static class WriteErrors
{
    /// <summary>StackExchange.Redis's own refusal of a write to a node it knows is a replica (ExceptionFactory.PrimaryOnly).</summary>
    public const string ReplicaRefusal = "Command cannot be issued to a replica";

    public static WriteErrorKind Classify(Exception e)
    {
        if (e is AggregateException { InnerExceptions.Count: 1 } a) e = a.InnerException!;
        // Server replies first: their text is the verdict ("NOREPLICAS Not enough good replicas to write.").
        if (e is RedisServerException server)
        {
            if (server.Message.StartsWith("NOREPLICAS", StringComparison.Ordinal)) return WriteErrorKind.NoReplicas;
            if (server.Message.StartsWith("READONLY", StringComparison.Ordinal)) return WriteErrorKind.ReadOnly;
            return WriteErrorKind.Other;
        }
        // StackExchange.Redis refuses a write itself once it knows its endpoint is a replica (it re-reads the role after
        // every reconnect, and Sentinel's reconfiguration closes the connections): a client pinned to a demoted master
        // then sees this instead of the server's READONLY. The same fact: the only address it has is a replica's.
        if (e.Message.StartsWith(ReplicaRefusal, StringComparison.Ordinal)) return WriteErrorKind.ReadOnly;
        return e switch
        {
            RedisTimeoutException or TimeoutException => WriteErrorKind.Timeout,
            RedisConnectionException or System.Net.Sockets.SocketException or IOException or ObjectDisposedException => WriteErrorKind.Connection,
            _ => WriteErrorKind.Other,
        };
    }
}
