namespace RedisHaTui.Core.Lab;

/// <summary>
/// Bad input the user can fix: a lab file, a key, a port, a binary. The message names what is wrong and
/// where; the CLI prints it without a stack trace and exits non-zero.
/// </summary>
public sealed class LabLoadException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public LabLoadException(string problem) : this([problem]) { }
}
