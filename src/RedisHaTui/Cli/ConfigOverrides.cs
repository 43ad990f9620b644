namespace RedisHaTui.Cli;

/// <summary>
/// Lifts the open-ended <c>--Section:Key VALUE</c> settings (any lab.json key, e.g. <c>--Lab:PortOffset 3</c>) out of
/// the command line before System.CommandLine parses the rest, and hands them to the lab loader unchanged.
/// </summary>
/// <remarks>
/// Why before the parser rather than as its "unmatched tokens": a command that accepts unmatched tokens stops
/// refusing unknown and misplaced options itself, and its generated help then promises "additional arguments
/// passed to the application", which is not what they are (the help layout is not public API in 3.0 to say
/// otherwise). Lifting them first keeps every verb strict and its help true; the lab loader still names a bad
/// key or value (file &lt; REDISHATUI_Section__Key &lt; command line).
/// </remarks>
public static class ConfigOverrides
{
    /// <param name="Rest">What is left for System.CommandLine.</param>
    /// <param name="Settings">The settings as Microsoft.Extensions.Configuration's command-line provider reads them.</param>
    /// <param name="Error">A setting without a value, said the way the old parser said it; null when all is well.</param>
    public sealed record Split(IReadOnlyList<string> Rest, IReadOnlyList<string> Settings, string? Error);

    /// <param name="args">The command line.</param>
    /// <param name="optionNames">
    /// The app's own option names and aliases: <c>--lab:PATH</c> is System.CommandLine's way of writing <c>--lab PATH</c>,
    /// so a token whose part before the colon is an option stays with the parser.
    /// </param>
    public static Split Take(IReadOnlyList<string> args, IReadOnlySet<string> optionNames)
    {
        var rest = new List<string>();
        var settings = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (a == "--")
            {
                rest.AddRange(args.Skip(i)); // after "--" nothing is an option: the parser refuses what follows
                break;
            }
            if (!IsSetting(a, optionNames))
            {
                rest.Add(a);
                continue;
            }
            if (a.Contains('='))
            {
                settings.Add(a); // --Section:Key=VALUE, one token
                continue;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                return new Split(rest, settings, $"{a} needs a value, e.g. {a} 1000");
            settings.Add(a);
            settings.Add(args[++i]);
        }
        return new Split(rest, settings, null);
    }

    private static bool IsSetting(string token, IReadOnlySet<string> optionNames)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal)) return false;
        int colon = token.IndexOf(':');
        return colon > 2 && !optionNames.Contains(token[..colon]);
    }
}
