using System.Globalization;
using RedisHaTui.Core.Load;
using RedisHaTui.Core.State;

namespace RedisHaTui.Presentation;

/// <summary>
/// The write load's ledger as a headline, pure: acknowledged, failed, the outage and the lost writes, from the full
/// words ("write load #1 100/s running: acknowledged 2576 · failed 1109 · no write acknowledged for 11.1 s · lost 0") down to the
/// compact form a narrow chart keeps whole ("ack 2576 · fail 1109 · out 11.1 s · lost 0"; `?` explains the
/// abbreviations). Each figure is said by one function below, so a new wording (an outage still open) changes one place.
/// </summary>
internal static class LedgerHeadline
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The abbreviations of the compact form, for the `?` help.</summary>
    public static readonly IReadOnlyList<(string Short, string Meaning)> Abbreviations =
    [
        ("ack", "writes acknowledged by the master"),
        ("fail", "writes that failed (NOREPLICAS, READONLY, connection, timeout, other)"),
        ("out", "the outage: the longest time without an acknowledged write"),
        ("open", "the outage is still going on: no write acknowledged since it began"),
        ("lost", "acknowledged writes the final master lacks (counted when the load stops)"),
        ("ind", "indeterminate: failed on the client, stored anyway"),
    ];

    /// <param name="beside">The other run drawn beside this one, if any: a plain load then says it is the sentinel-aware client.</param>
    public static HeadlineText For(LoadLedger l, LoadLedger? beside = null)
    {
        string state = l.Running ? "running" : "ended";
        HeadlineForm Form(string? lead, int wording, string separator = " · ") =>
            new(lead, [.. Figures(l, wording)], l.Problem, separator);
        // A named client says whose ledger it is in every form: it is drawn beside another client's.
        string? label = l.Client ?? (beside is not null ? SentinelAware : null);
        string who = l.Who is { } w ? $" ({w})" : label is not null ? $" ({label})" : "";
        return new HeadlineText(
        [
            Form($"write load #{l.Number}{who} {l.Rate}/s {state}", Full),
            Form($"load #{l.Number}{(label is { } name ? $" {name}" : "")} {state}", Medium),
            Form(label, Compact),
            Form(label, Compact, " "),
        ], ToneOf(l));
    }

    private const int Full = 0, Medium = 1, Compact = 2;

    /// <summary>What the plain load is called beside a pinned client's: it finds the master through the sentinels.</summary>
    public const string SentinelAware = "sentinel-aware";

    private static IEnumerable<string> Figures(LoadLedger l, int wording)
    {
        yield return Say(wording, "acknowledged", "acked", "ack") + " " + Number(l.Acked);
        yield return Say(wording, "failed", "failed", "fail") + " " + Number(l.Failed);
        if (Outage(l, wording) is { } outage) yield return outage;
        // Lost is known only once the final master was read back, when the load has stopped.
        if (l.Lost is { } lost) yield return $"lost {Number(lost)}";
        if (l.Indeterminate is > 0 and var ind) yield return Say(wording, "indeterminate", "indeterminate", "ind") + " " + Number(ind);
    }

    /// <summary>
    /// The longest time without an acknowledged write, the one still going on included, or null before there is one
    /// to measure: in full the words of the handout and `load` (OutageText: "no write acknowledged for 12.4 s, still
    /// refused (NOREPLICAS)"), shorter "outage 12.4 s, open", shortest "out 12.4 s, open".
    /// </summary>
    private static string? Outage(LoadLedger l, int wording) => wording switch
    {
        Full => OutageText.Sentence(l),
        Medium => OutageText.Compact(l),
        _ => l.Outage is { } o ? $"out {LoadExplanations.Gap(o)}{(l.OutageOpen ? ", open" : "")}" : null,
    };

    private static Tone ToneOf(LoadLedger l) =>
        l.Problem is not null || l.Lost is > 0 ? Tone.Bad : l.Running && l.PerSecond.LastOrDefault() is { Failed: > 0 } ? Tone.Warn : Tone.Strong;

    private static string Say(int wording, string full, string medium, string compact) => wording switch
    {
        Full => full,
        Medium => medium,
        _ => compact,
    };

    private static string Number(long n) => n.ToString(Invariant);
}
