using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Load;

/// <summary>Sorts a failed write into the kinds the ledger counts, from what the client library threw.</summary>
public static class WriteErrors
{
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
        return e switch
        {
            RedisTimeoutException or TimeoutException => WriteErrorKind.Timeout,
            RedisConnectionException or System.Net.Sockets.SocketException or IOException or ObjectDisposedException => WriteErrorKind.Connection,
            _ => WriteErrorKind.Other,
        };
    }
}
