using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace RedisHaTui.Cli;

/// <summary>
/// Every option of the app, with the words --help shows for it. Which command takes which is decided in
/// <see cref="AppCommandLine"/>; an option a command does not take is refused there by System.CommandLine.
/// </summary>
public sealed class AppOptions
{
    // On every command (Recursive: declared on the root, accepted after any verb).

    public Option<string> Lab { get; } = new("--lab")
    {
        HelpName = "PATH",
        Description = "The lab file (default: lab.json in the current folder)",
        Recursive = true,
    };

    /// <summary>Kept as text: the lab loader reads it as Lab:PortOffset and names that key when it is wrong.</summary>
    public Option<string> PortOffset { get; } = new("--port-offset")
    {
        HelpName = "N",
        Description = "Shift every port by N, to run several labs side by side",
        Recursive = true,
    };

    /// <summary>The short form of --Lab:Network:Partitions true, on every command like the setting itself.</summary>
    public Option<bool> Partitions { get; } = new("--partitions")
    {
        Description = "Run the lab with partitions on: its processes reach each other through the app's relay (same as --Lab:Network:Partitions true)",
        Recursive = true,
    };

    /// <summary>
    /// A help row only: real --Section:Key tokens are lifted out before parsing (<see cref="ConfigOverrides"/>),
    /// this literal name included, so it never matches anything.
    /// </summary>
    public Option<string> Settings { get; } = new("--Section:Key")
    {
        HelpName = "VALUE",
        Description = "Any lab.json setting, e.g. --Monitor:PollIntervalMilliseconds 500 (environment: REDISHATUI_Section__Key=VALUE; the command line wins)",
        Recursive = true,
    };

    // The screen's (no command).

    public Option<bool> NoStart { get; } = new("--no-start")
    {
        Description = "Attach to a lab already running (started by `up` or by hand); quitting leaves it running",
    };

    /// <summary>Kept as text: the lab loader checks it as Ui:Theme, whichever of file, environment or here it comes from.</summary>
    public Option<string> Theme { get; } = Completing(new("--theme")
    {
        HelpName = "NAME",
        Description = "default, presenter (high contrast for projectors) or mono",
    }, "default", "presenter", "mono");

    /// <summary>Given without a file: the lab's own walkthrough (lab/walkthrough.md beside the lab file).</summary>
    public Option<string?> Walkthrough { get; } = new("--walkthrough")
    {
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrOne,
        Description = "A guided workshop: the lab starts with nothing running and a side panel walks through the steps " +
                      "(default lab/walkthrough.md; g shows/hides it, [ ] move between steps)",
    };

    /// <summary>The session's flight recorder (Ui:Record): one pair for the screen, one for `up` (a symbol belongs to one command).</summary>
    public sealed class Recording
    {
        public Option<string> File { get; } = new("--record")
        {
            HelpName = "FILE",
            Description = "Record the session into FILE (default: session.rec.ndjson in the lab's run directory, or for an attached " +
                          "session or a deployment in ~/.local/state/redis-ha-tui/sessions/; at most 64 MB, the oldest part dropped)",
        };

        public Option<bool> Off { get; } = new("--no-record") { Description = "Record nothing (same as --Ui:Record off)" };

        public Option[] All => [File, Off];
    }

    public Recording ScreenRecording { get; } = new();
    public Recording UpRecording { get; } = new();

    /// <summary>For the benchmarks: the screen quits by itself after that long. Hidden from --help.</summary>
    public Option<double?> ExitAfter { get; } = new("--exit-after")
    {
        HelpName = "SECONDS",
        Hidden = true,
        CustomParser = r => Seconds(r),
    };

    // The verbs' own. One instance per verb: a symbol belongs to the command that lists it.

    public Option<bool> StatusJson { get; } = Json("One JSON document (shape in README.md) instead of tables");

    public Option<bool> EventsJson { get; } = Json("One JSON object per line instead of text");

    public Option<string> Export { get; } = new("--export")
    {
        HelpName = "FILE",
        Description = "Also write the session's handout to FILE: .md (a handout to keep), .csv or .json (for analysis)",
    };

    public Option<string> ReplayExport { get; } = new("--export")
    {
        HelpName = "OUT",
        Description = "Write the handout of the recording (as `events --export` does) to OUT.md, OUT.csv or OUT.json instead of opening the screen",
    };

    public Option<string> ReplayCast { get; } = new("--cast")
    {
        HelpName = "OUT.cast",
        Description = "Write the whole session as an asciicast v2 file (asciinema's player plays it in a browser) instead of showing it",
    };

