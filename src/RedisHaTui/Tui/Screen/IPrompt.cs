using RedisHaTui.Tui.Input;

namespace RedisHaTui.Tui.Screen;

/// <summary>A one-line prompt that owns the keyboard while open (`:` and `/`); the modes route its keys to it.</summary>
internal interface IPrompt
{
    LineEditor Editor { get; }

    /// <summary>Enter: acts on the line; false when the prompt closes after it.</summary>
    bool Submit();

    /// <summary>An editing key changed the line: redraw it.</summary>
    void Edited();

    /// <summary>The prompt's mode ended (Esc, Ctrl+C, or a submit that closes it): take it off the screen.</summary>
    void Hide();
}
