namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// Tests that run real labs share this collection so they run one at a time: on 2 cores, parallel labs
/// would make Sentinel's timings (and so the tests) flaky.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LabCollection
{
    public const string Name = "real labs";
}
