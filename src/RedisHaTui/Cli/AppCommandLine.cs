using RedisHaTui.Core.Recording;
using System.CommandLine;
using System.CommandLine.Invocation;
using RedisHaTui.Core.Actions;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.Sources;
using RedisHaTui.Presentation;

namespace RedisHaTui.Cli;

/// <summary>
/// The whole command line in one place: the verbs, the options each takes and what each runs. System.CommandLine
/// parses, writes --help for the app and every verb, refuses an option on the wrong verb by name and answers
/// shell completion (the [suggest] directive); the open-ended --Section:Key settings are lifted out before it
/// parses (<see cref="ConfigOverrides"/>) and go to the lab loader with --port-offset and --theme.
/// </summary>
public sealed class AppCommandLine
{
    /// <summary>Every verb, in the order --help lists them: the lab's, then its commands (<see cref="LabCommands"/>), then the tools.</summary>
    public static readonly string[] Verbs =
    [
        "up", "status", "down", "check", "reset", "failover", "events", "load", "partition", "heal", "drift", "lesson", "init",
        .. LabCommands.Verbs.Where(c => c.Kind != LabActionKind.Failover).Select(c => c.Verb!),
        "cli", "env", "walkthrough", "keys", "replay", "follow",
    ];

    private readonly AppOptions _o = new();
    private IReadOnlyList<string> _settings = [];

