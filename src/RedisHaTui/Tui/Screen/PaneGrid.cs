using System.Drawing;
using RedisHaTui.Presentation;
using RedisHaTui.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace RedisHaTui.Tui.Screen;

/// <summary>
/// The selectable panes, each kept with the cell it was last laid out in: which one is selected, whether it is
/// zoomed, and moving the selection by Tab, arrows, number or mouse. Panes come in groups, each laid out in its
/// own region of the screen (the processes tiled over the top, the timeline under them), and the selection
/// walks the groups in the order they were added.
/// </summary>
internal sealed class PaneGrid
{
    private const int WheelLines = 3;

    private sealed class Slot(PaneView pane)
    {
        public PaneView Pane { get; } = pane;

        public Rectangle Cell { get; set; }
    }

    /// <summary>Panes laid out together: <see cref="Cells"/> gives one rectangle per slot, in order.</summary>
    private sealed record Group(List<Slot> Slots, Func<ScreenLayout, IReadOnlyList<Rectangle>> Cells);

    private readonly View _screen;
    private readonly FramePlacer _placer;
    private readonly List<Slot> _slots = []; // the selection order
    private readonly List<Group> _groups = [];
    private readonly List<ProcessPane> _processes = [];
    private int _selected;

    public PaneGrid(View screen, FramePlacer placer)
    {
        _screen = screen;
        _placer = placer;
    }

    /// <summary>Raised after the selection moved; the screen keeps its overlays above the redrawn borders.</summary>
    public event Action? SelectionChanged;

    /// <summary>Every pane in selection order.</summary>
    public IEnumerable<PaneView> Panes => _slots.Select(s => s.Pane);

    /// <summary>The process panes, numbered 1-9 in this order.</summary>
    public IReadOnlyList<ProcessPane> Processes => _processes;

    public PaneView Selected => _slots[_selected].Pane;

    public ProcessPane? SelectedProcess => Selected as ProcessPane;

    public bool Zoomed { get; private set; }

    /// <summary>
    /// Adds panes that share a region, after those already added: <paramref name="cells"/> gives one rectangle
    /// per pane, in order. The screen adds the views themselves, so that its overlays stay above them.
    /// </summary>
    public void AddGroup(IReadOnlyList<PaneView> panes, Func<ScreenLayout, IReadOnlyList<Rectangle>> cells)
    {
        var group = new Group([.. panes.Select(p => new Slot(p))], cells);
        _groups.Add(group);
        _slots.AddRange(group.Slots);
        _processes.AddRange(panes.OfType<ProcessPane>());
        if (_slots.Count > 0) _slots[_selected].Pane.Selected = true;
    }

    /// <summary>
    /// Puts other panes in the place of group <paramref name="index"/> (a deployment gained or lost a process);
    /// returns the panes it held, for the screen to remove. The selection stays at its place, within bounds.
    /// </summary>
    public IReadOnlyList<PaneView> ReplaceGroup(int index, IReadOnlyList<PaneView> panes)
    {
        Group old = _groups[index];
        int at = _slots.IndexOf(old.Slots[0]);
        _slots[_selected].Pane.Selected = false;
        _slots.RemoveRange(at, old.Slots.Count);
        var group = old with { Slots = [.. panes.Select(p => new Slot(p))] };
        _groups[index] = group;
        _slots.InsertRange(at, group.Slots);
        _processes.Clear();
        _processes.AddRange(_slots.Select(s => s.Pane).OfType<ProcessPane>());
        _selected = Math.Clamp(_selected, 0, _slots.Count - 1);
        _slots[_selected].Pane.Selected = true;
        if (Zoomed) Zoomed = false; // the zoomed pane may be gone; the new layout shows them all
        _screen.SetNeedsLayout();
        return [.. old.Slots.Select(s => s.Pane)];
    }

    /// <summary>Recomputes every pane's cell; zoomed, the selected pane covers them all and the others hide.</summary>
    public void Layout(ScreenLayout layout)
    {
        foreach (Group group in _groups)
        {
            IReadOnlyList<Rectangle> cells = group.Cells(layout);
            for (int i = 0; i < group.Slots.Count; i++) group.Slots[i].Cell = cells[i];
        }
        for (int i = 0; i < _slots.Count; i++)
        {
            PaneView pane = _slots[i].Pane;
            if (!Zoomed) _placer.Place(pane, _slots[i].Cell);
            else if (i == _selected) _placer.Place(pane, layout.Zoomed);
            else if (pane.Visible) pane.Visible = false;
        }
    }

    public void SelectNext() => Select((_selected + 1) % _slots.Count);

    public void SelectPrevious() => Select((_selected + _slots.Count - 1) % _slots.Count);

    /// <summary>The process numbered <paramref name="number"/> (1-based); a number with no process changes nothing.</summary>
    public void SelectProcess(int number)
    {
        if (number < 1 || number > _processes.Count) return;
        Select(_slots.FindIndex(s => s.Pane == _processes[number - 1]));
    }

    /// <summary>The nearest pane in that direction, by the cells of the normal (unzoomed) layout.</summary>
    public void SelectToward(Direction direction) =>
        Select(PaneNavigation.Next([.. _slots.Select(s => s.Cell)], _selected, direction));

    /// <summary>True when the zoom changed.</summary>
    public bool SetZoom(bool zoomed)
    {
        if (Zoomed == zoomed) return false;
        Zoomed = zoomed;
        _screen.SetNeedsLayout();
        _screen.SetNeedsDraw();
        return true;
    }

    /// <summary>Wheel scrolls the pane under the pointer, a click selects it, a double click zooms it; true when used.</summary>
    public bool HandleMouse(MouseFlags flags, Point screenPosition)
    {
        int index = _slots.FindIndex(s => s.Pane.Visible && s.Pane.FrameToScreen().Contains(screenPosition));
        if (index < 0) return false;
        PaneView pane = _slots[index].Pane;
        if (flags.HasFlag(MouseFlags.WheeledUp)) pane.ScrollBy(-WheelLines);
        else if (flags.HasFlag(MouseFlags.WheeledDown)) pane.ScrollBy(WheelLines);
        else if (flags.HasFlag(MouseFlags.LeftButtonDoubleClicked)) { Select(index); SetZoom(!Zoomed); }
        else if (flags.HasFlag(MouseFlags.LeftButtonClicked)) Select(index);
        else return false;
        return true;
    }

    private void Select(int index)
    {
        if (index < 0 || index >= _slots.Count || index == _selected) return;
        _slots[_selected].Pane.Selected = false;
        _selected = index;
        _slots[index].Pane.Selected = true;
        if (Zoomed) _screen.SetNeedsLayout();
        SelectionChanged?.Invoke();
    }
}
