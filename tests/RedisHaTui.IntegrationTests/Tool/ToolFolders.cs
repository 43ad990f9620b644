using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Tests.Tool;

/// <summary>
/// A user's world for an installed tool: an empty folder to run it from, a state folder of its own
/// ($XDG_STATE_HOME: the built-in lab and its run directory), and a port offset where the built-in lab's ports are free.
/// The shared Redis download ($XDG_CACHE_HOME) stays the user's, as it would for a real install.
/// </summary>
public sealed class ToolFolders : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("redis-ha-tui-user-");

    public ToolFolders()
    {
        Directory.CreateDirectory(Work);
        Directory.CreateDirectory(State);
        LabDefinition repoLab = LabLoader.Load(Path.Combine(Repo.Root, "lab.json"), []);
        PortOffset = FreePorts.Offset([.. repoLab.Processes.Select(p => p.Port)]);
    }

    public string Work => Path.Combine(_root.FullName, "work");
    public string State => Path.Combine(_root.FullName, "state");
    public int PortOffset { get; }

    public IReadOnlyDictionary<string, string?> Environment => new Dictionary<string, string?> { ["XDG_STATE_HOME"] = State };

    /// <summary>The built-in lab as the tool will run it (after it ran once and wrote it under <see cref="State"/>).</summary>
    public LabDefinition BuiltInLab() =>
        LabLoader.Load(Path.Combine(State, "redis-ha-tui", "tutorial-lab", "lab.json"), ["--port-offset", PortOffset.ToString()]);

    public void Dispose()
    {
        try { _root.Delete(recursive: true); } catch (IOException) { /* a process still writing its log: the OS cleans /tmp */ }
    }
}
