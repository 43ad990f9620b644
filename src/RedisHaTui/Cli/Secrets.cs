using RedisHaTui.Core.Lab;

namespace RedisHaTui.Cli;

/// <summary>
/// Where a password for a deployment comes from, in the ways people already use: redis-cli's own REDISCLI_AUTH,
/// a file (--password-file), or a prompt on the terminal. Never a command-line argument (ps would show it), never
/// lab.json. The value goes straight into a <see cref="Secret"/>, which prints as ***.
/// </summary>
public static class Secrets
{
    public const string EnvironmentVariable = "REDISCLI_AUTH";

    /// <returns>The credentials, null for none; or the reason they cannot be read (bad input).</returns>
    public static (RedisCredentials? Credentials, string? Error) Read(string? user, string? passwordFile)
    {
        string? password = null;
        if (passwordFile is not null)
        {
            try { password = File.ReadAllText(passwordFile).TrimEnd('\r', '\n'); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return (null, $"--password-file {passwordFile}: cannot read it ({e.GetType().Name.Replace("Exception", "")})");
            }
            if (password.Length == 0) return (null, $"--password-file {passwordFile}: the file is empty");
        }
        else if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } fromEnvironment) password = fromEnvironment;
        else if (user is not null && !Console.IsInputRedirected) password = Prompt($"password for {user}: ");
        if (password is null) return (user is null ? null : new RedisCredentials(user, new Secret("")), null);
        return (new RedisCredentials(user, new Secret(password)), null);
    }

    /// <summary>Reads a line without echoing it.</summary>
    private static string Prompt(string question)
    {
        Console.Error.Write(question);
        var typed = new System.Text.StringBuilder();
        while (true)
        {
            ConsoleKeyInfo key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (typed.Length > 0) typed.Length--; }
            else if (!char.IsControl(key.KeyChar)) typed.Append(key.KeyChar);
        }
        Console.Error.WriteLine();
        return typed.ToString();
    }
}
