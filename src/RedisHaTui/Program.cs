using RedisHaTui.Cli;

// redis-ha-tui: with no command, the screen; otherwise one of the CLI verbs (AppCommandLine declares them all).
return await new AppCommandLine().RunAsync(args);
