using System.Text.Json.Nodes;
using RedisHaTui.Core.Lab;
using RedisHaTui.Core.Monitoring;
using RedisHaTui.Core.Tests.Support;

namespace RedisHaTui.Core.Tests.Lab;

public class AuthConfigTests
{
    private const string Password = "pw-For-Tests_0123456789abcdefXYZ";

    private static LabDefinition WithAuth(LabDefinition lab) =>
        lab with { Security = new ConnectionSecurity(new RedisCredentials(null, new Secret(Password))) };

    [Fact]
    public void With_auth_every_node_wants_the_password_and_gives_it_to_its_master()
    {
        LabDefinition lab = WithAuth(TestLabs.Definition());
        string template = TestLabs.Template("node2", "redis.conf") + "requirepass old-one\nmasterauth old-one\n";

        string master = ConfigWriter.Node(template, lab.Nodes[0], lab, "/run/node1");
        string replica = ConfigWriter.Node(template, lab.Nodes[1], lab, "/run/node2");

        foreach (string conf in new[] { master, replica })
        {
            Assert.Single(conf.Split('\n'), l => l == $"requirepass \"{Password}\"");
            Assert.Single(conf.Split('\n'), l => l == $"masterauth \"{Password}\"");
            Assert.DoesNotContain("old-one", conf);
        }
    }

    [Fact]
    public void With_auth_a_sentinel_authenticates_to_the_nodes_and_wants_the_password_itself()
    {
        LabDefinition lab = WithAuth(TestLabs.Definition());
        string template = TestLabs.Template("sentinel1", "sentinel.conf") + "sentinel auth-pass myMaster old-one\n";

        string conf = ConfigWriter.Sentinel(template, lab.Sentinels[0], lab, "/run/sentinel1");

        Assert.Single(conf.Split('\n'), l => l == $"sentinel auth-pass myMaster \"{Password}\"");
        Assert.Single(conf.Split('\n'), l => l == $"requirepass \"{Password}\"");
        Assert.DoesNotContain("old-one", conf);
    }

    [Fact]
    public void Without_auth_the_configs_hold_no_password()
    {
        LabDefinition lab = TestLabs.Definition();

        string node = ConfigWriter.Node(TestLabs.Template("node2", "redis.conf"), lab.Nodes[1], lab, "/run/node2");
        string sentinel = ConfigWriter.Sentinel(TestLabs.Template("sentinel1", "sentinel.conf"), lab.Sentinels[0], lab, "/run/sentinel1");

        Assert.DoesNotContain("requirepass", node + sentinel);
        Assert.DoesNotContain("masterauth", node);
        Assert.DoesNotContain("auth-pass", sentinel);
    }
}

public class SecretRedactionTests
{
    private const string Password = "do-not-print-me-0123456789";

    [Fact]
    public void A_secret_prints_as_stars_in_interpolation_records_and_exception_messages()
    {
        var secret = new Secret(Password);
        var credentials = new RedisCredentials("app", secret);
        var security = new ConnectionSecurity(credentials);
        LabDefinition lab = TestLabs.Definition() with { Security = security };

        string[] printed =
        [
            $"{secret}", secret.ToString(), $"{credentials}", $"{security}", $"{lab}", security.ToString(), lab.ToString(),
            new InvalidOperationException($"cannot connect with {credentials}").Message,
            string.Join(", ", new object[] { secret, credentials, security }),
        ];

        Assert.All(printed, text => Assert.DoesNotContain(Password, text));
        Assert.Equal("***", $"{secret}");
        Assert.Contains("***", $"{security}");
        Assert.Equal(Password, secret.Reveal());
    }

    [Fact]
    public void A_refused_password_is_explained_from_the_error_code_only()
    {
        string? code = AuthRefusal.Find("Response from 127.0.0.1:7001 / ECHO: SimpleError: NOAUTH Authentication required.");

        Assert.Equal("NOAUTH", code);
        Assert.Contains("--Lab:Auth:Enabled true", AuthRefusal.Explain(code!, withPassword: false));
        Assert.StartsWith("WRONGPASS: refused the lab's password", AuthRefusal.Explain("WRONGPASS", withPassword: true));
        Assert.Null(AuthRefusal.Find("It was not possible to connect to the redis server(s)."));
    }
}

