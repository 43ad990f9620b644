namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// Tests that run real labs name this collection. The whole assembly already runs serially (Serial.cs); the
/// name says so where a reader of one test class looks.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LabCollection
{
    public const string Name = "real labs";
}
