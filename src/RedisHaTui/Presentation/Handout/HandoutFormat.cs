namespace RedisHaTui.Presentation.Handout;

/// <summary>The handout's three formats, chosen by the file's extension.</summary>
public enum HandoutFormat { Markdown, Csv, Json }

/// <summary>Extension to format, and back.</summary>
public static class HandoutFormats
{
    public const string Known = ".md, .csv or .json";

    /// <summary>The format a file name asks for, or null with the reason (an extension it does not know).</summary>
    public static (HandoutFormat? Format, string? Error) Of(string path)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        return ext switch
        {
            ".md" or ".markdown" => (HandoutFormat.Markdown, null),
            ".csv" => (HandoutFormat.Csv, null),
            ".json" => (HandoutFormat.Json, null),
            "" => (null, $"--export {path}: no extension; name the file {Path.GetFileName(path)}.md, .csv or .json to choose the format"),
            _ => (null, $"--export {path}: unknown extension '{ext}'; the handout is written as {Known}"),
        };
    }

    /// <summary>The text of a handout in <paramref name="format"/>: pure, from the snapshot alone.</summary>
    public static string Render(HandoutFormat format, Core.State.LabSnapshot s, TimeZoneInfo zone, DateTimeOffset now) => format switch
    {
        HandoutFormat.Markdown => HandoutMarkdown.Render(s, zone, now),
        HandoutFormat.Csv => HandoutCsv.Render(s),
        _ => HandoutJson.Render(s, now),
    };
}
