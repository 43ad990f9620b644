using RedisHaTui.Cli;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Recording;
using RedisHaTui.Core.State;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Cli;

/// <summary>`replay FILE` as a person runs it: no Redis and no lab needed, the handout of a recording, clear refusals.</summary>
public sealed class ReplayCliTests : IDisposable
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private readonly TempLab _files = TempLab.Create();

    public void Dispose() => _files.Dispose();

    private string Path(string name) => System.IO.Path.Combine(_files.Directory, name);

    /// <summary>A recording written by the recorder's own writer: a kill at 5 s, the failover's end at 12 s.</summary>
    private string Recording(string name = "session.rec.ndjson", bool end = true)
    {
        LabDefinition lab = _files.Load();
        string path = Path(name);
        using (var writer = new RecordingWriter(File.Create(path), new RecordingHeader
               { FormatVersion = RecordingFormat.Version, AppVersion = "test", StartedAt = T0, Lab = lab, Mode = "owned" }))
        {
            LabSnapshot s = LabSnapshot.Initial(lab) with { At = T0 };
            writer.Snapshot(s);
            s = Timeline.AddAction(s, LabActionKind.Kill, "node1 killed (kill -9)", T0.AddSeconds(5), 100) with { Version = 2, At = T0.AddSeconds(5) };
            writer.Snapshot(s);
            writer.Log("node1", T0.AddSeconds(6), "1:M 07 Dec 2026 10:00:06.000 # a line of node1");
            s = Timeline.Add(s, TimelineKind.Start, "the failover is over", T0.AddSeconds(12), 100) with { Version = 3, At = T0.AddSeconds(12) };
            writer.Snapshot(s);
            if (end) writer.End(T0.AddSeconds(12));
        }
        return path;
    }

    [Fact]
    public async Task Export_writes_the_handout_of_the_last_moment_or_of_the_moment_named_with_at()
    {
        string recording = Recording();

        (int code, string said) = await AppProcess.RunAsync(Quick, "replay", recording, "--export", Path("last.md"));
        (int atCode, string atSaid) = await AppProcess.RunAsync(Quick, "replay", recording, "--export", Path("early.json"), "--at", "6s");

        Assert.True(code == ExitCodes.Ok, said);
        Assert.Contains("handout written", said);
        string last = File.ReadAllText(Path("last.md"));
        Assert.Contains("node1 killed (kill -9)", last);
        Assert.Contains("the failover is over", last);
        Assert.True(atCode == ExitCodes.Ok, atSaid);
        string early = File.ReadAllText(Path("early.json"));
        Assert.Contains("node1 killed (kill -9)", early);
        Assert.DoesNotContain("the failover is over", early);
    }

    [Fact]
    public async Task A_missing_file_a_newer_format_and_a_time_outside_the_recording_are_refused_clearly()
    {
        string recording = Recording();
        string newer = Path("newer.rec.ndjson");
        string[] lines = File.ReadAllLines(recording);
        lines[0] = lines[0].Replace($"\"formatVersion\":{RecordingFormat.Version}", "\"formatVersion\":99");
        File.WriteAllLines(newer, lines);

        (int missing, string missingSaid) = await AppProcess.RunAsync(Quick, "replay", Path("nothing.rec.ndjson"));
        (int newerCode, string newerSaid) = await AppProcess.RunAsync(Quick, "replay", newer, "--export", Path("x.md"));
        (int outside, string outsideSaid) = await AppProcess.RunAsync(Quick, "replay", recording, "--export", Path("x.md"), "--at", "1h");
        (int format, string formatSaid) = await AppProcess.RunAsync(Quick, "replay", recording, "--export", Path("x.pdf"));

        Assert.Equal(ExitCodes.BadInput, missing);
        Assert.Contains("nothing.rec.ndjson: no such recording", missingSaid);
        Assert.Equal(ExitCodes.BadInput, newerCode);
        Assert.Contains("format version 99", newerSaid);
        Assert.Equal(ExitCodes.BadInput, outside);
        Assert.Contains("--at 1h: 1h is outside the recording", outsideSaid);
        Assert.Equal(ExitCodes.BadInput, format);
        Assert.False(File.Exists(Path("x.md")));
        foreach (string said in new[] { missingSaid, newerSaid, outsideSaid, formatSaid }) Assert.DoesNotContain("   at ", said);
    }

    [Fact]
    public async Task A_recording_cut_short_still_exports_what_could_be_read_and_says_so()
    {
        string recording = Recording(end: false);
        File.AppendAllText(recording, "{\"t\":13000,\"k\":\"s"); // the writer was killed mid-line

        (int code, string said) = await AppProcess.RunAsync(Quick, "replay", recording, "--export", Path("cut.md"));

        Assert.True(code == ExitCodes.Ok, said);
        Assert.Contains("is damaged:", said);
        Assert.Contains("replaying what could be read", said);
        Assert.Contains("the failover is over", File.ReadAllText(Path("cut.md")));
    }

    [Fact]
    public async Task Help_names_the_keys_the_export_and_the_exit_codes()
    {
        (int code, string help) = await AppProcess.RunAsync(Quick, "replay", "--help");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("no Redis, no lab needed", help);
        Assert.Contains("--export", help);
        Assert.Contains("--at", help);
        Assert.Contains("Exit codes", help);
    }
}