/// <summary>lab.json with Lab:Auth, read from files in a temporary folder (no ports, no processes).</summary>
public sealed class AuthLoadingTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "redis-ha-tui-core-tests", Guid.NewGuid().ToString("N")[..12]);

    public AuthLoadingTests()
    {
        foreach ((string folder, string file) in new[] { ("node1", "redis.conf"), ("sentinel1", "sentinel.conf") })
        {
            Directory.CreateDirectory(Path.Combine(_dir, "lab", folder));
            File.WriteAllText(Path.Combine(_dir, "lab", folder, file), TestLabs.Template(folder, file));
        }
    }

    private string LabFile => Path.Combine(_dir, "lab.json");

    private LabDefinition Load(JsonObject? auth, IReadOnlyDictionary<string, string?>? environment = null, params string[] arguments)
    {
        var lab = new JsonObject
        {
            ["Nodes"] = new JsonArray(new JsonObject { ["Name"] = "node1", ["Folder"] = "lab/node1", ["Port"] = 17001 }),
            ["Sentinels"] = new JsonArray(new JsonObject { ["Name"] = "sentinel1", ["Folder"] = "lab/sentinel1", ["Port"] = 15001, ["Quorum"] = 1 }),
        };
        if (auth is not null) lab["Auth"] = auth;
        File.WriteAllText(LabFile, new JsonObject { ["Lab"] = lab }.ToJsonString());
        return LabLoader.Load(LabFile, arguments, environment ?? new Dictionary<string, string?>());
    }

    [Fact]
    public void A_password_written_into_lab_json_is_refused_pointing_at_a_file_and_never_echoed()
    {
        var e = Assert.Throws<LabLoadException>(() => Load(new JsonObject { ["Enabled"] = true, ["Password"] = "hunter2-secret" }));

        Assert.Contains("Lab:Auth:Password", e.Message);
        Assert.Contains("Lab:Auth:PasswordFile", e.Message);
        Assert.DoesNotContain("hunter2-secret", e.Message);
        Assert.False(Directory.Exists(Path.Combine(_dir, ".run")), "nothing is generated for a refused lab");
    }

    [Fact]
    public void A_password_from_the_environment_is_refused_too()
    {
        var e = Assert.Throws<LabLoadException>(() => Load(null, new Dictionary<string, string?> { ["REDISHATUI_Lab__Auth__Password"] = "hunter2-secret" }));

        Assert.Contains("environment (REDISHATUI_Lab__Auth__Password)", e.Message);
        Assert.DoesNotContain("hunter2-secret", e.Message);
    }

    [Fact]
    public void A_misspelt_auth_key_gets_a_suggestion()
    {
        var e = Assert.Throws<LabLoadException>(() => Load(new JsonObject { ["Enabeld"] = true }));

        Assert.Contains("Lab:Auth:Enabeld: unknown key 'Enabeld' (did you mean 'Enabled'?)", e.Message);
    }

    [Fact]
    public void Auth_is_off_by_default()
    {
        Assert.Same(ConnectionSecurity.None, Load(null).Security);
    }

    [Fact]
    public void Auth_on_generates_one_private_password_per_run_directory_and_keeps_it()
    {
        LabDefinition first = Load(null, arguments: ["--Lab:Auth:Enabled", "true"]);
        LabDefinition second = Load(null, new Dictionary<string, string?> { ["REDISHATUI_Lab__Auth__Enabled"] = "true" });

        var run = new RunDirectory(first);
        Secret password = first.Security.Credentials!.Password;
        Assert.Equal(LabSecrets.GeneratedLength, password.Reveal().Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", password.Reveal());
        Assert.Equal(password, second.Security.Credentials!.Password);
        Assert.Equal(LabSecrets.OwnerOnlyFile, File.GetUnixFileMode(run.PasswordPath));
        Assert.Equal(LabSecrets.OwnerOnlyFolder, File.GetUnixFileMode(run.SecretsFolder));
        Assert.Null(first.Security.Credentials.User);
    }

    [Fact]
    public void The_working_configs_holding_the_password_are_written_private()
    {
        LabDefinition lab = Load(new JsonObject { ["Enabled"] = true });
        var run = new RunDirectory(lab);

        run.WriteConfigs();

        foreach (ProcessDefinition p in lab.Processes)
        {
            Assert.Contains(lab.Security.Credentials!.Password.Reveal(), File.ReadAllText(run.ConfigPath(p)));
            Assert.Equal(LabSecrets.OwnerOnlyFile, File.GetUnixFileMode(run.ConfigPath(p)));
            Assert.Equal(LabSecrets.OwnerOnlyFolder, File.GetUnixFileMode(run.ProcessFolder(p)));
        }
    }

    [Fact]
    public void A_password_file_others_can_read_is_refused()
    {
        string file = Path.Combine(_dir, "lab-password");
        File.WriteAllText(file, "supplied-password-123\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var e = Assert.Throws<LabLoadException>(() => Load(new JsonObject { ["Enabled"] = true, ["PasswordFile"] = "lab-password" }));

        Assert.Contains("Lab:Auth:PasswordFile", e.Message);
        Assert.Contains("chmod 600", e.Message);
        Assert.DoesNotContain("supplied-password-123", e.Message);

        File.SetUnixFileMode(file, LabSecrets.OwnerOnlyFile);
        Assert.Equal("supplied-password-123", Load(new JsonObject { ["Enabled"] = true, ["PasswordFile"] = "lab-password" }).Security.Credentials!.Password.Reveal());
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
