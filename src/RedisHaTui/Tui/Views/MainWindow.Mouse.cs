using Terminal.Gui.Input;

namespace RedisHaTui.Tui.Views;

internal sealed partial class MainWindow
{
    private const int WheelLines = 3;

    /// <summary>Mouse events are routed by screen position, like keys, rather than through each view.</summary>
    private void OnMouse(object? sender, Mouse mouse)
    {
        if (mouse.Handled || !ReferenceEquals(_app.TopRunnable, this)) return;
        if (_mode == Mode.Help && mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked))
        {
            CloseOverlay();
            mouse.Handled = true;
            return;
        }
        if (_mode != Mode.Normal) return;
        int index = _panes.FindIndex(p => p.Visible && p.FrameToScreen().Contains(mouse.ScreenPosition));
        if (index < 0) return;
        if (mouse.Flags.HasFlag(MouseFlags.WheeledUp)) _panes[index].ScrollBy(-WheelLines);
        else if (mouse.Flags.HasFlag(MouseFlags.WheeledDown)) _panes[index].ScrollBy(WheelLines);
        else if (mouse.Flags.HasFlag(MouseFlags.LeftButtonDoubleClicked)) { Select(index); SetZoom(!_zoomed); }
        else if (mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked)) Select(index);
        else return;
        mouse.Handled = true;
    }
}
