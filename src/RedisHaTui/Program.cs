using RedisHaTui.Cli;
using RedisHaTui.Core.Lab;

// redis-ha-tui: with no command, the screen; otherwise one of the CLI verbs (see HelpText).
(CliArguments? cli, string? usage) = CliArguments.Parse(args);
if (cli is null)
{
    Console.Error.WriteLine($"redis-ha-tui: {usage}\nTry `redis-ha-tui --help`.");
    return ExitCodes.BadInput;
}
if (cli.Help)
{
    Console.WriteLine(HelpText.For(cli.Verb));
    return ExitCodes.Ok;
}
if (cli.Version)
{
    Console.WriteLine($"redis-ha-tui {typeof(CliArguments).Assembly.GetName().Version?.ToString(3)}");
    return ExitCodes.Ok;
}

try
{
    LabDefinition lab = LabLoader.Load(cli.LabFile, cli.ConfigArguments);
    return cli.Verb switch
    {
        "up" => await UpCommand.RunAsync(lab),
        "status" => await StatusCommand.RunAsync(lab, cli),
        "down" => await DownCommand.RunAsync(lab),
        "check" => await CheckCommand.RunAsync(lab),
        "reset" => ResetCommand.Run(lab),
        "failover" => await FailoverCommand.RunAsync(lab, cli),
        "events" => await EventsCommand.RunAsync(lab, cli),
        _ => await ScreenCommand.RunAsync(lab, cli),
    };
}
catch (LabLoadException e)
{
    foreach (string problem in e.Problems) Console.Error.WriteLine($"redis-ha-tui: {problem}");
    return ExitCodes.BadInput;
}
