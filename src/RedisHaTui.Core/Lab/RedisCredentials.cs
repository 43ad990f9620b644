namespace RedisHaTui.Core.Lab;

/// <summary>How to authenticate to a process: an optional ACL user and a password; prints redacted.</summary>
public sealed record RedisCredentials(string? User, Secret Password)
{
    public override string ToString() => User is null ? "password ***" : $"user {User}, password ***";
}
