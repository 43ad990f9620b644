namespace RedisHaTui.Cli;

// The document `drift --json` prints (README: "Config drift").

/// <summary>Every process asked about: <c>{"runDirectory":…,"processes":[…]}</c>.</summary>
public sealed record DriftDocument(string RunDirectory, bool Ran, IReadOnlyList<DriftProcessJson> Processes);

/// <summary>One process: state is compared, never-ran, no-working-copy or unreadable.</summary>
public sealed record DriftProcessJson(
    string Name,
    string State,
    string Template,
    string Working,
    DateTimeOffset? WrittenAt,
    bool Rewritten,
    int DriftCount,
    string? Problem,
    IReadOnlyList<DriftLineJson> Lines);

/// <summary>One differing line: change is added, removed (both drift), written-by-app or replaced-by-app (not drift).</summary>
public sealed record DriftLineJson(string Change, bool Drift, string Directive, string Line, string Why);
