using System.Text.Json;
using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>The JSON the CLI prints keeps the shapes the README documents (field names, order, nulls, escaping).</summary>
public class CliJsonTests
{
    [Fact]
    public void Status_json_has_the_documented_fields_in_order()
    {
        using var files = TempLab.Create(nodes: 2, sentinels: 1, quorum: 1);
        LabDefinition lab = files.Load();
        LabSnapshot s = LabSnapshot.Initial(lab);
        s = s with { Nodes = s.Nodes.SetItem(0, s.Nodes[0] with { Replicas = [new ReplicaLink("127.0.0.1", 7002, "node2", "online", 14, 1)] }) };

        using JsonDocument doc = JsonDocument.Parse(StatusPrinter.JsonDocument(lab, s, new Dictionary<string, int?> { ["node1"] = 4242 }));

        JsonElement root = doc.RootElement;
        Assert.Equal(["lab", "masterName", "portOffset", "healthy", "failoverReady", "failoverReadyReason", "master", "disagreements", "problems", "nodes", "sentinels"], Names(root));
        Assert.Equal(["bySentinels", "byRoles"], Names(root.GetProperty("master")));
        Assert.Equal(["name", "host", "port", "up", "pid", "role", "follows", "followsPort", "link", "lastIoSecondsAgo", "syncInProgress",
            "offset", "lagBytes", "replicas", "goodReplicas", "keys", "aof", "error"], Names(root.GetProperty("nodes")[0]));
        Assert.Equal(["name", "ip", "port", "state", "offset", "lagSeconds"], Names(root.GetProperty("nodes")[0].GetProperty("replicas")[0]));
        Assert.Equal(["name", "host", "port", "up", "pid", "master", "masterAddress", "sDown", "oDown", "failoverInProgress",
            "knownReplicas", "knownSentinels", "epoch", "quorum", "quorumOk", "wouldPromote", "promotion", "error"], Names(root.GetProperty("sentinels")[0]));
        Assert.Equal(4242, root.GetProperty("nodes")[0].GetProperty("pid").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nodes")[1].GetProperty("pid").ValueKind);
        Assert.Equal("127.0.0.1", root.GetProperty("sentinels")[0].GetProperty("host").GetString());
    }

    [Fact]
    public void Event_lines_start_with_their_type_and_print_text_as_it_is()
    {
        string line = JsonSerializer.Serialize(
            new EventLine(1, DateTimeOffset.UnixEpoch, "sentinel", "+switch-master", "myMaster 127.0.0.1 7001 → 7002 \"x\" <y>", ["sentinel1"], 5.01),
            CliJson.Line.EventLine);
        string phase = JsonSerializer.Serialize(new FailoverPhaseLine(1, "kill -9 node1", "node1", null, "+switch-master", 6.24), CliJson.Line.FailoverPhaseLine);

        Assert.Equal("""{"type":"event","id":1,"at":"1970-01-01T00:00:00+00:00","source":"sentinel","kind":"+switch-master","text":"myMaster 127.0.0.1 7001 → 7002 \"x\" <y>","seenBy":["sentinel1"],"sinceFailoverSeconds":5.01}""", line);
        Assert.Equal("""{"type":"failover-phase","failover":1,"cause":"kill -9 node1","oldMaster":"node1","newMaster":null,"phase":"+switch-master","seconds":6.24}""", phase);
    }

    private static string[] Names(JsonElement o) => [.. o.EnumerateObject().Select(p => p.Name)];
}
