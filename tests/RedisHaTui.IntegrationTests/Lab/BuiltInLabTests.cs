using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Tests.Support;
using RedisHaTui.Tests.Cli;

namespace RedisHaTui.Tests.Lab;

/// <summary>The built-in lab is the repository's lab.json and lab/, byte for byte, and `init` writes it out without overwriting.</summary>
public class BuiltInLabTests
{
    [Fact]
    public void The_built_in_lab_is_the_repositorys_lab_json_and_lab_folder()
    {
        string[] inRepo =
        [
            "lab.json",
            .. Directory.EnumerateFiles(Repo.LabTemplates, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Repo.Root, f).Replace(Path.DirectorySeparatorChar, '/'))
                .Where(f => !f.Contains("/.run/")),
        ];
        Assert.Equal(inRepo.Order(StringComparer.Ordinal), BuiltInLab.Files);

        using var folder = new TempFolder();
        BuiltInLab.WriteTo(folder.Path);
        foreach (string file in BuiltInLab.Files)
            Assert.True(File.ReadAllBytes(Path.Combine(Repo.Root, file)).SequenceEqual(File.ReadAllBytes(Path.Combine(folder.Path, file))), $"{file} differs");
    }

    [Fact]
    public async Task Init_writes_a_lab_that_loads_and_refuses_to_overwrite_one()
    {
        using var folder = new TempFolder();
        string target = Path.Combine(folder.Path, "workshop");

        (int code, string output) = await AppProcess.RunAsync(TimeSpan.FromSeconds(30), "init", target);
        Assert.True(code == 0, output);
        LabDefinition lab = LabLoader.Load(Path.Combine(target, "lab.json"), []);
        Assert.Equal(["node1", "node2", "sentinel1", "sentinel2", "sentinel3"], lab.Processes.Select(p => p.Name));
        Assert.True(File.GetUnixFileMode(Path.Combine(target, "lab", "node1", "start.sh")).HasFlag(UnixFileMode.UserExecute));

        File.WriteAllText(Path.Combine(target, "lab", "node1", "redis.conf"), "# the student's edit\n");
        (code, output) = await AppProcess.RunAsync(TimeSpan.FromSeconds(30), "init", target);
        Assert.Equal(2, code);
        Assert.Contains("lab.json", output);
        Assert.Contains("init never overwrites", output);
        Assert.Equal("# the student's edit\n", File.ReadAllText(Path.Combine(target, "lab", "node1", "redis.conf")));
    }

    private sealed class TempFolder : IDisposable
    {
        private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("redis-ha-tui-init-");
        public string Path => _dir.FullName;
        public void Dispose() => _dir.Delete(recursive: true);
    }
}
