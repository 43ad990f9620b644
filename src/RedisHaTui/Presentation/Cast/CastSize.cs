using System.Globalization;

namespace RedisHaTui.Presentation.Cast;

/// <summary>The terminal size a cast is drawn at: --size COLSxROWS.</summary>
public readonly record struct CastSize(int Width, int Height)
{
    /// <summary>The default: the size the README's screens and the screen benchmarks use.</summary>
    public static readonly CastSize Default = new(120, 40);

    /// <summary>The smallest screen the app lays out (and a player can show).</summary>
    public static readonly CastSize Smallest = new(60, 16);

    /// <summary>Reads "120x40"; null and the reason when it is not COLSxROWS within 60x16 to 500x200.</summary>
    public static CastSize? Parse(string text, out string? error)
    {
        error = null;
        string[] parts = text.Trim().ToLowerInvariant().Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int w)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int h))
        {
            if (w >= Smallest.Width && h >= Smallest.Height && w <= 500 && h <= 200) return new CastSize(w, h);
            error = $"--size '{text}': from {Smallest.Width}x{Smallest.Height} to 500x200 (columns x rows)";
            return null;
        }
        error = $"--size '{text}': write COLSxROWS, e.g. 120x40";
        return null;
    }

    public override string ToString() => $"{Width}x{Height}";
}
