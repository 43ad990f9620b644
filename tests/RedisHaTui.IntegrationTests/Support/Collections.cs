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
/// A real-lab test that must not share the machine with other labs (it reads state beyond its own ports and
/// folders) names this collection: it runs after the side-by-side tests, one at a time. A test whose lab is its own
/// needs no collection; this one keeps tests written before the suite ran side by side safe until they are checked.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LabCollection
{
    public const string Name = "real labs";
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
