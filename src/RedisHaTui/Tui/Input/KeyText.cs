using System.Text;
using Terminal.Gui.Input;

namespace RedisHaTui.Tui.Input;

/// <summary>What a key types, as opposed to which key it is: 'K' whether it came as Shift+K or as the character.</summary>
internal static class KeyText
{
    /// <summary>The character a key types, with Shift applied ('K' for Shift+K), or '\0' for keys that type nothing.</summary>
    public static char Printable(Key key)
    {
        string text = key.GetPrintableText();
        if (text.Length == 1 && !char.IsControl(text[0])) return text[0];
        return key.AsRune is { Value: > 31 and < 0xFFFF } r && !Rune.IsControl(r) ? (char)r.Value : '\0';
    }

    /// <summary>The text a key types into a prompt (any printable grapheme), or null.</summary>
    public static string? Typed(Key key)
    {
        if (key.IsCtrl || key.IsAlt) return null;
        string text = key.GetPrintableText();
        return text.Length > 0 && !text.Any(char.IsControl) ? text : null;
    }
}
