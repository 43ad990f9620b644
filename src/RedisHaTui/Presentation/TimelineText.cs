using System.Globalization;
using System.Text.RegularExpressions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.Processes;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>The timeline pane's words: one line per event, the failover stopwatch, and the consensus verdict.</summary>
internal static partial class TimelineText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"12:00:05.010 +sdown master myMaster 127.0.0.1 7001  [sentinel1,2]  +5.01 s".</summary>
    public static string Entry(TimelineEntry e, TimeZoneInfo zone)
    {
        string time = TimeZoneInfo.ConvertTime(e.At, zone).ToString("HH:mm:ss.fff", Invariant);
        // A sentinel's event name is Redis's word and leads its line (unless the text says it already); the app's and
        // the processes' entries are sentences of their own, and their name is a word for scripts (events --json), not for people.
        string what = e.Source != TimelineSource.Sentinel || e.Text.StartsWith(e.Name, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(e.Name)
            ? e.Text
            : $"{e.Name} {e.Text}".TrimEnd();
        string source = e.Source == TimelineSource.App ? "app: " : "";
        string seenBy = e.SeenBy.IsEmpty ? "" : $"  [{Names(e.SeenBy)}]";
        string since = e.SinceFailover is { } d ? $"  +{Seconds(d)}" : "";
        string late = Timeline.LateText(e) is { } l ? $"  ({l})" : "";
        return $"{time} {source}{what}{seenBy}{since}{late}";
    }

    public static Tone ToneOf(TimelineEntry e) => e.Source switch
    {
        TimelineSource.App => Tone.Accent,
        TimelineSource.Process => Tone.Dim,
        _ => e.Event switch
        {
            SentinelEventKind.SDown or SentinelEventKind.ODown or SentinelEventKind.Tilt or SentinelEventKind.FailoverAbortNoGoodSlave => Tone.Bad,
            SentinelEventKind.SDownCleared or SentinelEventKind.ODownCleared or SentinelEventKind.SwitchMaster or SentinelEventKind.TiltCleared
                or SentinelEventKind.FailoverEnd => Tone.Good,
            // The steps of a failover under way: the election, the promotion, the replicas' reconfiguration, the aborts.
            SentinelEventKind.TryFailover or SentinelEventKind.VoteForLeader or SentinelEventKind.ElectedLeader or SentinelEventKind.FailoverStateSelectSlave
                or SentinelEventKind.FailoverStateSendSlaveofNoone or SentinelEventKind.FailoverStateWaitPromotion
                or SentinelEventKind.PromotedSlave or SentinelEventKind.FailoverStateReconfSlaves or SentinelEventKind.FailoverEndForTimeout
                or SentinelEventKind.FailoverAbortNotElected or SentinelEventKind.FailoverAbortSlaveTimeout => Tone.Warn,
            _ => Tone.Normal,
        },
    };

    /// <summary>
    /// "failover #1 (kill -9 node1) node1→node2: +sdown 5.01 · +odown 5.10 · … · all agree 6.40 s": seconds since the
    /// cause, the unit said once. Narrower forms drop the cause, then the earliest phases: the newest phase is the
    /// figure the room is looking at, so it is the last to go.
    /// </summary>
    public static HeadlineText Stopwatch(FailoverRecord f)
    {
        string who = (f.OldMaster, f.NewMaster) switch
        {
            (not null, not null) => $" {f.OldMaster}→{f.NewMaster}",
            (not null, null) => $" {f.OldMaster}→?",
            _ => "",
        };
        string[] phases = [.. f.Phases.Select(p => $"{PhaseText.Short(p)} {p.After.TotalSeconds.ToString("0.00", Invariant)}")];
        if (phases.Length > 0) phases[^1] += " s";
        string[] underWay = f.Complete ? [] : ["…"];
        var forms = new List<HeadlineForm>
        {
            new($"failover #{f.Number} ({f.Cause}){who}", [.. phases, .. underWay]),
            new($"failover #{f.Number}{who}", [.. phases, .. underWay]),
        };
        string[] tiny = [.. f.Phases.Select(p => $"{Tiny(p)} {p.After.TotalSeconds.ToString("0.00", Invariant)}")];
        if (tiny.Length > 0) tiny[^1] += " s";
        for (int keep = phases.Length - 1; keep >= 1; keep--)
            forms.Add(new($"#{f.Number}{who}", ["…", .. tiny[^keep..], .. underWay]));
        if (phases.Length > 0) forms.Add(new($"#{f.Number}", [tiny[^1], .. underWay]));
        return new HeadlineText([.. forms], f.Complete ? Tone.Strong : Tone.Warn);
    }

    /// <summary>The phase names of the compact stopwatch (`?` lists them), where a narrow pane cannot afford Redis's own.</summary>
    public static readonly IReadOnlyList<(FailoverPhaseKind Kind, string Short)> TinyPhaseNames =
    [
        (FailoverPhaseKind.SwitchMaster, "switch"), (FailoverPhaseKind.Converted, "converted"),
        (FailoverPhaseKind.Aborted, "aborted"), (FailoverPhaseKind.NoFailover, "no failover"),
    ];

    private static string Tiny(FailoverPhase p) =>
        TinyPhaseNames.FirstOrDefault(t => t.Kind == p.Kind).Short ?? PhaseText.Short(p);

    /// <summary>The stopwatch on one line, whole: what the CLI-like places and the tests read.</summary>
    public static string Failover(FailoverRecord f) => Stopwatch(f).Full;

    /// <summary>
    /// The verdict first (it is what a presenter points at), then who is master by whom, then the problems (plain
    /// words, cut last). Before anything runs there is no verdict to give: it says so.
    /// </summary>
    public static HeadlineText Verdict(LabSnapshot s)
    {
        // The key is offered only where keys act: a replay or a follower has nothing to start.
        if (NothingRunningText.Of(s) is { } nothing)
            return new HeadlineText([new(null, [nothing], s.Availability.Refused is null ? "s starts the selected process" : null)], Tone.Strong);
        Consensus c = s.Consensus;
        if (!c.Read) return new HeadlineText([new("health: not read yet")], Tone.Dim);
        string verdict = c.Healthy ? "HEALTHY" : "NOT HEALTHY";
        if (c.Healthy) return Healthy(c.MasterByRoles ?? c.MasterBySentinels, s.Readiness);
        string? problems = c.Problems.IsEmpty ? null : string.Join("; ", c.Problems);
        HeadlineForm[] forms = (c.MasterBySentinels, c.MasterByRoles) switch
        {
            (null, null) => [new(null, [verdict, "no master"], problems), new(null, [verdict], problems)],
            (var a, var b) when a == b =>
            [
                new(null, [verdict, $"master {a} (sentinels and roles agree)"], problems), new(null, [verdict, $"master {a}"], problems),
                new(null, [verdict, a!], problems), new(null, [verdict], problems),
            ],
            (var a, var b) =>
            [
                new(null, [verdict, $"master by sentinels {a ?? "none"}", $"by roles {b ?? "none"}"], problems),
                new(null, [verdict, $"sentinels: {a ?? "none"}", $"roles: {b ?? "none"}"], problems),
                new(null, [verdict, $"{a ?? "none"}≠{b ?? "none"}"], problems),
                new(null, [verdict], problems),
            ],
        };
        return new HeadlineText([.. forms], c.Healthy ? Tone.Good : Tone.Bad);
    }

    /// <summary>
    /// A healthy lab, then whether a failover would be accepted now, after the master: "HEALTHY · master node1 (…)"
    /// stays the line's start, what presenters and scripts look for; the reason it is not ready is plain words, cut last.
    /// </summary>
    private static HeadlineText Healthy(string? master, FailoverReadiness readiness)
    {
        string[] ready = readiness.Ready ? ["ready to fail over"] : ["NOT READY TO FAIL OVER"];
        string? why = readiness.Ready ? null : readiness.Reason;
        HeadlineForm Form(params string[] parts) => new(null, [.. parts], why, TailSeparator: ": ");
        HeadlineForm[] forms =
        [
            Form(["HEALTHY", $"master {master} (sentinels and roles agree)", .. ready]),
            Form(["HEALTHY", $"master {master}", .. ready]),
            Form(["HEALTHY", master!, readiness.Ready ? "ready" : "NOT READY"]),
            Form("HEALTHY", master!),
            Form("HEALTHY"),
        ];
        return new HeadlineText([.. forms], readiness.Ready ? Tone.Good : Tone.Warn);
    }

    /// <summary>The health line's second half: whether clients can write, in the snapshot's plain words, or in two.</summary>
    public static HeadlineText Writes(WritesStatus w)
    {
        Tone tone = w == WritesStatus.Unknown ? Tone.Dim : w.Accepted ? Tone.Good : Tone.Bad;
        if (w.Accepted) return new HeadlineText([new(w.Text), new("writes ok")], tone);
        return w.Refusal is { } why
            ? new HeadlineText([new(w.Text), new($"writes refused: {why}"), new($"writes: {why}")], tone)
            : new HeadlineText([new(w.Text)], tone);
    }

    /// <summary>["sentinel1","sentinel2","sentinel3"] → "sentinel1,2,3": same information, a third of the width.</summary>
    public static string Names(IEnumerable<string> names)
    {
        string[] all = [.. names];
        if (all.Length < 2) return string.Join(",", all);
        Match first = NumberedName().Match(all[0]);
        if (!first.Success || !all.All(n => NumberedName().Match(n) is { Success: true } m && m.Groups[1].Value == first.Groups[1].Value))
            return string.Join(",", all);
        return all[0] + "," + string.Join(",", all.Skip(1).Select(n => NumberedName().Match(n).Groups[2].Value));
    }

    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.00", Invariant) + " s";

    [GeneratedRegex(@"^(\D+)(\d+)$")]
    private static partial Regex NumberedName();
}
