using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Presentation;

/// <summary>Quitting says exactly what it stops (what this app started) and what it leaves (started by hand).</summary>
public sealed class QuitTextTests
{
    private static readonly ProcessStatus ByHand = new(ProcessState.External, 4242, Detail: ProcessStatus.StartedByHandDetail);

    public static TheoryData<string, string[], string[], bool, string[]> Rows => new()
    {
        // what, started by hand, not running, the app owns the lab, the sentences
        { "all the app's own", [], [], true, ["Stopping node1, node2, sentinel1, sentinel2, sentinel3: started by this app."] },
        { "mixed", ["node1"], [], true, ["Stopping node2, sentinel1, sentinel2, sentinel3: started by this app.", "node1 was started by hand and keeps running: `{down}` stops it."] },
        { "mixed, some not running", ["node1", "node2"], ["sentinel3"], true, ["Stopping sentinel1, sentinel2: started by this app.", "node1, node2 were started by hand and keep running: `{down}` stops them."] },
        { "a walkthrough done entirely by hand", ["node1", "node2", "sentinel1", "sentinel2", "sentinel3"], [], true, ["node1, node2, sentinel1, sentinel2, sentinel3 were started by hand and keep running: `{down}` stops them."] },
        { "nothing started yet", [], ["node1", "node2", "sentinel1", "sentinel2", "sentinel3"], true, ["Nothing of the lab is running: nothing to stop."] },
        { "attached with --no-start", [], [], false, ["Attached: the processes keep running."] },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void What_quitting_stops_and_leaves(string what, string[] byHand, string[] down, bool owns, string[] sentences)
    {
        LabDefinition lab = FakeLab.Definition();
        LabSnapshot s = FakeLab.Healthy(lab);
        foreach (string n in byHand) s = Set(s, n, ByHand);
        foreach (string n in down) s = Set(s, n, ProcessStatus.NotStarted);
        string[] expected = [.. sentences.Select(x => x.Replace("{down}", QuitText.DownCommand(lab), StringComparison.Ordinal))];
        Assert.True(expected.SequenceEqual(QuitText.Consequences(s, lab, owns)), $"{what}: {string.Join(" / ", QuitText.Consequences(s, lab, owns))}");
    }

    [Fact]
    public void Down_names_the_lab_file_and_its_port_offset_when_they_are_not_the_default() =>
        Assert.Equal("redis-ha-tui down --lab /elsewhere/my-lab.json --port-offset 1000",
            QuitText.DownCommand(FakeLab.Definition() with { LabFile = "/elsewhere/my-lab.json", PortOffset = 1000 }));

    [Fact]
    public void Down_is_the_bare_verb_for_the_lab_json_of_the_current_folder() =>
        Assert.Equal("redis-ha-tui down", QuitText.DownCommand(FakeLab.Definition() with { LabFile = Path.GetFullPath("lab.json") }));

    private static LabSnapshot Set(LabSnapshot s, string name, ProcessStatus p) =>
        name.StartsWith("node", StringComparison.Ordinal) ? s.WithNode(name, n => n with { Process = p }) : s.WithSentinel(name, x => x with { Process = p });
}
