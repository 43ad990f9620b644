using System.Globalization;

namespace RedisHaTui.Cli;

/// <summary>
/// The command line split into the verb, the app's own flags and the configuration arguments
/// (--lab, --port-offset, --theme and --Section:Key value) that go to the lab loader.
/// </summary>
public sealed record CliArguments(
    string? Verb,
    string? LabFile,
    IReadOnlyList<string> ConfigArguments,
    bool Help,
    bool Version,
    bool Json,
    bool NoStart,
    double? WaitReadySeconds,
    double? TimeoutSeconds,
    double? ExitAfterSeconds)
{
    public static readonly string[] Verbs = ["up", "status", "down", "check", "reset", "failover", "events"];

    /// <summary>Parses; a usage error comes back as a message, not an exception.</summary>
    public static (CliArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? verb = null, lab = null;
        bool help = false, version = false, json = false, noStart = false;
        double? waitReady = null, timeout = null, exitAfter = null;
        var config = new List<string>();
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            string? Value()
            {
                int eq = a.IndexOf('=');
                if (eq > 0) return a[(eq + 1)..];
                return i + 1 < args.Count ? args[++i] : null;
            }
            string name = a.Split('=')[0];
            switch (name)
            {
                case "-h" or "--help" or "help": help = true; break;
                case "-V" or "--version": version = true; break;
                case "--json": json = true; break;
                case "--no-start": noStart = true; break;
                case "--lab":
                    lab = Value();
                    if (string.IsNullOrEmpty(lab)) return (null, "--lab needs a path, e.g. --lab lab.json");
                    break;
                case "--wait-ready" or "--timeout" or "--exit-after":
                    string? text = Value();
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || seconds < 0)
                        return (null, $"{name} needs a number of seconds, got '{text}'");
                    if (name == "--wait-ready") waitReady = seconds; else if (name == "--timeout") timeout = seconds; else exitAfter = seconds;
                    break;
                case "--port-offset" or "--theme":
                    string? v = Value();
                    if (v is null) return (null, $"{name} needs a value");
                    config.Add(name); config.Add(v);
                    break;
                default:
                    if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':'))
                    {
                        string? setting = Value();
                        if (setting is null) return (null, $"{name} needs a value, e.g. {name} 1000");
                        config.Add(name); config.Add(setting);
                    }
                    else if (!a.StartsWith('-') && verb is null && Verbs.Contains(a)) verb = a;
                    else if (!a.StartsWith('-') && verb is null) return (null, $"unknown command '{a}' (commands: {string.Join(", ", Verbs)})");
                    else return (null, $"unknown option '{a}'");
                    break;
            }
        }
        return (new CliArguments(verb, lab, config, help, version, json, noStart, waitReady, timeout, exitAfter), null);
    }
}