    public Option<Presentation.Cast.CastSize?> ReplaySize { get; } = new("--size")
    {
        HelpName = "COLSxROWS",
        Description = "The terminal size --cast draws at (default 120x40)",
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            Presentation.Cast.CastSize? size = Presentation.Cast.CastSize.Parse(text, out string? error);
            if (error is not null) r.AddError(error);
            return size;
        },
    };

    public Option<double?> FollowExitAfter { get; } = new("--exit-after")
    {
        HelpName = "SECONDS",
        Hidden = true,
        CustomParser = r => Seconds(r),
    };

    public Option<string> ReplayAt { get; } = new("--at")
    {
        HelpName = "TIME",
        Description = "The moment: a clock time (12:03:04), an offset from the start (5m30s), start or end (default: the start on the screen, the end for --export)",
    };

    public Option<double?> ReplayExitAfter { get; } = new("--exit-after")
    {
        HelpName = "SECONDS",
        Hidden = true,
        CustomParser = r => Seconds(r),
    };

    public Option<bool> DriftJson { get; } = Json("One JSON document (shape in README.md) instead of text");

    public Argument<string?> DriftName { get; } = new("NAME")
    {
        Description = "A process of the lab (node1, sentinel2…); all of them when left out",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<double?> WaitReady { get; } = new("--wait-ready")
    {
        HelpName = "SECONDS",
        Description = "Wait up to SECONDS for the lab to become healthy before printing",
        CustomParser = r => Seconds(r),
    };

    public Option<double?> WaitFailoverReady { get; } = new("--wait-failover-ready")
    {
        HelpName = "SECONDS",
        Description = "Wait up to SECONDS until the lab is healthy and Sentinel would accept a failover (exit 0 only then)",
        CustomParser = r => Seconds(r),
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        HelpName = "SECONDS",
        Description = "How long to wait for every sentinel to agree on the new master",
        DefaultValueFactory = _ => 30,
        CustomParser = r => Seconds(r) ?? 0,
    };

    public Option<int> Rate { get; } = new("--rate")
    {
        HelpName = "N",
        Description = "Writes per second (1 to 20000)",
        DefaultValueFactory = _ => 100,
    };

    public Option<double?> Duration { get; } = new("--duration")
    {
        HelpName = "SECONDS",
        Description = "How long to write (default: until Ctrl+C)",
        CustomParser = r => Seconds(r),
    };

    public Option<bool> LoadJson { get; } = Json("One JSON object at the end (shape in README.md) instead of text");

    public Option<string> Client { get; } = new("--client")
    {
        HelpName = "NAME",
        Description = "Write as client NAME (A or B) of a lab with partitions on: from its own address, through the owner's relay, with its own ledger; " +
                      "or 'pinned': straight to the initial master's address (node1), never asking the sentinels (READONLY after a failover)",
    };

    public Argument<string[]> PartitionSpec { get; } = new("SPEC")
    {
        Description = "Two sides separated by '/', each a comma list of processes and clients (A, B); 'rest' is everything else: node1,sentinel1,A / rest",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<bool> PartitionJson { get; } = Json("One JSON object (shape in README.md) instead of text");

    public Option<bool> HealJson { get; } = Json("One JSON object (shape in README.md) instead of text");

    // Attaching to a deployment instead of a lab file: one instance per command that watches (screen, status, events, failover).

    /// <summary>The options that point a watching command at a deployment, for one command.</summary>
    public sealed class Deployment
    {
        public Option<string> Sentinels { get; } = new("--sentinels")
        {
            HelpName = "HOST:PORT[,HOST:PORT…]",
            Description = "Watch a Sentinel deployment instead of a lab file: its sentinels (the others are discovered); needs --master",
        };

        public Option<string> Master { get; } = new("--master") { HelpName = "NAME", Description = "The master name the sentinels monitor" };

        public Option<string> User { get; } = new("--user") { HelpName = "NAME", Description = "ACL user (the password comes from REDISCLI_AUTH, --password-file, or a prompt)" };

        public Option<string> PasswordFile { get; } = new("--password-file")
        {
            HelpName = "FILE",
            Description = "Read the password from FILE (never on the command line; REDISCLI_AUTH works too)",
        };

        public Option<bool> AllowWrites { get; } = new("--allow-writes") { Description = "Let DEBUG and writing commands through (a deployment is read-only by default)" };

        public Option<bool> AllowFailover { get; } = new("--allow-failover") { Description = "Let SENTINEL FAILOVER run on the deployment (asked for the master's name first)" };

        public Option<string> Profile { get; } = new("--profile")
        {
            HelpName = "FILE",
            Description = "The deployment options saved in a JSON file (no secrets in it); options given here win",
        };

        public Option<bool> Tls { get; } = new("--tls") { Description = "Connect with TLS (Redis built with TLS, e.g. Debian's, listening on a tls-port)" };

        public Option<string> TlsCa { get; } = new("--tls-ca")
        {
            HelpName = "FILE",
            Description = "With --tls: the PEM file of the CA that issued the servers' certificates (else the system's trust store)",
        };

        public Option[] All => [Sentinels, Master, User, PasswordFile, AllowWrites, AllowFailover, Tls, TlsCa, Profile];
    }

    public Deployment ScreenDeployment { get; } = new();
    public Deployment StatusDeployment { get; } = new();
    public Deployment EventsDeployment { get; } = new();
    public Deployment FailoverDeployment { get; } = new();

    public Option<string> Confirm { get; } = new("--confirm")
    {
        HelpName = "MASTER",
        Description = "For scripts failing over a deployment: its master name, which a person would otherwise type to confirm",
    };

    private static Option<bool> Json(string description) => new("--json") { Description = description };

    private static Option<string> Completing(Option<string> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        return option;
    }

    /// <summary>A non-negative number of seconds, or an error that names the option and echoes what was given.</summary>
    public Option<Core.Sharing.ShareAddress?> ScreenShare { get; } = Share();

    public Option<Core.Sharing.ShareAddress?> UpShare { get; } = Share();

    /// <summary>--share [ADDR:]PORT on the screen and on `up` (one instance each: a symbol belongs to one command).</summary>
    public static Option<Core.Sharing.ShareAddress?> Share() => new("--share")
    {
        HelpName = "[ADDR:]PORT",
        Description = "Serve this session's recording read-only over HTTP for `redis-ha-tui follow URL` (127.0.0.1 unless ADDR is named; then the URL carries a random token)",
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            Core.Sharing.ShareAddress? address = Core.Sharing.ShareAddress.Parse(text, out string? error);
            if (error is not null) r.AddError(error);
            return address;
        },
    };

    private static double? Seconds(ArgumentResult r)
    {
        string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0)
            return seconds;
        string option = r.Parent is OptionResult o ? o.Option.Name : r.Argument.Name;
        r.AddError($"{option} needs a number of seconds, got '{text}'");
        return null;
    }
}
