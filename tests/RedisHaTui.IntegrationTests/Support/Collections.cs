namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// Tests that read figures of the whole test process (threads, sockets, every StackExchange.Redis multiplexer,
/// unobserved task exceptions) name this collection: it runs after every other collection has finished, one test at
/// a time, so no other test's connections or threads count in its figures.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "alone";
}

/// <summary>
/// The tool packaging tests and the installed NativeAOT app (a lab of its own, in tmux), alone and last (Schedule):
/// their shared pack (the collection's fixture, started when the run starts) has had the whole run to build in.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ToolCollection : ICollectionFixture<ToolPackages>
{
    public const string Name = "tool packages";
}