    public AppCommandLine()
    {
        Root = new RootCommand("redis-ha-tui: a live screen for a Redis master/replica + Sentinel lab.\n" +
                               "Without a command, starts the lab of lab.json and opens the screen (? there lists the keys).")
        {
            _o.Lab, _o.PortOffset, _o.Partitions, _o.Settings, _o.NoStart, _o.Theme, _o.ExitAfter, _o.Walkthrough,
            Verb("up", """
                Start the lab in the foreground, without the screen.
                Starts the data nodes, waits for the replicas to link, then the sentinels, and prints every
                process's log lines prefixed with its name; one line says when the lab is ready.
                Ctrl+C or SIGTERM stops every process and exits 0. One app owns a lab (lab file and port offset) at
                a time: while another runs it, up exits 2 naming its pid and stops nothing.
                Records the session as the screen does (--record FILE, --no-record).
                With --share PORT, students follow it live: `redis-ha-tui follow URL` (the URL is printed).
                """, (r, lab) => UpCommand.RunAsync(lab, Record(r, _o.UpRecording), share: r.GetValue(_o.UpShare)), [.. _o.UpRecording.All, _o.UpShare]),
            Verb("status", """
                Print the running lab's state; exit 0 when healthy.
                Reads the running lab (whoever started it, start.sh by hand included): each node's role, the master
                it follows, link, offset and lag, and what each sentinel reports.
                With --wait-failover-ready it also waits until Sentinel would accept a failover (which replica each
                sentinel would promote, by Sentinel's own rules), so a drill script never meets NOGOODSLAVE.
                Exit codes: 0 healthy (one master, every replica linked, every sentinel agreeing; with
                --wait-failover-ready: and ready to fail over), 1 not, 2 bad input.
                """, _o.StatusDeployment, (r, target) => StatusCommand.RunAsync(target, r.GetValue(_o.StatusJson), r.GetValue(_o.WaitReady),
                    r.GetValue(_o.WaitFailoverReady)),
                _o.StatusJson, _o.WaitReady, _o.WaitFailoverReady),
            Verb("down", """
                Stop every process of the lab, whoever started it.
                SHUTDOWN first, then SIGTERM, then SIGKILL. Exit 0 when none is left.
                """, (_, lab) => DownCommand.RunAsync(lab)),
            Verb("check", """
                Validate lab.json, Redis and the ports without starting anything.
                Checks lab.json (syntax, keys, names, ports, replicas, quorum), the Redis binaries (fetching Debian's
                redis-server into .redis/ when none is found), the run directory and the ports.
                Exit 0 when the lab can start, 2 with every problem named otherwise.
                """, (_, lab) => CheckCommand.RunAsync(lab)),
            Verb("reset", """
                Delete the lab's run directory (working configs, data, logs).
                Refuses while any process of the lab runs. The next start begins from lab/ and lab.json again.
                """, (_, lab) => Task.FromResult(ResetCommand.Run(lab))),
            Verb(LabCommands.Get(LabActionKind.Failover).Verb!, """
                Fail over through the sentinels and time it.
                Asks the sentinels to fail over (SENTINEL FAILOVER), waits until every sentinel agrees on the new
                master, and prints old → new master with the stopwatch.
                Refused at once, with the reason, when Sentinel would refuse it (see status --wait-failover-ready).
                Exit 0 on success, 1 with the reason otherwise (INPROG, NOGOODSLAVE, no sentinel, timeout).
                """, _o.FailoverDeployment, (r, target) => FailoverCommand.RunAsync(target, TimeSpan.FromSeconds(r.GetValue(_o.Timeout)), r.GetValue(_o.Confirm)),
                _o.Timeout, _o.Confirm),
            Verb("events", """
                Stream the merged Sentinel timeline of the running lab until Ctrl+C.
                One line per event, or one JSON object per line with --json.
                With --export FILE.md|FILE.csv|FILE.json, also writes the session's handout (timeline, each failover's
                stopwatch, the write-load ledgers), kept current as it goes and complete when Ctrl+C ends it.
                """, _o.EventsDeployment, (r, target) => EventsCommand.RunAsync(target, r.GetValue(_o.EventsJson), r.GetValue(_o.Export)),
                _o.EventsJson, _o.Export),
            Verb("load", """
                Write to the running lab like an application, and report what it cost.
                Finds the master through the sentinels (as a sentinel-aware client does, following failovers), appends
                a sequence number to a list at --rate writes per second, and counts every acknowledged and failed write
                by kind (connection, NOREPLICAS, READONLY, timeout, other). At the end it reads back what the final
                master holds: acknowledged writes lost, and failed ones stored anyway. Ctrl+C ends it early and still reports.
                With --client A (or B) on a lab with partitions on, it writes as that client: from the client's own
                address, through the owner's relay, so a partition puts it on one side; its ledger is its own.
                Exit 0 when it ran (whatever was lost), 1 when no master could be found, 2 bad input.
                """, (r, lab) => LoadCommand.RunAsync(lab, r.GetValue(_o.Rate), r.GetValue(_o.Duration), r.GetValue(_o.LoadJson), r.GetValue(_o.Client)),
                _o.Rate, _o.Duration, _o.LoadJson, _o.Client),
            PartitionVerb(),
            Verb("heal", """
                Mend the network of a lab with partitions on: every cut link goes through again.
                Asks the lab's owner (`up` or the screen, started with --Lab:Network:Partitions true) over its control
                socket; the connections the cut held are closed and the processes reconnect.
                Exit 0 healed, 1 refused (no owner, partitions off), 2 bad input.
                """, (r, lab) => PartitionCommand.HealAsync(lab, r.GetValue(_o.HealJson)), _o.HealJson),
            DriftVerb(),
            LessonVerb(),
        };
        Root.Subcommands.Add(Init());
        // The lab's commands as verbs, from the same table as the screen's keys and the `?` help.
        foreach (LabCommand command in LabCommands.Verbs.Where(c => c.Kind != LabActionKind.Failover)) Root.Subcommands.Add(CommandVerb(command));
        Root.Subcommands.Add(Cli());
        Root.Subcommands.Add(Verb("env", """
            Print the shell lines that put the lab's Redis binaries on PATH: eval "$(redis-ha-tui env)".
            Afterwards redis-cli, redis-server and redis-sentinel are the ones the lab runs, also where the app fetched
            Redis into ~/.cache/redis-ha-tui/redis (fetching it first if needed; progress goes to stderr). No password is
            printed: for a lab with one, a comment says which file REDISCLI_AUTH can read it from.
            """, (_, lab) => EnvCommand.RunAsync(lab)));
        Root.Subcommands.Add(WalkthroughVerb());
        Command keys = new("keys", """
            Print the one-page key sheet (Markdown), to print for the room: every key of the screen and the command line
            that does the same. docs/keys.md is this output.
            """);
        keys.SetAction(_ => { Console.Write(KeySheet.Markdown()); return ExitCodes.Ok; });
        Root.Subcommands.Add(keys);
        Root.Subcommands.Add(Replay());
        Root.Subcommands.Add(Follow());
        foreach (Option o in _o.ScreenDeployment.All) Root.Options.Add(o);
        foreach (Option o in _o.ScreenRecording.All) Root.Options.Add(o);
        Root.Options.Add(_o.ScreenShare);
        // Help says "redis-ha-tui" however it was started (dotnet redis-ha-tui.dll, the apphost, a test host).
        Root.HelpName = "redis-ha-tui";
        Root.SetAction(WithTarget(_o.ScreenDeployment, (r, target) => ScreenCommand.RunAsync(target, r.GetValue(_o.NoStart),
            r.GetValue(_o.ExitAfter) is { } s ? TimeSpan.FromSeconds(s) : null,
            // Given without a file: "" (the lab's own walkthrough); not given: null.
            r.GetResult(_o.Walkthrough) is { Implicit: false } ? r.GetValue(_o.Walkthrough) ?? "" : null,
            Record(r, _o.ScreenRecording),
            r.GetValue(_o.ScreenShare))));
        VersionOption version = Root.Options.OfType<VersionOption>().Single();
        version.Aliases.Add("-V");
        version.Action = new PrintVersion();
    }

