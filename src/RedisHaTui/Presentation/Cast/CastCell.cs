namespace RedisHaTui.Presentation.Cast;

/// <summary>How a cell is drawn: 24-bit colours (0xRRGGBB) and the text styles a terminal understands.</summary>
public readonly record struct CellStyle(int Foreground, int Background, bool Bold = false, bool Dim = false, bool Italic = false,
    bool Underline = false, bool Reverse = false);

/// <summary>One cell of a drawn screen: its text (one grapheme; "" for the second half of a wide one) and its style.</summary>
public readonly record struct CastCell(string Text, CellStyle Style);
