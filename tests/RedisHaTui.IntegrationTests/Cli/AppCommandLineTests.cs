using RedisHaTui.Cli;

namespace RedisHaTui.Tests.Cli;

/// <summary>The command line parsed in-process: which verb, which options, which settings go to the lab loader.</summary>
public class AppCommandLineTests
{
    [Theory]
    [InlineData(new[] { "status", "--json", "--wait-ready", "5" }, "status", new string[0])]
    [InlineData(new[] { "--no-start", "--port-offset", "10", "--theme", "mono" }, null, new string[0])]
    [InlineData(new[] { "failover", "--timeout=12", "--Monitor:PollIntervalMilliseconds", "500" }, "failover", new[] { "--Monitor:PollIntervalMilliseconds", "500" })]
    [InlineData(new[] { "--Lab:PortOffset", "3", "down" }, "down", new[] { "--Lab:PortOffset", "3" })]
    [InlineData(new[] { "events", "--Lab:PortOffset=3", "--json" }, "events", new[] { "--Lab:PortOffset=3" })]
    [InlineData(new[] { "check", "--lab:other.json" }, "check", new string[0])]
    public void Verbs_options_and_settings_are_told_apart(string[] args, string? verb, string[] settings)
    {
        var cli = new AppCommandLine();

        AppCommandLine.Parsed parsed = cli.Parse(args);

        Assert.Empty(parsed.Errors);
        Assert.Equal(verb ?? cli.Root.Name, parsed.Result!.CommandResult.Command.Name); // null: the screen
        Assert.Equal(settings, parsed.Settings);
    }

    [Theory]
    [InlineData(new[] { "--Lab:PortOffset" }, "--Lab:PortOffset needs a value")]
    [InlineData(new[] { "status", "--Lab:PortOffset", "--json" }, "--Lab:PortOffset needs a value")]
    [InlineData(new[] { "-x" }, "unknown option '-x'")]
    [InlineData(new[] { "--json" }, "--json is not an option of the screen (no command): `status`, `events`, `load`, `partition`, `heal`, `drift` take it")]
    [InlineData(new[] { "events", "--wait-ready", "3" }, "--wait-ready is not an option of `events`: `status` takes it")]
    [InlineData(new[] { "down", "now" }, "`down` takes no argument 'now'")]
    [InlineData(new[] { "failover", "--timeout", "-1" }, "--timeout needs a number of seconds, got '-1'")]
    [InlineData(new[] { "--theme", "mono", "up" }, "--theme is an option of the screen (no command), not of `up`")]
    public void Usage_errors_say_what_is_wrong(string[] args, string expected)
    {
        AppCommandLine.Parsed parsed = new AppCommandLine().Parse(args);

        Assert.Contains(parsed.Errors, e => e.Contains(expected, StringComparison.Ordinal));
    }
}
