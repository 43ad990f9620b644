namespace RedisHaTui.Tui.Screen;

/// <summary>
/// The parts of the main screen a key can drive, each owning one concern; the key table's handlers are given
/// this. A new part (a side panel) is a new member here and its entries in the key table.
/// </summary>
internal sealed record ScreenParts(
    PaneGrid Grid,
    ScreenModes Modes,
    ActionRunner Actions,
    LogSearch Search,
    ConsoleController Console,
    QuitGuard Quit,
    DriftViewer Drift,
    HandoutWriter Handout,
    WalkthroughController Walkthrough,
    FaultMenuController Faults,
    LoadController Load,
    ReplayController? Replay = null);
