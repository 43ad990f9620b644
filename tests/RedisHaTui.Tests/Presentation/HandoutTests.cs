using System.Text.Json;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation.Handout;

namespace RedisHaTui.Tests.Presentation;

/// <summary>The handout's three formats, rendered from a snapshot holding a failover and a write-load ledger.</summary>
public class HandoutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 3, 0, 0, TimeSpan.Zero);

    /// <summary>A SENTINEL FAILOVER at T0+5 s during a 100 writes/s load, as the measured lab lives it.</summary>
    private static LabSnapshot Session()
    {
        var failover = new FailoverRecord
        {
            Number = 1, StartedAt = T0.AddSeconds(5), Cause = "failover (SENTINEL FAILOVER)", OldMaster = "node1", NewMaster = "node2", Complete = true,
            Phases =
            [
                new FailoverPhase(FailoverPhaseKind.NewMasterRole, TimeSpan.FromMilliseconds(180)),
                new FailoverPhase(FailoverPhaseKind.SwitchMaster, TimeSpan.FromMilliseconds(1130)),
                new FailoverPhase(FailoverPhaseKind.AllAgree, TimeSpan.FromMilliseconds(1200)),
            ],
        };
        var load = new LoadLedger
        {
            Number = 1, StartedAt = T0, EndedAt = T0.AddSeconds(8), Rate = 100, Acked = 500, Failed = 300,
            Errors = [new WriteErrorCount(WriteErrorKind.NoReplicas, 297), new WriteErrorCount(WriteErrorKind.Connection, 3)],
            Outage = TimeSpan.FromMilliseconds(3100), OutageStart = T0.AddMilliseconds(5100), OutageEnd = T0.AddMilliseconds(8200),
            PerSecond = [.. Enumerable.Range(0, 8).Select(i => new WriteSecond(T0.AddSeconds(i), i < 5 ? 100 : 0, i < 5 ? 0 : 100))],
            Present = 500, Lost = 0, Indeterminate = 0, VerifiedOn = "node2",
        };
        return new LabSnapshot
        {
            MasterName = "myMaster",
            Timeline =
            [
                new TimelineEntry { Id = 1, At = T0.AddSeconds(5), Kind = TimelineKind.Action, Name = "failover", Action = LabActionKind.Failover, Text = "SENTINEL FAILOVER myMaster" },
                new TimelineEntry { Id = 2, At = T0.AddMilliseconds(6130), Kind = TimelineKind.SentinelEvent, Name = "+switch-master", Event = SentinelEventKind.SwitchMaster, Text = "myMaster: node1 → node2 | \"quoted\", with comma",
                    SeenBy = ["sentinel1", "sentinel2"], SinceFailover = TimeSpan.FromMilliseconds(1130) },
            ],
            Failovers = [failover],
            Loads = [load],
        };
    }

    [Fact]
    public void The_markdown_handout_has_the_stopwatch_the_ledger_the_chart_and_the_timeline()
    {
        string md = HandoutMarkdown.Render(Session(), TimeZoneInfo.Utc, T0.AddSeconds(10));

        Assert.StartsWith("# Redis HA lab: session handout (myMaster)", md);
        Assert.Contains("1 failover, 1 write-load run, 2 timeline entries", md);
        Assert.Contains("### Failover 1: node1 → node2", md);
        Assert.Contains("| +switch-master | 1.13 s |", md);
        Assert.Contains("| all sentinels agree | 1.20 s |", md);
        Assert.Contains("### Write load 1: 100 writes/s, 03:00:00.000 to 03:00:08.000", md);
        Assert.Contains("| writes acknowledged | 500 |", md);
        // The same names as the screen and `load` (WriteErrorText), each with what it means.
        Assert.Contains("| … failed with NOREPLICAS (the master has fewer good replicas than min-replicas-to-write) | 297 |", md);
        Assert.Contains("| … failed with connection (refused or reset: nothing listening, or the connection was closed) | 3 |", md);
        Assert.Contains("| longest outage | no write acknowledged for 3.1 s (03:00:05.100 to 03:00:08.200) |", md);
        Assert.Contains("| acknowledged writes lost | 0 |", md);
        // The chart: full bars of # before the failover, of x after; the second of the failover carries its phases.
        Assert.Contains("03:00:00 |" + new string('#', HandoutMarkdown.ChartWidth) + "|   100 ok     0 failed\n", md);
        Assert.Contains("03:00:07 |" + new string('x', HandoutMarkdown.ChartWidth) + "|     0 ok   100 failed\n", md);
        Assert.Contains("03:00:05 |" + new string('x', HandoutMarkdown.ChartWidth) + "|     0 ok   100 failed  ◀ role:master\n", md);
        Assert.Contains("03:00:06 |" + new string('x', HandoutMarkdown.ChartWidth) + "|     0 ok   100 failed  ◀ +switch-master, all agree\n", md);
        // A pipe in a timeline text would split the cell: escaped.
        Assert.Contains("| 03:00:06.130 | +1.13 s | sentinel | +switch-master | myMaster: node1 → node2 \\| \"quoted\", with comma | sentinel1, sentinel2 |", md);
    }

    [Fact]
    public void An_empty_session_says_so_in_each_section()
    {
        string md = HandoutMarkdown.Render(new LabSnapshot { MasterName = "myMaster" }, TimeZoneInfo.Utc, T0);

        Assert.Contains("No failover this session.", md);
        Assert.Contains("No write load ran this session", md);
        Assert.Contains("Nothing happened yet.", md);
    }

    [Fact]
    public void The_csv_has_a_row_per_timeline_entry_then_the_phases_and_the_loads_with_quoting()
    {
        string[] rows = HandoutCsv.Render(Session()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', HandoutCsv.Columns), rows[0]);
        Assert.Equal(1 + 2 + 3 + 1, rows.Length);
        Assert.Equal("event,2026-11-28T03:00:05.000Z,app,failover,SENTINEL FAILOVER myMaster,,,1,,,,,,", rows[1]);
        Assert.Equal("event,2026-11-28T03:00:06.130Z,sentinel,+switch-master,\"myMaster: node1 → node2 | \"\"quoted\"\", with comma\",sentinel1 sentinel2,1.13,1,,,,,,", rows[2]);
        Assert.Equal("failover-phase,2026-11-28T03:00:06.130Z,app,+switch-master,failover (SENTINEL FAILOVER): node1 → node2,,1.13,1,1.13,,,,,", rows[4]);
        Assert.Equal("load,2026-11-28T03:00:00.000Z,app,load #1,100 writes/s; NOREPLICAS 297; connection 3; no write acknowledged for 3.1 s,,,,8,500,300,0,3.1,false", rows[6]);
        Assert.All(rows, r => Assert.Equal(HandoutCsv.Columns.Length, Cells(r)));
    }

    [Fact]
    public void The_json_document_holds_timeline_failovers_and_ledgers()
    {
        using JsonDocument doc = JsonDocument.Parse(HandoutJson.Render(Session(), T0.AddSeconds(10)));
        JsonElement root = doc.RootElement;

        Assert.Equal("myMaster", root.GetProperty("masterName").GetString());
        Assert.Equal(2, root.GetProperty("timeline").GetArrayLength());
        Assert.Equal("+switch-master", root.GetProperty("timeline")[1].GetProperty("kind").GetString());
        JsonElement f = root.GetProperty("failovers")[0];
        Assert.Equal("node2", f.GetProperty("newMaster").GetString());
        Assert.Equal(1.13, f.GetProperty("phases")[1].GetProperty("seconds").GetDouble());
        JsonElement l = root.GetProperty("loads")[0];
        Assert.Equal(500, l.GetProperty("acked").GetInt64());
        Assert.Equal(297, l.GetProperty("errors").GetProperty("noReplicas").GetInt64());
        Assert.Equal(3100, l.GetProperty("outageMs").GetDouble());
        Assert.False(l.GetProperty("outageOpen").GetBoolean());
        Assert.Equal(0, l.GetProperty("lost").GetInt64());
        Assert.Equal(8, l.GetProperty("perSecond").GetArrayLength());
    }

    [Fact]
    public void The_json_document_names_its_fields_in_the_order_scripts_read_them()
    {
        using JsonDocument doc = JsonDocument.Parse(HandoutJson.Render(Session() with { Loads = [Session().Loads[0] with { Client = "A" }] }, T0.AddSeconds(10)));
        JsonElement root = doc.RootElement;

        Assert.Equal(["writtenAt", "masterName", "timeline", "failovers", "loads"], Names(root));
        Assert.Equal(["id", "at", "source", "kind", "text", "seenBy", "sinceFailoverSeconds", "loggedAt"], Names(root.GetProperty("timeline")[0]));
        Assert.Equal(["number", "startedAt", "cause", "oldMaster", "newMaster", "complete", "phases"], Names(root.GetProperty("failovers")[0]));
        Assert.Equal(["phase", "seconds"], Names(root.GetProperty("failovers")[0].GetProperty("phases")[0]));
        Assert.Equal(["number", "startedAt", "endedAt", "running", "rate", "acked", "failed", "errors", "outageMs", "outageStart", "outageEnd",
            "outageOpen", "outageError", "outage", "present", "lost", "lostSequences", "indeterminate", "verifiedOn", "perSecond", "client", "pinnedTo"],
            Names(root.GetProperty("loads")[0]));
        Assert.Equal(["at", "acked", "failed"], Names(root.GetProperty("loads")[0].GetProperty("perSecond")[0]));
    }

    private static string[] Names(JsonElement o) => [.. o.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void An_outage_still_open_is_said_with_the_same_figure_in_all_three_formats()
    {
        LabSnapshot s = Session();
        // Refused from 5.1 s until the run stopped at 17.5 s: no write was acknowledged again.
        s = s with { Loads = [s.Loads[0] with { EndedAt = T0.AddSeconds(17.5), Outage = TimeSpan.FromSeconds(12.4), OutageStart = T0.AddMilliseconds(5100),
            OutageEnd = null, OutageOpen = true, OutageError = WriteErrorKind.NoReplicas }] };
        const string Said = "no write acknowledged for 12.4 s, refused (NOREPLICAS) until the load stopped";

        string md = HandoutMarkdown.Render(s, TimeZoneInfo.Utc, T0.AddSeconds(20));
        string csv = HandoutCsv.Render(s).Split("\r\n")[6];
        using JsonDocument doc = JsonDocument.Parse(HandoutJson.Render(s, T0.AddSeconds(20)));
        JsonElement l = doc.RootElement.GetProperty("loads")[0];

        Assert.Contains($"| longest outage | {Said} (03:00:05.100 to the end) |", md);
        Assert.EndsWith($"; {Said}\",,,,17.5,500,300,0,12.4,true", csv);
        Assert.Equal((12400, true, JsonValueKind.Null, "noReplicas", Said),
            (l.GetProperty("outageMs").GetDouble(), l.GetProperty("outageOpen").GetBoolean(), l.GetProperty("outageEnd").ValueKind,
             l.GetProperty("outageError").GetString(), l.GetProperty("outage").GetString()));
    }

    [Theory]
    [InlineData("out.md", HandoutFormat.Markdown)]
    [InlineData("OUT.MD", HandoutFormat.Markdown)]
    [InlineData("dir/x.csv", HandoutFormat.Csv)]
    [InlineData("x.json", HandoutFormat.Json)]
    public void The_extension_chooses_the_format(string path, HandoutFormat format) => Assert.Equal(format, HandoutFormats.Of(path).Format);

    [Theory]
    [InlineData("x.txt", "unknown extension '.txt'")]
    [InlineData("handout", "no extension")]
    public void Another_extension_is_refused_naming_the_three(string path, string why)
    {
        (HandoutFormat? format, string? error) = HandoutFormats.Of(path);

        Assert.Null(format);
        Assert.Contains(why, error);
        Assert.Contains(".md", error);
        Assert.Contains(".csv", error);
        Assert.Contains(".json", error);
    }

    [Fact]
    public void Writing_replaces_the_file_whole_and_leaves_no_temporary_file()
    {
        string folder = Directory.CreateTempSubdirectory("handout-").FullName;
        try
        {
            string path = Path.Combine(folder, "h.md");
            File.WriteAllText(path, "old content that is longer than nothing");

            HandoutFile.Write(path, HandoutFormat.Markdown, Session(), TimeZoneInfo.Utc, T0);

            Assert.StartsWith("# Redis HA lab", File.ReadAllText(path));
            Assert.Equal(["h.md"], Directory.GetFiles(folder).Select(Path.GetFileName));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    /// <summary>Cells of an RFC 4180 row (commas inside quotes do not count).</summary>
    private static int Cells(string row)
    {
        int cells = 1;
        bool quoted = false;
        foreach (char c in row)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) cells++;
        }
        return cells;
    }
}
