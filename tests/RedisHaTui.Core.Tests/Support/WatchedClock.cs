using Microsoft.Extensions.Time.Testing;

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// A fake clock that says when code under test first read it: a test on another thread then knows the deadline
/// was taken from the clock before it moves the clock, instead of sleeping and hoping.
/// </summary>
internal sealed class WatchedClock : FakeTimeProvider
{
    private readonly TaskCompletionSource _read = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes the first time <see cref="GetUtcNow"/> is called.</summary>
    public Task FirstRead => _read.Task;

    public override DateTimeOffset GetUtcNow()
    {
        DateTimeOffset now = base.GetUtcNow();
        _read.TrySetResult();
        return now;
    }
}
