using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;
using StackExchange.Redis;

namespace RedisHaTui.Core.Tests.Load;

/// <summary>How a failed write is sorted: the server's reply first, then the client library's own refusals, then the transport.</summary>
public class WriteErrorsTests
{
    // The short constructors are marked obsolete in favour of ones taking flags that do not matter here.
#pragma warning disable CS0618
    public static TheoryData<Exception, WriteErrorKind> Cases => new()
    {
        { new RedisServerException("NOREPLICAS Not enough good replicas to write."), WriteErrorKind.NoReplicas },
        { new RedisServerException("READONLY You can't write against a read only replica."), WriteErrorKind.ReadOnly },
        { new RedisServerException("ERR unknown command"), WriteErrorKind.Other },
        // The pinned client of lesson 4, once the library knows its one endpoint is a replica now.
        { new RedisCommandException("Command cannot be issued to a replica: RPUSH"), WriteErrorKind.ReadOnly },
        { new AggregateException(new RedisCommandException("Command cannot be issued to a replica: RPUSH")), WriteErrorKind.ReadOnly },
        { new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent), WriteErrorKind.Timeout },
        { new RedisConnectionException(ConnectionFailureType.SocketFailure, "No connection is active/available"), WriteErrorKind.Connection },
        { new InvalidOperationException("something else"), WriteErrorKind.Other },
    };
#pragma warning restore CS0618

    [Theory, MemberData(nameof(Cases))]
    public void Sorts_a_failed_write_by_what_it_says(Exception e, WriteErrorKind expected) => Assert.Equal(expected, WriteErrors.Classify(e));
}
