using RedisHaTui.Core.Network;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;
using RedisHaTui.Tests.Tui.Fakes;

namespace RedisHaTui.Tests.Presentation;

public sealed class NetworkTextTests
{
    private static readonly NetworkCut Lesson1 = new(["node1", "sentinel1", "A"], ["node2", "sentinel2", "sentinel3", "B"]);

    /// <summary>Lesson 1 mid-way: node2 promoted by sentinel2 and 3, node1 still master on its side, sentinel1 still believing it.</summary>
    private static LabSnapshot SplitBrain(int node1GoodReplicas, int minReplicas = 1) =>
        FakeLab.Healthy(FakeLab.Definition())
            .WithNode("node1", n => n with { GoodReplicas = node1GoodReplicas, MinReplicasToWrite = minReplicas, MinReplicasMaxLag = 10 })
            .WithNode("node2", _ => FakeLab.Master("node2", 7002, replicas: 0))
            .WithSentinel("sentinel2", x => x with { MasterNodeName = "node2" })
            .WithSentinel("sentinel3", x => x with { MasterNodeName = "node2" })
        with { Network = new NetworkState { Partitions = true, Cut = Lesson1 } };

    [Theory]
    [InlineData(1, 1, "split brain: node1 (cut off, accepting writes from A) and node2 (promoted by sentinel2, sentinel3)")]
    [InlineData(0, 1, "split brain: node1 (cut off, refusing writes (NOREPLICAS) from A) and node2 (promoted by sentinel2, sentinel3)")]
    [InlineData(0, 0, "split brain: node1 (cut off, accepting writes from A) and node2 (promoted by sentinel2, sentinel3)")]
    public void Two_masters_are_said_in_words_with_who_believes_and_who_writes(int good, int minReplicas, string expected) =>
        Assert.Equal(new Fact(expected, Tone.Bad), NetworkText.SplitBrain(SplitBrain(good, minReplicas)));

    [Fact]
    public void One_master_is_no_split_brain() =>
        Assert.Null(NetworkText.SplitBrain(FakeLab.Healthy(FakeLab.Definition())));

    [Theory]
    [InlineData("node1", "side 1 · cut from node2, sentinel2, sentinel3, B")]
    [InlineData("sentinel2", "side 2 · cut from node1, sentinel1, A")]
    public void A_pane_in_the_cut_says_its_side_and_what_it_cannot_see(string process, string expected) =>
        Assert.Equal(new Fact(expected, Tone.Warn), NetworkText.Side(new NetworkState { Cut = Lesson1 }, process));

    [Fact]
    public void Without_a_cut_or_outside_it_a_pane_says_nothing()
    {
        Assert.Null(NetworkText.Side(new NetworkState(), "node1"));
        Assert.Null(NetworkText.Side(new NetworkState { Cut = new NetworkCut(["sentinel1"], ["node1"]) }, "node2"));
        Assert.Null(NetworkText.Cut(FakeLab.Healthy(FakeLab.Definition())));
    }

    [Fact]
    public void The_cut_is_listed_with_its_links() =>
        Assert.Equal("cut: node1, sentinel1, A / node2, sentinel2, sentinel3, B · 6 links stalled both ways (heal: `redis-ha-tui heal` or ! then heal)",
            NetworkText.Cut(SplitBrain(1))!.Text);

    [Fact]
    public void Each_clients_ledger_stands_side_by_side_with_its_lost_writes()
    {
        DateTimeOffset t = DateTimeOffset.UnixEpoch;
        LabSnapshot s = FakeLab.Healthy(FakeLab.Definition()) with
        {
            Loads =
            [
                new LoadLedger { Number = 1, StartedAt = t, Acked = 5 },
                new LoadLedger { Number = 2, StartedAt = t, Client = "B", Acked = 1410, Failed = 300, Lost = 0, Errors = [new WriteErrorCount(WriteErrorKind.NoReplicas, 300)] },
                new LoadLedger { Number = 3, StartedAt = t, Client = "A", Acked = 1395, Failed = 1105, Lost = 1043, Errors = [new WriteErrorCount(WriteErrorKind.NoReplicas, 1105)] },
            ],
        };

        Assert.Equal(new Fact("A: acked 1395 · refused 1105 (NOREPLICAS 1105) · acked then LOST 1043 │ B: acked 1410 · refused 300 (NOREPLICAS 300) · lost 0", Tone.Bad),
            NetworkText.ClientLedgers(s));
        Assert.Null(NetworkText.ClientLedgers(FakeLab.Healthy(FakeLab.Definition())));
    }

    [Fact]
    public void A_pinned_clients_ledger_stands_beside_the_sentinel_aware_one_that_ran_with_it()
    {
        DateTimeOffset t = DateTimeOffset.UnixEpoch;
        LabSnapshot s = FakeLab.Healthy(FakeLab.Definition()) with
        {
            Loads =
            [
                new LoadLedger { Number = 1, StartedAt = t, EndedAt = t.AddSeconds(20), Acked = 1800, Failed = 1100, Lost = 0, Errors = [new WriteErrorCount(WriteErrorKind.NoReplicas, 1100)] },
                new LoadLedger { Number = 2, StartedAt = t, EndedAt = t.AddSeconds(20), Client = "pinned", PinnedTo = "node1", Acked = 80, Failed = 1900, Lost = 0,
                    Errors = [new WriteErrorCount(WriteErrorKind.NoReplicas, 1000), new WriteErrorCount(WriteErrorKind.ReadOnly, 900)] },
            ],
        };

        Assert.Equal(new Fact("sentinel-aware: acked 1800 · refused 1100 (NOREPLICAS 1100) · lost 0 │ pinned: acked 80 · refused 1900 (NOREPLICAS 1000 · READONLY 900) · lost 0", Tone.Warn),
            NetworkText.ClientLedgers(s));
    }
}