    public RootCommand Root { get; }

    /// <summary>What a command line comes to before anything runs: the parse, the lifted settings, the usage errors.</summary>
    public sealed record Parsed(ParseResult? Result, IReadOnlyList<string> Settings, IReadOnlyList<string> Errors);

    public Parsed Parse(IReadOnlyList<string> args)
    {
        ConfigOverrides.Split split = ConfigOverrides.Take(args, OptionNames());
        if (split.Error is not null) return new Parsed(null, split.Settings, [split.Error]);
        ParseResult result = Root.Parse(PassThroughAfterCliName(split.Rest));
        return new Parsed(result, split.Settings, UsageErrors.Describe(result, Root));
    }

    /// <summary>Parses and runs; usage errors go to stderr with exit code 2 (System.CommandLine's own would be 1).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        Parsed parsed = Parse(args);
        if (parsed.Errors.Count > 0 || parsed.Result is null)
        {
            foreach (string error in parsed.Errors) Console.Error.WriteLine($"redis-ha-tui: {error}");
            string verb = parsed.Result?.CommandResult.Command is { } c && c != Root ? $" {c.Name}" : "";
            Console.Error.WriteLine($"Try `{ShellForms.ThisMachine.AppFrom(Directory.GetCurrentDirectory())}{verb} --help`.");
            return ExitCodes.BadInput;
        }
        _settings = parsed.Settings;
        return await parsed.Result.InvokeAsync(new InvocationConfiguration
        {
            // The verbs and the screen handle Ctrl+C, SIGTERM and SIGHUP themselves (a lab takes seconds to stop):
            // System.CommandLine must not cut them short after its default 2 s.
            ProcessTerminationTimeout = null,
            // A crash stays a crash: the verbs' own handlers stop what they started, and a stack trace is a bug report.
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>`kill NAME`, `pause NAME`, `ckquorum`…: one command of the lab's table on the running lab.</summary>
    private Command CommandVerb(LabCommand command)
    {
        var name = new Argument<string?>("NAME") { HelpName = "NAME", Description = "A process of the lab (node1, sentinel2…)", Arity = ArgumentArity.ZeroOrOne };
        name.CompletionSources.Add(_ => ProcessNamesHere());
        bool onProcess = command.Scope == CommandScope.Process;
        Command verb = Verb(command.Verb!, $"""
            {command.VerbHelp}
            The screen's key of the same name runs the same command; refused with the reason `?` shows when it cannot run.
            Exit codes: 0 done, 1 refused, 2 bad input{(onProcess ? " (e.g. an unknown NAME)" : "")}.
            """, (r, lab) => LabCommandVerb.RunAsync(lab, command, onProcess ? r.GetValue(name) : null));
        if (onProcess) verb.Arguments.Add(name);
        return verb;
    }

    /// <summary>`cli [NAME] [ARGS…]`: everything after NAME is redis-cli's (see <see cref="Parse"/>).</summary>
    private Command Cli()
    {
        var words = new Argument<string[]>("NAME ARGS") { HelpName = "NAME ARGS…", Description = "A process of the lab (default: the master now), then redis-cli's arguments (none: interactive)", Arity = ArgumentArity.ZeroOrMore };
        words.CompletionSources.Add(_ => ProcessNamesHere());
        Command cli = Verb("cli", """
            Run redis-cli on a process of the lab: redis-ha-tui cli node1 info replication.
            Host, port, TLS and password come from the lab (the password through REDISCLI_AUTH, never on a command
            line), and redis-cli is the lab's own, also where the app fetched Redis into its cache. Without ARGS it is
            interactive. Lab options go before NAME: everything after NAME is passed to redis-cli as it is.
            Exit code: redis-cli's; 2 bad input.
            """, (r, lab) => CliCommand.RunAsync(lab, r.GetValue(words) ?? []));
        cli.Arguments.Add(words);
        return cli;
    }

    /// <summary>`walkthrough [FILE]`: the steps printed, for a handout or a second screen.</summary>
    private Command WalkthroughVerb()
    {
        var file = new Argument<string?>("FILE") { Description = "A walkthrough file (default: lab/walkthrough.md beside the lab file)", Arity = ArgumentArity.ZeroOrOne };
        Command verb = Verb("walkthrough", """
            Print the guided walkthrough with this lab's commands, as they run on this machine.
            The same steps as the screen's --walkthrough panel: each step's explanation, the commands to type (with this
            lab's ports and --port-offset, redis-cli or `redis-ha-tui cli`, whichever works here) and the app's keys.
            Exit 0; 2 when the file does not load (named with its line).
            """, (r, lab) => Task.FromResult(WalkthroughCommand.Run(lab, r.GetValue(file))));
        verb.Arguments.Add(file);
        return verb;
    }

    /// <summary>For completion: the process names of lab.json in the current folder, when there is one that loads.</summary>
    private static IEnumerable<string> ProcessNamesHere()
    {
        if (!File.Exists(LabLoader.DefaultLabFile)) return [];
        try { return [.. LabLoader.Load(LabLoader.DefaultLabFile, []).Processes.Select(p => p.Name)]; }
        catch (LabLoadException) { return []; }
    }

    /// <summary>
    /// For `cli`: a `--` after its first word (NAME, or redis-cli's first argument), so that the rest reaches redis-cli
    /// as typed (`--raw`, `-n 1`, `-5`) instead of being read as this app's options.
    /// </summary>
    private static IReadOnlyList<string> PassThroughAfterCliName(IReadOnlyList<string> args)
    {
        HashSet<string> valued = ["--lab", "--port-offset"];
        bool inCli = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--") return args;
            if (valued.Contains(a)) { i++; continue; }
            if (a.StartsWith('-')) continue;
            if (!inCli)
            {
                if (a != "cli") return args;
                inCli = true;
                continue;
            }
            return [.. args.Take(i + 1), "--", .. args.Skip(i + 1)];
        }
        return args;
    }

    /// <summary>`init [DIR]`: needs no lab, it writes one.</summary>
    private Command Init()
    {
        var directory = new Argument<string?>("DIR") { Description = "The folder to write into (default: the current folder; created when missing)", Arity = ArgumentArity.ZeroOrOne };
        var init = new Command("init", """
            Write the built-in tutorial lab into a folder, to follow the tutorial by hand and edit it.
            Writes lab.json and lab/node1, node2, sentinel1…3 (each a .conf and a start.sh). Never overwrites: a folder
            that holds any of those files is refused (exit 2). Without a lab.json in the current folder, redis-ha-tui
            runs this same lab from its state folder.
            """) { directory };
        init.SetAction(r => InitCommand.Run(r.GetValue(directory)));
        return init;
    }

    /// <summary>`replay FILE`: needs no lab and no Redis, only the recording.</summary>
    private Command Replay()
    {
        var file = new Argument<string>("FILE") { Description = $"A recording ({Core.Recording.RecordingFormat.DefaultFileName} in the run directory, or what --record named)" };
        var replay = new Command("replay", """
            Replay a recorded session on the screen, at this terminal's size: no Redis, no lab needed.
            The same panes, logs, timeline, stopwatch, chart and walkthrough panel as they were. The status line is a scrub
            bar: space plays and pauses, ← → step one moment, Shift+← → ten seconds, [ ] jump to the previous or next
            failover, fault or action, < > change the speed (1×, 2×, 10×), : goes to a time, End to the end; every action
            is refused ("replay").
            With --export OUT.md|OUT.csv|OUT.json it writes the handout of the recording's last moment (or --at TIME)
            instead, the one `events --export` writes. A damaged recording replays what could be read and says what could not.
            Exit codes: 0 done; 1 the handout could not be written; 2 bad input (no such file, not a recording, a recording
            of a newer format, a TIME outside it).
            With --cast OUT.cast it draws the whole session instead, moment by moment at --size (default 120x40), into an
            asciicast v2 file: `asciinema play OUT.cast`, or asciinema's player in a web page.
            """) { file, _o.ReplayExport, _o.ReplayAt, _o.ReplayExitAfter, _o.ReplayCast, _o.ReplaySize };
        replay.SetAction((r, _) => ReplayCommand.RunAsync(r.GetValue(file)!, r.GetValue(_o.ReplayExport), r.GetValue(_o.ReplayAt),
            r.GetValue(_o.ReplayExitAfter) is { } s ? TimeSpan.FromSeconds(s) : null, r.GetValue(_o.ReplayCast), r.GetValue(_o.ReplaySize)));
        return replay;
    }

    /// <summary>`follow FILE|URL`: a presenter's session live; needs no lab and no Redis.</summary>
    private Command Follow()
    {
        var source = new Argument<string>("FILE|URL") { Description = "The presenter's --share URL (http://HOST:PORT/TOKEN, as their screen shows it), or a recording being written (a shared folder)" };
        var follow = new Command("follow", """
            Follow a presenter's session live, at this terminal's size: no Redis, no lab needed.
            The replay screen kept at the end of the recording as it grows: scrub back with the replay's keys (space,
            ← →, [ ], :), End returns to live. Nothing can be acted on; nothing reaches the presenter's lab.
            Exit codes: 0 done; 2 bad input (no such file, a URL that is wrong, refused or unreachable, a token missing).
            """) { source, _o.FollowExitAfter };
        follow.SetAction((r, _) => FollowCommand.RunAsync(r.GetValue(source)!, r.GetValue(_o.FollowExitAfter) is { } s ? TimeSpan.FromSeconds(s) : null));
        return follow;
    }

    /// <summary>`partition SPEC`: the spec is words (the shell splits "node1,A / rest" at the spaces), joined again.</summary>
    private Command PartitionVerb()
    {
        Command verb = Verb("partition", """
            Cut the network of a lab with partitions on between two groups of processes and clients.
            SPEC is two sides separated by '/', each a comma list of process and client names (A, B), 'rest' meaning
            every one not on the other side: `partition node1,sentinel1,A / rest` is the split brain of the tutorial.
            Every link between the sides stalls both ways (no reset, as a real partition), until `heal`.
            Asks the lab's owner (`up` or the screen, started with --Lab:Network:Partitions true) over its control socket.
            Exit 0 cut, 1 refused (no owner, partitions off), 2 bad input (a SPEC that names no process).
            """, (r, lab) => PartitionCommand.PartitionAsync(lab, string.Join(' ', r.GetValue(_o.PartitionSpec) ?? []), r.GetValue(_o.PartitionJson)), _o.PartitionJson);
        verb.Arguments.Add(_o.PartitionSpec);
        return verb;
    }

    /// <summary>`drift [NAME]`: reads the lab's files only, so it takes a lab file and no deployment.</summary>
    private Command DriftVerb()
    {
        Command verb = Verb("drift", """
            Show how each process's working config differs from its template under lab/, and why.
            Compares the run directory's working copies with lab/: what Sentinel and CONFIG REWRITE wrote (known
            replicas and sentinels, epochs, a new `sentinel monitor` line, replicaof added or removed), each with
            one line on why; lines redis-ha-tui itself wrote at start are marked as such. Works whether the lab runs or not.
            Exit codes: 0 compared, 1 the lab never ran here, 2 bad input (e.g. an unknown NAME).
            """, (r, lab) => Task.FromResult(DriftCommand.Run(lab, r.GetValue(_o.DriftName), r.GetValue(_o.DriftJson))), _o.DriftJson);
        verb.Arguments.Add(_o.DriftName);
        return verb;
    }

    /// <summary>`lesson [NAME]`: the lab's own processes, started and stopped by it (a lesson stops and kills them).</summary>
    private Command LessonVerb()
    {
        var name = new Argument<string?>("NAME") { Description = "quorum, forget, down-after or announce; without it, the list", Arity = ArgumentArity.ZeroOrOne };
        Command verb = Verb("lesson", """
            Play one of the classic Sentinel mistakes on the lab, as the fault menu (!) does, without the screen.
            quorum: quorum 1 is not a majority (one sentinel reaches +odown but is not elected); forget: a removed
            replica stays listed until SENTINEL RESET, one sentinel at a time; down-after: down-after-milliseconds
            changed live, the failover timed; announce: a replica announcing an unreachable address cannot be promoted.
            Starts the lab (it must own it: refused while another app does), says what to expect, runs the lesson,
            prints what happened, puts the lab back and stops it.
            Exit 0 when the lesson showed what it says, 1 when it did not, 2 bad input (an unknown NAME, a lab owned elsewhere).
            """, (r, lab) => LessonCommand.RunAsync(lab, r.GetValue(name)));
        verb.Arguments.Add(name);
        return verb;
    }

    /// <summary>A watching verb: it takes a lab file or, with --sentinels, a deployment.</summary>
    private Command Verb(string name, string description, AppOptions.Deployment deployment, Func<ParseResult, WatchTarget, Task<int>> run, params Option[] options)
    {
        Command verb = Verb(name, description, (_, _) => Task.FromResult(0), [.. options, .. deployment.All]);
        verb.SetAction(WithTarget(deployment, run));
        return verb;
    }

    private Command Verb(string name, string description, Func<ParseResult, LabDefinition, Task<int>> run, params Option[] options)
    {
        var verb = new Command(name, description);
        foreach (Option o in options) verb.Options.Add(o);
        // The screen's options are the root's: System.CommandLine accepts them before a verb, so refuse them here.
        verb.Validators.Add(r =>
        {
            foreach (Option o in (Option[])[_o.NoStart, _o.Theme, _o.ExitAfter, _o.Walkthrough, .. _o.ScreenRecording.All])
                if (r.GetResult(o) is { Implicit: false })
                    r.AddError($"{o.Name} is an option of the screen (no command), not of `{name}`");
        });
        verb.SetAction(WithLab(run));
        return verb;
    }

    /// <summary>Loads the lab, then runs; a lab that does not load is bad input, each problem on its own line.</summary>
    private Func<ParseResult, CancellationToken, Task<int>> WithLab(Func<ParseResult, LabDefinition, Task<int>> run) => async (r, _) =>
    {
        try
        {
            return await run(r, LabLoader.Load(r.GetValue(_o.Lab), ConfigArguments(r)));
        }
        catch (LabLoadException e)
        {
            foreach (string problem in e.Problems) Console.Error.WriteLine($"redis-ha-tui: {problem}");
            return ExitCodes.BadInput;
        }
    };

    /// <summary>
    /// With --sentinels, a deployment (no lab file needed: an installed tool has none); else the lab of the lab file.
    /// Whatever is wrong with either is bad input, named.
    /// </summary>
    private Func<ParseResult, CancellationToken, Task<int>> WithTarget(AppOptions.Deployment o, Func<ParseResult, WatchTarget, Task<int>> run) => async (r, ct) =>
    {
        ConnectionProfile? profile = null;
        if (r.GetValue(o.Profile) is { } profilePath)
        {
            (profile, string? profileError) = ConnectionProfile.Load(profilePath);
            if (profileError is not null) return BadInput(profileError);
        }
        if ((r.GetValue(o.Sentinels) ?? profile?.Sentinels) is not { } sentinels)
        {
            if (profile is not null) return BadInput($"--profile {r.GetValue(o.Profile)}: names no \"sentinels\"");
            foreach (Option only in new Option[] { o.Master, o.User, o.PasswordFile, o.AllowWrites, o.AllowFailover, o.Tls, o.TlsCa })
                if (r.GetResult(only) is { Implicit: false })
                    return BadInput($"{only.Name} goes with --sentinels (a deployment); a lab file's lab needs none of it");
            return await WithLab((pr, lab) => run(pr, WatchTarget.OfLab(lab)))(r, ct);
        }
        (IReadOnlyList<Endpoint>? endpoints, string? error) = DeploymentOptions.ParseSentinels(sentinels);
        if (error is not null) return BadInput(error);
        if ((r.GetValue(o.Master) ?? profile?.Master) is not { Length: > 0 } master) return BadInput("--sentinels needs --master NAME: the master name the sentinels monitor");
        (RedisCredentials? credentials, string? secretError) = Secrets.Read(r.GetValue(o.User) ?? profile?.User, r.GetValue(o.PasswordFile) ?? profile?.PasswordFile);
        if (secretError is not null) return BadInput(secretError);
        string? ca = r.GetValue(o.TlsCa) ?? profile?.TlsCaFile;
        bool tls = r.GetValue(o.Tls) || profile?.Tls == true || ca is not null;
        if (ca is not null && !File.Exists(ca)) return BadInput($"--tls-ca {ca}: no such file");
        var deployment = new DeploymentOptions(endpoints!, master, new ConnectionSecurity(credentials, tls, ca is null ? null : Path.GetFullPath(ca)),
            r.GetValue(o.AllowFailover) || profile?.AllowFailover == true, r.GetValue(o.AllowWrites) || profile?.AllowWrites == true);
        try { return await run(r, new WatchTarget(null, deployment)); }
        catch (LabLoadException e)
        {
            foreach (string problem in e.Problems) Console.Error.WriteLine($"redis-ha-tui: {problem}");
            return ExitCodes.BadInput;
        }
    };

    /// <summary>What the command line says about recording: "off", a file, or null to leave it to Ui:Record (lab.json, environment).</summary>
    private static string? Record(ParseResult r, AppOptions.Recording o) =>
        r.GetValue(o.Off) ? RecordingPlace.OffWords[0] : r.GetValue(o.File);

    private static int BadInput(string message)
    {
        Console.Error.WriteLine($"redis-ha-tui: {message}");
        return ExitCodes.BadInput;
    }

    /// <summary>The lab loader's command-line layer: the short forms it maps (LabLoader.SwitchMappings), then the settings.</summary>
    private List<string> ConfigArguments(ParseResult r)
    {
        var arguments = new List<string>();
        if (r.GetValue(_o.PortOffset) is { } offset) arguments.AddRange(["--port-offset", offset]);
        if (r.GetValue(_o.Theme) is { } theme) arguments.AddRange(["--theme", theme]);
        // Before the settings: an explicit --Lab:Network:Partitions false after it still wins, as the later value does.
        if (r.GetValue(_o.Partitions)) arguments.AddRange(["--Lab:Network:Partitions", "true"]);
        arguments.AddRange(_settings);
        return arguments;
    }

    private HashSet<string> OptionNames() =>
    [
        .. new[] { Root }.Concat(Root.Subcommands)
            .SelectMany(c => c.Options)
            .SelectMany(o => o.Aliases.Prepend(o.Name)),
    ];

    /// <summary>--version and -V: "redis-ha-tui 0.1.0", the way the app has always said it.</summary>
    private sealed class PrintVersion : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"redis-ha-tui {typeof(PrintVersion).Assembly.GetName().Version?.ToString(3)}");
            return ExitCodes.Ok;
        }
    }
}
