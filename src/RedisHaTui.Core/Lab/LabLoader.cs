using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace RedisHaTui.Core.Lab;

/// <summary>
/// Reads a lab the Microsoft.Extensions.Configuration way — lab.json, then REDISHATUI_ environment variables,
/// then --Section:Key value arguments — and returns a validated <see cref="LabDefinition"/> or throws a
/// <see cref="LabLoadException"/> that lists every problem found, each naming its file or key.
/// </summary>
public static class LabLoader
{
    public const string EnvironmentPrefix = "REDISHATUI_";
    public const string DefaultLabFile = "lab.json";

    /// <summary>Short options mapped onto configuration keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> SwitchMappings = new Dictionary<string, string>
    {
        ["--port-offset"] = "Lab:PortOffset",
        ["--theme"] = "Ui:Theme",
    };

    /// <param name="labFile">The lab file; null means lab.json in the current folder, else the built-in tutorial lab.</param>
    /// <param name="arguments">Configuration arguments: --Section:Key value, --port-offset N, --theme NAME.</param>
    /// <param name="environment">Environment variables to read; null means the process's own.</param>
    public static LabDefinition Load(string? labFile, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        string path = Path.GetFullPath(labFile ?? DefaultLabFile);
        // An installed tool runs from any folder: without a lab file there, the tutorial's own lab runs.
        if (labFile is null && !File.Exists(path)) path = BuiltInLab.Prepare();
        string shown = Relative(path);
        if (!File.Exists(path)) throw new LabLoadException($"{shown}: lab file not found.");
        CheckJsonSyntax(path, shown);

        IConfigurationRoot config = Build(path, arguments, environment);
        var problems = new List<string>();
        foreach ((string key, string? value) in config.AsEnumerable())
        {
            if (value is null) continue; // a section, not a value
            if (KnownKeys.Check(key, value) is { } why) problems.Add($"{SourceOf(config, key, shown)}: {key}: {why}");
        }
        if (problems.Count > 0) throw new LabLoadException(problems);

        LabSettings lab; RedisSettings redis; MonitorSettings monitor; UiSettings ui; LoadSettings load;
        try
        {
            lab = config.GetSection("Lab").Get<LabSettings>() ?? new LabSettings();
            redis = config.GetSection("Redis").Get<RedisSettings>() ?? new RedisSettings();
            monitor = config.GetSection("Monitor").Get<MonitorSettings>() ?? new MonitorSettings();
            ui = config.GetSection("Ui").Get<UiSettings>() ?? new UiSettings();
            load = config.GetSection("Load").Get<LoadSettings>() ?? new LoadSettings();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the key ("Failed to convert configuration value at 'Lab:Nodes:0:Port' to type 'System.Int32'").
            throw new LabLoadException($"{shown}: {e.Message.Replace("System.Int32", "a whole number").Replace("System.Boolean", "true/false")}");
        }
        LabDefinition definition = LabValidator.Validate(path, shown, lab, redis, monitor, ui);
        if (load.Rate is < 1 or > RedisHaTui.Core.Load.LoadOptions.MaxRate)
            throw new LabLoadException($"{shown}: Load:Rate: {load.Rate} must be between 1 and {RedisHaTui.Core.Load.LoadOptions.MaxRate} writes per second");
        return definition with
        {
            Security = LabSecrets.Resolve(definition, lab.Auth, shown), Load = load,
            Network = RedisHaTui.Core.Network.LabNetwork.For(definition, lab.Network.Partitions),
        };
    }

    private static IConfigurationRoot Build(string path, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment)
    {
        var builder = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false);
        if (environment is null)
            builder.AddEnvironmentVariables(EnvironmentPrefix);
        else
            builder.AddInMemoryCollection(environment
                .Where(e => e.Key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
                .Select(e => KeyValuePair.Create(e.Key[EnvironmentPrefix.Length..].Replace("__", ":"), e.Value)));
        try
        {
            builder.AddCommandLine(arguments.ToArray(), SwitchMappings.ToDictionary());
            return builder.Build();
        }
        catch (FormatException e)
        {
            throw new LabLoadException($"command line: {e.Message}");
        }
    }

    /// <summary>Parses the file first so a syntax error is reported with its line, as an editor would show it.</summary>
    private static void CheckJsonSyntax(string path, string shown)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path),
                new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new LabLoadException($"{shown}: expected a JSON object at the top level.");
        }
        catch (JsonException e)
        {
            string what = e.Message.Split(" Path:")[0].Split(" LineNumber:")[0];
            throw new LabLoadException($"{shown}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: malformed JSON: {what}");
        }
        catch (IOException e)
        {
            throw new LabLoadException($"{shown}: cannot read: {e.Message}");
        }
    }

    /// <summary>Where a key's value came from, the last provider winning as configuration does.</summary>
    private static string SourceOf(IConfigurationRoot config, string key, string shown)
    {
        foreach (IConfigurationProvider provider in config.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _)) continue;
            return provider switch
            {
                JsonConfigurationProvider => shown,
                CommandLineConfigurationProvider => "command line",
                _ => $"environment ({EnvironmentPrefix}{key.Replace(":", "__")})",
            };
        }
        return shown;
    }

    /// <summary>A path as a person would type it from the current folder (absolute when outside it).</summary>
    public static string Relative(string path)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
