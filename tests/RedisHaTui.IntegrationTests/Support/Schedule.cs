using RedisHaTui.Core.Tests.Support;
using Xunit.Abstractions;

// Test classes run side by side, eight tests at a time: a real-lab test spends most of its time waiting on Sentinel's
// timers (down-after, the 10 s INFO period, hello every 2 s), not on the CPU (a quarter of a core or less on
// average, BENCHMARKS.md "The test suite"), so eight use about the two cores of the machine the suite is sized for,
// and every lab has ports, folders and processes of its own (FreePorts, TempLab). xunit's default (conservative)
// algorithm counts a test that awaits as running, so no more than eight labs are ever up at once. The collections that must run alone (AloneCollection, ToolCollection) run
// after all the others, one test at a time, in that order.
[assembly: CollectionBehavior(MaxParallelThreads = 8)]
[assembly: TestCollectionOrderer("RedisHaTui.Core.Tests.Support.Schedule", "RedisHaTui.IntegrationTests")]
// The lab is Linux processes, signals and /proc: the tests run where the app runs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace RedisHaTui.Core.Tests.Support;

/// <summary>
/// The order test collections start in, and the one moment that knows which collections this run holds: when it
/// includes the tool tests, their NativeAOT pack starts now, in the background at the lowest CPU priority
/// (ToolPackages), so it compiles while the labs wait on Sentinel; the tool collection comes last, after the soak.
/// </summary>
public sealed class Schedule : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        ITestCollection[] all = [.. testCollections];
        if (all.Any(IsTool)) ToolPackages.StartInBackground();
        // The longest classes first (a class's tests run one after another): one started last would run alone at the
        // end, after the others have finished, and be the run's tail.
        return all.OrderBy(IsTool).ThenByDescending(IsLong).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
    }

    private static bool IsTool(ITestCollection c) => c.DisplayName == ToolCollection.Name;

    /// <summary>A class marked <see cref="LongRunningAttribute"/> (xunit names a class's own collection "Test collection for" the class).</summary>
    private static bool IsLong(ITestCollection c) =>
        c.DisplayName.StartsWith(ClassCollection, StringComparison.Ordinal)
        && Type.GetType(c.DisplayName[ClassCollection.Length..]) is { } type
        && type.IsDefined(typeof(LongRunningAttribute), inherit: false);

    private const string ClassCollection = "Test collection for ";
}

/// <summary>
/// A test class whose tests take long together (about half a minute or more, per-test times in BENCHMARKS.md "The test
/// suite"): <see cref="Schedule"/> starts it among the first.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LongRunningAttribute : Attribute;
