using System.Globalization;
using System.Text.RegularExpressions;
using RedisHaTui.Core.Events;
using RedisHaTui.Core.State;
using RedisHaTui.Presentation;

namespace RedisHaTui.Tui.Presentation;

/// <summary>The timeline pane's words: one line per event, the failover stopwatch, and the consensus verdict.</summary>
internal static partial class TimelineText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>"12:00:05.010 +sdown master myMaster 127.0.0.1 7001  [sentinel1,2]  +5.01 s".</summary>
    public static string Entry(TimelineEntry e, TimeZoneInfo zone)
    {
        string time = TimeZoneInfo.ConvertTime(e.At, zone).ToString("HH:mm:ss.fff", Invariant);
        // Sentinel texts often start with their event name already; saying it twice wastes a narrow pane.
        string what = e.Text.StartsWith(e.Kind, StringComparison.OrdinalIgnoreCase) || string.IsNullOrEmpty(e.Kind)
            ? e.Text
            : $"{e.Kind} {e.Text}".TrimEnd();
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
    /// "failover #1 (kill -9 node1) node1→node2: +sdown 5.01 · +odown 5.10 · … · all sentinels agree 6.40 s": seconds
    /// since the cause, the unit said once, so the phases that matter most (the last ones) still fit a narrow pane.
    /// </summary>
    public static string Failover(FailoverRecord f)
    {
        string who = (f.OldMaster, f.NewMaster) switch
        {
            (not null, not null) => $" {f.OldMaster}→{f.NewMaster}",
            (not null, null) => $" {f.OldMaster}→?",
            _ => "",
        };
        IEnumerable<string> phases = f.Phases.Select(p => $"{PhaseText.Short(p)} {p.After.TotalSeconds.ToString("0.00", Invariant)}");
        string tail = f.Complete ? (f.Phases.IsEmpty ? "" : " s") : f.Phases.IsEmpty ? " …" : " s · …";
        return $"failover #{f.Number} ({f.Cause}){who}: {string.Join(" · ", phases)}{tail}";
    }

    /// <summary>The verdict first (it is what a presenter points at), then who is master by whom, then the problems.</summary>
    /// <param name="readiness">Whether a failover would be accepted now: a healthy lab says "ready to fail over" only when Sentinel would.</param>
    public static Fact Consensus(Consensus c, FailoverReadiness? readiness = null)
    {
        if (!c.Read)
            return new Fact("consensus: not read yet", Tone.Dim);
        string masters = c.MasterBySentinels == c.MasterByRoles
            ? $"master {c.MasterByRoles ?? "?"} (sentinels and roles agree)"
            : $"master by sentinels {c.MasterBySentinels ?? "?"} · by roles {c.MasterByRoles ?? "?"}";
        // Readiness after the masters: "HEALTHY · master …" stays the line's start, what a presenter (and a script) looks for.
        if (c.Healthy && readiness is { Ready: false } notReady)
            return new Fact($"HEALTHY · {masters} · NOT READY TO FAIL OVER: {notReady.Reason}", Tone.Warn);
        if (c.Healthy) return new Fact($"HEALTHY · {masters}{(readiness is null ? "" : " · ready to fail over")}", Tone.Good);
        string problems = c.Problems.IsEmpty ? "" : $" · {string.Join("; ", c.Problems)}";
        return new Fact($"NOT HEALTHY · {masters}{problems}", Tone.Bad);
    }

    /// <summary>The health line's second half: whether clients can write, in the snapshot's plain words.</summary>
    public static Fact Writes(WritesStatus w) =>
        new(w.Text, w == WritesStatus.Unknown ? Tone.Dim : w.Accepted ? Tone.Good : Tone.Bad);

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
