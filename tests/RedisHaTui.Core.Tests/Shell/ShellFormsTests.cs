using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Shell;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Shell;

/// <summary>How the app and redis-cli are typed on this machine, from what is on PATH and how the app was started.</summary>
public sealed class ShellFormsTests : IDisposable
{
    // A clone: <clone>/src/RedisHaTui/RedisHaTui.csproj, built by `dotnet run` into bin/<configuration>/<tfm>/.
    private readonly string _clone = Path.Combine(Path.GetTempPath(), "redis-ha-tui-forms-" + Guid.NewGuid().ToString("N")[..8]);

    public ShellFormsTests()
    {
        Directory.CreateDirectory(Path.Combine(_clone, "src", "RedisHaTui"));
        File.WriteAllText(Path.Combine(_clone, "src", "RedisHaTui", "RedisHaTui.csproj"), "<Project />");
    }

    public void Dispose() => Directory.Delete(_clone, recursive: true);

    private string Built(string configuration, string file) => Path.Combine(_clone, "src", "RedisHaTui", "bin", configuration, "net10.0", file);

    public static TheoryData<string, string?, string?, string?, string> Starts => new()
    {
        // case, redis-ha-tui on PATH, process path, entry assembly, the app's command typed from the clone
        { "installed tool on PATH", "/home/u/.dotnet/tools/redis-ha-tui", "/home/u/.dotnet/tools/redis-ha-tui", "", "redis-ha-tui" },
        { "dotnet run from a clone (apphost)", null, "{clone}/src/RedisHaTui/bin/Debug/net10.0/redis-ha-tui", "{clone}/src/RedisHaTui/bin/Debug/net10.0/redis-ha-tui.dll", "dotnet run --project src/RedisHaTui --" },
        { "dotnet run -c Release", null, "{clone}/src/RedisHaTui/bin/Release/net10.0/redis-ha-tui", "{clone}/src/RedisHaTui/bin/Release/net10.0/redis-ha-tui.dll", "dotnet run --project src/RedisHaTui -c Release --" },
        { "dotnet bin/…/redis-ha-tui.dll", null, "/usr/share/dotnet/dotnet", "{clone}/src/RedisHaTui/bin/Debug/net10.0/redis-ha-tui.dll", "dotnet run --project src/RedisHaTui --" },
        { "published into .app", null, "{clone}/.app/redis-ha-tui", "{clone}/.app/redis-ha-tui.dll", ".app/redis-ha-tui" },
        { "NativeAOT binary elsewhere", null, "/opt/rht/redis-ha-tui", "", "/opt/rht/redis-ha-tui" },
        { "a dll run by the dotnet host elsewhere", null, "/usr/share/dotnet/dotnet", "/opt/rht/redis-ha-tui.dll", "dotnet /opt/rht/redis-ha-tui.dll" },
        { "a test host: not this app's entry point", null, "/usr/share/dotnet/dotnet", "/x/testhost.dll", "redis-ha-tui" },
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void The_app_is_typed_as_it_is_found_on_PATH_else_as_it_was_started(string start, string? onPath, string? process, string? entry, string expected)
    {
        string? Fill(string? s) => s?.Replace("{clone}", _clone);
        ShellForms forms = ShellForms.Resolve(onPath, null, "/usr/bin/dotnet", Fill(process), Fill(entry));
        Assert.True(expected.Replace("{clone}", _clone) == forms.AppFrom(_clone), $"{start}: {forms.AppFrom(_clone)}");
    }

    [Fact]
    public void A_path_outside_the_folder_the_person_types_in_is_absolute_and_quoted_when_it_needs_it()
    {
        string spaced = Path.Combine(_clone, "my labs");
        ShellForms forms = ShellForms.Resolve(null, null, "/usr/bin/dotnet", Path.Combine(spaced, "redis-ha-tui"), "");
        Assert.Equal($"'{spaced}/redis-ha-tui'", forms.AppFrom("/somewhere/else"));
        Assert.Equal("'my labs/redis-ha-tui'", forms.AppFrom(_clone));
        Assert.Equal("./redis-ha-tui", forms.AppFrom(spaced)); // a bare name would be looked up on PATH
    }

    [Fact]
    public void Redis_cli_is_itself_where_it_is_on_PATH_else_the_apps_cli_verb_with_the_lab_options()
    {
        LabDefinition lab = TestLabs.Definition(portOffset: 1000);
        ProcessDefinition node1 = lab.Find("node1")!;
        ShellForms withCli = ShellForms.Resolve("/usr/bin/redis-ha-tui", "/usr/bin/redis-cli", null, null, null);
        ShellForms without = ShellForms.Resolve("/usr/bin/redis-ha-tui", null, null, null, null);

        Assert.Equal("redis-cli -p 8001 info replication", withCli.Cli(lab, node1, "info replication", "/lab"));
        Assert.Equal("redis-ha-tui cli --port-offset 1000 node1 info replication", without.Cli(lab, node1, "info replication", "/lab"));
        Assert.Equal("redis-ha-tui cli --lab /lab/lab.json --port-offset 1000 node1", without.Cli(lab, node1, fromDirectory: "/elsewhere"));
        Assert.Equal("redis-cli -h 127.0.0.2 -p 8001", withCli.Cli(TestLabs.Definition(portOffset: 1000, host: "127.0.0.2"), node1 with { Endpoint = new Endpoint("127.0.0.2", 8001) }, "", "/lab"));
    }

    [Fact]
    public void A_verb_carries_the_lab_options_its_lab_needs_from_where_it_is_typed()
    {
        ShellForms forms = ShellForms.Resolve("/usr/bin/redis-ha-tui", null, null, null, null);
        Assert.Equal("redis-ha-tui status", forms.Verb(TestLabs.Definition(), "status", "/lab"));
        Assert.Equal("redis-ha-tui load --rate 100 --port-offset 3", forms.Verb(TestLabs.Definition(portOffset: 3), "load --rate 100", "/lab"));
        Assert.Equal("redis-ha-tui down --lab /lab/lab.json", forms.Verb(TestLabs.Definition(), "down", "/other"));
        Assert.Equal("redis-ha-tui --port-offset 3", forms.Verb(TestLabs.Definition(portOffset: 3), "", "/lab"));
    }
}
