namespace RedisHaTui.Cli;

/// <summary>The --help pages: one for the app, one per verb.</summary>
public static class HelpText
{
    private const string Common = """
        Lab options (every command):
          --lab PATH            the lab file (default: lab.json in the current folder)
          --port-offset N       shift every port by N, to run several labs side by side
          --Section:Key VALUE   any lab.json setting, e.g. --Monitor:PollIntervalMilliseconds 500
                                (environment: REDISHATUI_Section__Key=VALUE; command line wins)
          -h, --help            this help;  -V, --version  the version
        """;

    public static string For(string? verb) => verb switch
    {
        "up" => $"""
            redis-ha-tui up — start the lab in the foreground, without the screen

            Starts the data nodes, waits for the replicas to link, then the sentinels, and prints every
            process's log lines prefixed with its name. Prints one line when the lab is ready.
            Ctrl+C or SIGTERM stops every process and exits 0. One app owns a lab (lab file and port offset) at
            a time: while another runs it, up exits 2 naming its pid and stops nothing.

            {Common}
            """,
        "status" => $"""
            redis-ha-tui status [--json] [--wait-ready SECONDS]

            Reads the running lab (whoever started it, start.sh by hand included) and prints each node's role,
            the master it follows, link, offset and lag, and what each sentinel reports.
              --json                 one JSON document (shape in README.md)
              --wait-ready SECONDS   wait up to SECONDS for the lab to become healthy
            Exit codes: 0 healthy (one master, every replica linked, every sentinel agreeing), 1 not healthy, 2 bad input.

            {Common}
            """,
        "down" => $"""
            redis-ha-tui down — stop every process of the lab, whoever started it

            SHUTDOWN first, then SIGTERM, then SIGKILL. Exit 0 when none is left.

            {Common}
            """,
        "check" => $"""
            redis-ha-tui check — validate the lab without starting it

            Checks lab.json (syntax, keys, names, ports, replicas, quorum), the Redis binaries (fetching Debian's
            redis-server into .redis/ when none is found), the run directory and the ports.
            Exit 0 when the lab can start, 2 with every problem named otherwise.

            {Common}
            """,
        "reset" => $"""
            redis-ha-tui reset — delete the lab's run directory (working configs, data, logs)

            Refuses while any process of the lab runs. The next start begins from lab/ and lab.json again.

            {Common}
            """,
        "failover" => $"""
            redis-ha-tui failover [--timeout SECONDS]

            Asks the sentinels to fail over (SENTINEL FAILOVER), waits until every sentinel agrees on the new
            master, and prints old → new master with the stopwatch. Default timeout 30 s.
            Exit 0 on success, 1 with the reason otherwise (INPROG, NOGOODSLAVE, no sentinel, timeout).

            {Common}
            """,
        "events" => $"""
            redis-ha-tui events [--json]

            Streams the merged Sentinel timeline of the running lab, one line per event (JSON lines with
            --json), until Ctrl+C.

            {Common}
            """,
        _ => $"""
            redis-ha-tui — a live screen for a Redis master/replica + Sentinel lab

            Usage: redis-ha-tui [command] [options]

            Without a command, starts the lab of lab.json and opens the screen (? there lists the keys).
              --no-start          attach to a lab already running (started by `up` or by hand)
              --theme NAME        default, presenter (high contrast for projectors) or mono

            Commands:
              up        start the lab in the foreground, logs prefixed by process
              status    print the lab's state (--json); exit 0 when healthy
              down      stop every process of the lab
              check     validate lab.json, Redis and ports without starting anything
              reset     delete the run directory (data, logs, working configs)
              failover  fail over through the sentinels and time it
              events    stream the merged Sentinel timeline (--json)
            `redis-ha-tui COMMAND --help` tells more.

            {Common}
            """,
    };
}
