using RedisHaTui.Cli;

namespace RedisHaTui.Tests.Cli;

/// <summary>A saved way to reach a deployment: the same options as the command line, never a secret.</summary>
public sealed class ConnectionProfileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("redis-ha-tui-profile-").FullName;

    private (ConnectionProfile? Profile, string? Error) Load(string json)
    {
        string path = Path.Combine(_dir, "drill.json");
        File.WriteAllText(path, json);
        return ConnectionProfile.Load(path);
    }

    [Fact]
    public void A_profile_gives_the_deployment_options_with_the_password_file_next_to_it()
    {
        (ConnectionProfile? p, string? error) = Load("""
            { "sentinels": "127.0.0.2:26379,127.0.0.3:26379", "master": "mymaster", "user": "ops",
              "passwordFile": "secret.txt", "allowFailover": true } // comments allowed, as in lab.json
            """);

        Assert.Null(error);
        Assert.Equal(("127.0.0.2:26379,127.0.0.3:26379", "mymaster", "ops"), (p!.Sentinels, p.Master, p.User));
        Assert.Equal(Path.Combine(_dir, "secret.txt"), p.PasswordFile);
        Assert.True(p.AllowFailover);
        Assert.False(p.AllowWrites);
    }

    [Theory]
    [InlineData("""{ "sentinels": "a:1", "password": "hunter2" }""", "holds no password")]
    [InlineData("""{ "sentinel": "a:1" }""", "unknown key 'sentinel'")]
    [InlineData("""{ "sentinels": """, "malformed JSON")]
    [InlineData("""[1]""", "expected a JSON object")]
    public void A_profile_that_cannot_be_used_says_why_and_never_echoes_a_password(string json, string expected)
    {
        (ConnectionProfile? p, string? error) = Load(json);

        Assert.Null(p);
        Assert.Contains(expected, error);
        Assert.DoesNotContain("hunter2", error);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
