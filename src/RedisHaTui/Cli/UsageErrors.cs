using System.CommandLine;
using System.CommandLine.Parsing;

namespace RedisHaTui.Cli;

/// <summary>
/// System.CommandLine's parse errors in the app's words: an option on the wrong command says which commands
/// take it, a mistyped verb lists the verbs. Every other error (a missing value, a bad number) passes as it is.
/// </summary>
public static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult result, RootCommand root)
    {
        Command command = result.CommandResult.Command;
        var messages = new List<string>();
        foreach (ParseError error in result.Errors)
        {
            // An unmatched token is reported as "Unrecognized command or argument 'x'." on the command it was met in.
            string? token = error.SymbolResult is CommandResult
                ? result.UnmatchedTokens.FirstOrDefault(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))
                : null;
            messages.Add(token is null ? error.Message : Unrecognized(token, command, root));
        }
        return messages;
    }

    private static string Unrecognized(string token, Command command, RootCommand root)
    {
        if (token.StartsWith('-'))
        {
            Command[] owners = [.. new Command[] { root }.Concat(root.Subcommands)
                .Where(c => c.Options.Any(o => !o.Hidden && !o.Recursive && (o.Name == token || o.Aliases.Contains(token))))];
            return owners.Length == 0
                ? $"unknown option '{token}'"
                : $"{token} is not an option of {Label(command, root)}: {string.Join(", ", owners.Select(c => Label(c, root)))} take{(owners.Length == 1 ? "s" : "")} it";
        }
        return command == root
            ? $"unknown command '{token}' (commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))})"
            : $"`{command.Name}` takes no argument '{token}'";
    }

    private static string Label(Command command, RootCommand root) => command == root ? "the screen (no command)" : $"`{command.Name}`";
}
